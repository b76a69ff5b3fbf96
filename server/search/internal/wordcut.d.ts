/** The slice of wordcut 0.9 (CommonJS, untyped) that segment.ts uses; see node_modules/wordcut/lib. */
declare module 'wordcut' {
  interface Wordcut {
    /**
     * Loads the bundled dictionaries (when dictPath is undefined) plus `extraWords`.
     * Mutates the object it is called on, so call it on Object.create(wordcut) for an instance.
     */
    init(dictPath?: string, withDefault?: boolean, extraWords?: string[]): void;
    cutIntoArray(text: string): string[];
    /** The dictionary acceptor init() clones (lib/dict.js). */
    defaultDict: object;
  }
  const wordcut: Wordcut;
  export default wordcut;
}

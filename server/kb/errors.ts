/** A knowledge file or batch that cannot be used. `file:line: message` form when a line is known. */
export class KnowledgeError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
    options?: { cause?: unknown },
  ) {
    super(file ? `${file}${line ? `:${line}` : ''}: ${message}` : message, options);
    this.name = 'KnowledgeError';
  }
}

/** A file that cannot be read as the format it claims; the message completes "<file> …". */
export class FormatError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FormatError';
  }
}

/**
 * What a console action can refuse, in words an editor can act on. Domain code throws these;
 * the console routes turn them into HTTP statuses (server/routes/console.ts), the CLI into exit codes.
 */
export type ConsoleErrorKind = 'invalid' | 'unprocessable' | 'unauthenticated' | 'forbidden' | 'not-found' | 'conflict' | 'rate-limited';

export class ConsoleError extends Error {
  constructor(
    readonly kind: ConsoleErrorKind,
    message: string,
    /** Per-field problems (path → message), e.g. kb:check messages for a draft. */
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'ConsoleError';
  }
}

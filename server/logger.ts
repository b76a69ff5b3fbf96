/**
 * The slice of pino's logger that domain code uses, so it can log without importing fastify
 * (the app passes `app.log.child(...)`; tests pass nothing or a recorder).
 */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

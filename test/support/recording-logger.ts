import type { Logger } from '../../server/logger.js';

export interface LoggedLine {
  level: 'info' | 'warn' | 'error';
  obj: unknown;
  msg?: string;
}

/** A Logger that keeps what it is told, for tests that read the log lines. */
export function recordingLogger(): { logger: Logger; lines: LoggedLine[] } {
  const lines: LoggedLine[] = [];
  const at = (level: LoggedLine['level']) => (obj: unknown, msg?: string) => void lines.push({ level, obj, msg });
  return { logger: { info: at('info'), warn: at('warn'), error: at('error') } as Logger, lines };
}

import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import type { Logger as FullLogger } from '../logger.js';
import type { Outcome } from '../store/types.js';

export type Channel = 'api' | 'web' | 'line';

export interface QuestionEntry {
  channel: Channel;
  question: string;
  lang: string;
  answered: boolean;
  /**
   * What the bot did: answered, offered options, found nothing, made small talk or handed over
   * to a person (editors look for 'handoff'). Optional until the log moves into the store.
   */
  outcome?: Outcome;
  /** Id of the best record, answered or merely suggested. */
  topId?: string;
  score?: number;
  latencyMs: number;
  /** Salted hash of a LINE user id: lets us count repeat askers without keeping who they are. */
  user?: string;
  requestId?: string;
}

export interface FeedbackEntry {
  recordId: string;
  question: string;
  helpful: boolean;
  comment?: string;
  channel: Channel;
  requestId?: string;
}

/** One line of the log file, as written. */
export type LogLine = ({ type: 'question' } & QuestionEntry & { time: string }) | ({ type: 'feedback' } & FeedbackEntry & { time: string });

export interface QuestionLog {
  question(entry: QuestionEntry): void;
  feedback(entry: FeedbackEntry): void;
  /** Flushes buffered lines and closes the file. */
  close(): Promise<void>;
}

type Logger = Pick<FullLogger, 'warn'>;

export function hashUserId(userId: string, salt: string): string {
  return createHash('sha256').update(salt).update('\0').update(userId).digest('hex');
}

/**
 * Appends JSON lines through a write stream: callers never wait on disk, and the stream
 * buffers while the file is busy. A failing disk is logged once and then ignored, since
 * losing log lines is better than failing questions.
 */
export function createQuestionLog(file: string | null, logger?: Logger): QuestionLog {
  if (file === null) return { question() {}, feedback() {}, close: async () => {} };

  let stream: WriteStream | undefined;
  let failed = false;

  function open(): WriteStream | undefined {
    if (stream || failed) return stream;
    try {
      mkdirSync(path.dirname(file!), { recursive: true });
    } catch (err) {
      failed = true;
      logger?.warn({ err, file }, 'question log off: cannot create its directory');
      return undefined;
    }
    stream = createWriteStream(file!, { flags: 'a', encoding: 'utf8' });
    stream.on('error', (err) => {
      if (!failed) logger?.warn({ err, file }, 'question log write failed; further lines are dropped');
      failed = true;
    });
    return stream;
  }

  function append(line: LogLine): void {
    const s = open();
    if (s && !failed) s.write(`${JSON.stringify(line)}\n`);
  }

  return {
    question(entry) {
      append({ type: 'question', time: new Date().toISOString(), ...entry });
    },
    feedback(entry) {
      append({ type: 'feedback', time: new Date().toISOString(), ...entry });
    },
    close() {
      const s = stream;
      stream = undefined;
      failed = true;
      if (!s || s.destroyed) return Promise.resolve();
      return new Promise<void>((resolve) => s.end(() => resolve()));
    },
  };
}

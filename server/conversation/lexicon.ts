import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from '../paths.js';

/** kb/lexicon/conversation.json: conversation markers are data, edited with the other word lists. */
export const DEFAULT_CONVERSATION_LEXICON = path.join(REPO_ROOT, 'kb', 'lexicon', 'conversation.json');

const EntrySchema = z.strictObject({
  text: z.string().trim().min(1, 'must not be empty'),
  lang: z.enum(['th', 'en'], { error: 'must be "th" or "en"' }),
  source: z.string().trim().min(3, 'must name a general reference or "editor"'),
  /** Words that start with this one but mean something else (แล้วแต่ for แล้ว). */
  except: z.array(z.string().trim().min(1)).optional(),
});
const EntriesSchema = z.array(EntrySchema).min(1, 'must list at least one entry');

export const ConversationLexiconSchema = z.strictObject({
  about: z.string().optional(),
  followUp: z.strictObject({
    /** Words that open a turn continuing the previous one ("แล้ว …", "what about …"). */
    leading: EntriesSchema,
    /** Words that close such a turn ("… ล่ะ", "… too"). */
    trailing: EntriesSchema,
    /** Words that point back to something already said ("อันนี้", "it"). */
    pronouns: EntriesSchema,
    /**
     * Interrogatives: a short turn that asks with one but names no topic ("ส่งทางไหน", "how
     * many?") asks about the topic already on the table.
     */
    questionWords: EntriesSchema,
  }),
  /** Politeness particles and intensifiers: a turn of only these and a greeting is a greeting. */
  particles: EntriesSchema,
  smallTalk: z.strictObject({ greeting: EntriesSchema, thanks: EntriesSchema, identity: EntriesSchema }),
  handoff: z.strictObject({
    /** Asking for a person ("ขอคุยกับเจ้าหน้าที่", "talk to a human"). */
    person: EntriesSchema,
    /** A phone number, an e-mail address, "contact". */
    channel: EntriesSchema,
    /**
     * The words of a bare request around those ("ขอ … หน่อย", "can I have your …"): a turn of
     * only these and a person or channel phrase is a hand-off; a turn with more is a question,
     * answered from the handouts when they answer it ("ต้องติดต่อ สสช. เพื่อติดตั้งระบบไหม").
     */
    request: EntriesSchema,
  }),
});
export type ConversationLexicon = z.infer<typeof ConversationLexiconSchema>;
export type LexiconEntry = z.infer<typeof EntrySchema>;

export class LexiconError extends Error {
  constructor(
    message: string,
    readonly file: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${message}`, options);
    this.name = 'LexiconError';
  }
}

/** Reads and validates a conversation lexicon; throws LexiconError naming the file and every bad entry. */
export function loadConversationLexicon(file: string = DEFAULT_CONVERSATION_LEXICON): ConversationLexicon {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new LexiconError(`cannot read JSON: ${(cause as Error).message}`, file, { cause });
  }
  const parsed = ConversationLexiconSchema.safeParse(raw);
  if (!parsed.success) {
    throw new LexiconError(`invalid: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`, file);
  }
  return parsed.data;
}

let defaultLexicon: ConversationLexicon | undefined;

/** The repository's lexicon, read once per process (it changes with a release, like the code). */
export function defaultConversationLexicon(): ConversationLexicon {
  defaultLexicon ??= loadConversationLexicon();
  return defaultLexicon;
}

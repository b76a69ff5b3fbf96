import { findPhrase, leadingPhrase, normalizeTurn, prepareTurn, remainder, stripFrame, trailingPhrase, wordsOf, type CompiledLexicon } from './markers.js';

/** How a turn leans on the turns before it. */
export interface Leaning {
  /** Framed as a follow-up: "แล้ว … ล่ะ", "and …?", "what about …". */
  frame: boolean;
  /** Points back with a pronoun: "อันนี้", "it". */
  pronoun: boolean;
  /** Says too little to stand alone: a bare noun phrase ("L3", "template 2", "how many"). */
  short: boolean;
  /** Asks with an interrogative ("ใคร", "กี่", "when"). */
  asks: boolean;
  /** The core is nothing but interrogatives ("how many", "ทำไม"): it names nothing of its own. */
  onlyAsks: boolean;
  /** The turn without its frame, pronouns and particles: the words it adds. */
  core: string;
  /** How many words the core has. */
  words: number;
}

export interface FollowUpOptions {
  /** A turn whose core has at most this many words is a bare phrase that leans on context. */
  shortWords: number;
  /**
   * A turn asking with a pronoun and an interrogative in at most this many words ("who sets the
   * targets for it?") is bare too: the pronoun is its whole topic.
   */
  pronounQuestionWords: number;
  /**
   * With no earlier turn to lean on, a follow-up ("แล้ว … ล่ะ", "it") of at most this many words
   * is asked about rather than answered: "แล้วใครเป็นคนติดตั้งให้" names nothing to install. A
   * longer one names its own topic ("What about the other agencies in the ACMECS agenda, …").
   */
  orphanWords: number;
}

export const DEFAULT_FOLLOW_UP_OPTIONS: FollowUpOptions = {
  // "L3", "template 2", "ใครเป็นเจ้าภาพ" (3 words), "ต้องส่งทางไหน" (4): a topic word or a
  // question word alone. Five words usually carry a topic of their own.
  shortWords: 4,
  pronounQuestionWords: 6,
  orphanWords: 6,
};

export function leaningOf(question: string, lexicon: CompiledLexicon, options: FollowUpOptions = DEFAULT_FOLLOW_UP_OPTIONS): Leaning {
  const turn = prepareTurn(question);
  const frame = Boolean(leadingPhrase(turn, lexicon.leading) || trailingPhrase(turn, lexicon.trailing, lexicon.particles));
  const pronoun = Boolean(findPhrase(turn, lexicon.pronouns));
  const stripped = stripFrame(question, lexicon);
  const core = remainder(prepareTurn(stripped), [lexicon.pronouns], lexicon.particles);
  const asks = Boolean(findPhrase(turn, lexicon.questionWords));
  const words = wordsOf(core).length;
  const short = words <= options.shortWords || (pronoun && asks && words <= options.pronounQuestionWords);
  const onlyAsks = asks && remainder(prepareTurn(core), [lexicon.questionWords], lexicon.particles) === '';
  return { frame, pronoun, short, asks, onlyAsks, core, words };
}

/**
 * A token that names one of a series: L1, 2565, template 3's "3", ปี 64's "64". A follow-up
 * that gives one ("แล้ว L3 ล่ะ") asks the previous question again with it in place of its
 * counterpart ("e-service ระดับ L1 คืออะไร" → "e-service ระดับ L3 คืออะไร").
 */
const SLOT = /^(?:[a-z]{1,3}\d+(?:\.\d+)?|\d+(?:\.\d+)?)$/;
const TOKEN = /[a-z]{1,3}\d+(?:\.\d+)?|\d+(?:\.\d+)?|[^\s\d]+/g;

function slotShape(token: string): string | undefined {
  if (!SLOT.test(token)) return undefined;
  const letters = token.match(/^[a-z]*/)![0];
  const digits = token.slice(letters.length);
  // Years pair with years (2564/2565, 64/65), small numbers with small numbers (template 1/3).
  const size = digits.includes('.') ? 'decimal' : digits.length >= 4 ? 'year4' : digits.length === 2 && Number(digits) >= 40 ? 'year2' : 'n';
  return `${letters}:${size}`;
}

export interface ContextualQuestion {
  /** The question to ask in the context of the previous one. */
  text: string;
  /** True when the follow-up's own slot tokens replaced their counterparts in the previous question. */
  substituted: boolean;
}

/**
 * The previous question re-asked with the follow-up's words: slots are substituted, and any other
 * words of the follow-up come first, so they lead when the answerer weighs the question.
 */
export function contextualQuestion(previous: string, leaning: Leaning): ContextualQuestion {
  const prev = normalizeTurn(previous);
  const core = normalizeTurn(leaning.core);
  const coreTokens = core.match(TOKEN) ?? [];
  // Only a turn that leans on the previous one re-uses its slots; a complete question keeps its own.
  const slots = leaning.frame || leaning.pronoun || leaning.short ? coreTokens.filter((t) => slotShape(t) && !(prev.match(TOKEN) ?? ([] as string[])).includes(t)) : [];
  let text = prev;
  let substituted = false;
  const used = new Set<string>();
  for (const slot of slots) {
    const shape = slotShape(slot)!;
    const prevTokens = text.match(TOKEN) ?? [];
    const counterpart = prevTokens.find((t) => slotShape(t) === shape && t !== slot && !used.has(t));
    if (counterpart) {
      text = text.replace(new RegExp(`(?<![a-z0-9.])${escape(counterpart)}(?![a-z0-9])`), slot);
      used.add(slot);
      substituted = true;
    }
  }
  // Words of the follow-up that are not already in the (substituted) previous question.
  const extra = coreTokens.filter((t) => !(SLOT.test(t) && used.has(t)) && !text.includes(t)).join(' ');
  return { text: extra ? `${extra} ${text}` : text, substituted };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

import type { ConversationLexicon, LexiconEntry } from './lexicon.js';

/**
 * Phrase matching over the conversation lexicon. Thai is written without spaces between words,
 * so Thai phrases are matched inside the text with its spaces removed ("ขอคุย กับ เจ้าหน้าที่"
 * is "ขอคุยกับเจ้าหน้าที่"); English phrases only on word boundaries, so "hi" is not found in
 * "this" and "it" is not found in "digital".
 */

const THAI = /[\u0E00-\u0E7F]/;
/** Punctuation a chat turn carries around its words; hyphens and dots stay inside names (e-service). */
const PUNCTUATION = /[?!,;:"“”'‘’()[\]{}…。？！]+|(?<![\p{L}\p{N}])[.]+|[.]+(?![\p{L}\p{N}])/gu;

/** NFC, lower case, punctuation to spaces, one space between words. */
export function normalizeTurn(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(PUNCTUATION, ' ').replace(/\s+/g, ' ').trim();
}

const compact = (s: string) => s.replace(/\s+/g, '');

export interface CompiledPhrase {
  entry: LexiconEntry;
  /** Normalized text; Thai without spaces. */
  key: string;
  thai: boolean;
  /** Longer words that start like it but are not it (แล้วแต่ "it depends" is not แล้ว "and then"). */
  except: string[];
}

export function compilePhrases(entries: LexiconEntry[]): CompiledPhrase[] {
  return entries
    .map((entry) => {
      const key = normalizeTurn(entry.text);
      const thai = THAI.test(key);
      return { entry, key: thai ? compact(key) : key, thai, except: (entry.except ?? []).map((e) => compact(normalizeTurn(e))) };
    })
    // Longest first, so "แล้วก็" is found before "แล้ว" and "thank you" before "thanks".
    .sort((a, b) => b.key.length - a.key.length);
}

/** A turn prepared once for all the phrase lists (and shared: never modified). */
export interface Turn {
  /** normalizeTurn(text) */
  readonly spaced: string;
  /** The same without spaces, for Thai phrases. */
  readonly compact: string;
  /** Its words (Intl.Segmenter, which knows Thai words), so particles are found as words: คะ is not in คะแนน. */
  readonly words: readonly string[];
}

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

export function wordsOf(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(text)) if (s.isWordLike) out.push(s.segment);
  return out;
}

/** The last few turns prepared: one request prepares the same question in several stages. */
const recentTurns = new Map<string, Turn>();
const RECENT_TURNS = 16;

export function prepareTurn(text: string): Turn {
  let turn = recentTurns.get(text);
  if (turn === undefined) {
    const spaced = normalizeTurn(text);
    turn = { spaced, compact: compact(spaced), words: wordsOf(spaced) };
    if (recentTurns.size >= RECENT_TURNS) recentTurns.delete(recentTurns.keys().next().value!);
    recentTurns.set(text, turn);
  }
  return turn;
}

const wordAt = (spaced: string, key: string, at: number) =>
  (at === 0 || spaced[at - 1] === ' ') && (at + key.length === spaced.length || spaced[at + key.length] === ' ');

function indexOfWord(spaced: string, key: string): number {
  for (let at = spaced.indexOf(key); at >= 0; at = spaced.indexOf(key, at + 1)) if (wordAt(spaced, key, at)) return at;
  return -1;
}

/** The first phrase found anywhere in the turn. */
export function findPhrase(turn: Turn, phrases: CompiledPhrase[]): CompiledPhrase | undefined {
  return phrases.find((p) => (p.thai ? turn.compact.includes(p.key) : indexOfWord(turn.spaced, p.key) >= 0));
}

/** The phrase the turn starts with. */
export function leadingPhrase(turn: Turn, phrases: CompiledPhrase[]): CompiledPhrase | undefined {
  return phrases.find(
    (p) =>
      !p.except.some((e) => turn.compact.startsWith(e)) &&
      (p.thai ? startsWithWords(turn.words, p.key) : turn.spaced === p.key || turn.spaced.startsWith(`${p.key} `)),
  );
}

/** True when the first words spell `key` exactly: "แล้ว|ปี" starts with แล้ว, "แล้วแต่" does not. */
function startsWithWords(words: readonly string[], key: string): boolean {
  let joined = '';
  for (const w of words) {
    joined += w;
    if (joined === key) return true;
    if (!key.startsWith(joined)) return false;
  }
  return false;
}

function endsWithWords(words: readonly string[], key: string): boolean {
  let joined = '';
  for (let i = words.length - 1; i >= 0; i--) {
    joined = words[i] + joined;
    if (joined === key) return i > 0;
    if (!key.endsWith(joined)) return false;
  }
  return false;
}

const isParticle = (word: string, particles: CompiledPhrase[]) => particles.some((p) => p.key === word);

/** The phrase the turn ends with, ignoring politeness particles after it ("… ล่ะครับ"). */
export function trailingPhrase(turn: Turn, phrases: CompiledPhrase[], particles: CompiledPhrase[]): CompiledPhrase | undefined {
  const words = [...turn.words];
  while (words.length > 1 && isParticle(words.at(-1)!, particles)) words.pop();
  const spaced = words.join(' ');
  return phrases.find((p) => (p.thai ? endsWithWords(words, p.key) : spaced.endsWith(` ${p.key}`)));
}

const thaiPatterns = new Map<string, RegExp>();

/** A Thai phrase however the turn spaces it: "ขอคุย กับ เจ้าหน้าที่" is "ขอคุยกับเจ้าหน้าที่". */
function thaiPattern(key: string): RegExp {
  let re = thaiPatterns.get(key);
  if (!re) {
    re = new RegExp([...key].map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*'), 'g');
    thaiPatterns.set(key, re);
  }
  return re;
}

/**
 * What is left of the turn once every listed phrase and every particle word is taken out: empty
 * when the turn says nothing but those ("สวัสดีครับ", "thanks a lot").
 */
export function remainder(turn: Turn, phrases: CompiledPhrase[][], particles: CompiledPhrase[]): string {
  const all = phrases.flat().sort((a, b) => b.key.length - a.key.length);
  let spaced = ` ${turn.spaced} `;
  // A Thai pattern matches exactly when its key is in the text with the spaces taken out, so
  // that test skips the regular expression for the many phrases a turn does not hold.
  let squeezed = compact(spaced);
  for (const p of all) {
    if (p.thai) {
      if (!squeezed.includes(p.key)) continue;
      spaced = spaced.replace(thaiPattern(p.key), ' ');
      squeezed = compact(spaced);
    } else while (spaced.includes(` ${p.key} `)) spaced = spaced.split(` ${p.key} `).join('  ');
  }
  const multiWord = particles.filter((p) => !p.thai && p.key.includes(' '));
  for (const p of multiWord) spaced = spaced.split(` ${p.key} `).join('  ');
  return [...segmenter.segment(spaced)]
    .filter((s) => !(s.isWordLike && isParticle(s.segment, particles)))
    .map((s) => s.segment)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The turn with its follow-up frame and particles taken off: "แล้ว L3 ล่ะครับ" → "l3", "what about template 3?" → "template 3". */
export function stripFrame(text: string, lexicon: CompiledLexicon): string {
  const turn = prepareTurn(text);
  const spaced = turn.spaced;
  const words = [...segmenter.segment(spaced)].filter((s) => s.isWordLike);
  let first = 0;
  const lead = leadingPhrase(turn, lexicon.leading);
  if (lead) {
    const key = lead.key.replace(/ /g, '');
    let joined = '';
    while (first < words.length && joined !== key) joined += words[first++]!.segment;
  }
  let last = words.length - 1;
  while (last >= first && (isParticle(words[last]!.segment, lexicon.particles) || lexicon.trailing.some((p) => p.key === words[last]!.segment))) last--;
  if (last < first) return '';
  // Sliced from the turn itself, so names keep their hyphens and dots (e-service, data.go.th).
  return spaced.slice(words[first]!.index, words[last]!.index + words[last]!.segment.length).trim();
}

/** The lexicon with every list compiled once. */
export interface CompiledLexicon {
  leading: CompiledPhrase[];
  trailing: CompiledPhrase[];
  pronouns: CompiledPhrase[];
  questionWords: CompiledPhrase[];
  particles: CompiledPhrase[];
  greeting: CompiledPhrase[];
  thanks: CompiledPhrase[];
  identity: CompiledPhrase[];
  person: CompiledPhrase[];
  channel: CompiledPhrase[];
  request: CompiledPhrase[];
}

export function compileLexicon(lexicon: ConversationLexicon): CompiledLexicon {
  return {
    leading: compilePhrases(lexicon.followUp.leading),
    trailing: compilePhrases(lexicon.followUp.trailing),
    pronouns: compilePhrases(lexicon.followUp.pronouns),
    questionWords: compilePhrases(lexicon.followUp.questionWords),
    particles: compilePhrases(lexicon.particles),
    greeting: compilePhrases(lexicon.smallTalk.greeting),
    thanks: compilePhrases(lexicon.smallTalk.thanks),
    identity: compilePhrases(lexicon.smallTalk.identity),
    person: compilePhrases(lexicon.handoff.person),
    channel: compilePhrases(lexicon.handoff.channel),
    request: compilePhrases(lexicon.handoff.request),
  };
}

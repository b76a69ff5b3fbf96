import type { KbDocument, KbRecord, KnowledgeBase } from '../kb/schema.js';
import type { Lang } from '../search/types.js';
import { isStopword } from '../search/stopwords.js';
import { graphemes, truncateGraphemes } from './text.js';

/**
 * Short, distinct quick-reply labels. LINE shows at most 20 graphemes, and the first 20 graphemes
 * of record questions often repeat ("ตัวชี้วัด Data catalog…" twice), so a label is either the
 * editor's short title for the record or one derived from the section and the question's most
 * distinctive words, and labels within one reply are made unique.
 */

export const LABEL_GRAPHEMES = 20;

interface Vocabulary {
  /** In how many record questions (either language) each lower-cased word occurs. */
  df: Map<string, number>;
  records: number;
  byId: Map<string, KbRecord>;
  documents: Map<string, KbDocument>;
}

const cache = new WeakMap<KnowledgeBase, Vocabulary>();

// The platform's word breaker (ICU, with a Thai dictionary): good enough to cut labels at word
// boundaries, and ready at once, where the search engine's wordcut takes seconds to load its
// dictionary on first use, which would stall the first LINE reply.
const wordSegmenter = new Intl.Segmenter('th', { granularity: 'word' });
function segment(text: string): string[] {
  // Latin words with inner hyphens or dots (e-service, e-SAR, data.go.th) stay whole.
  return (text.match(/[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*|[^A-Za-z0-9]+/g) ?? []).flatMap((run) =>
    /^[A-Za-z0-9]/.test(run) ? [run] : Array.from(wordSegmenter.segment(run), (s) => s.segment),
  );
}

function words(text: string): string[] {
  return segment(text)
    .map((w) => w.trim())
    .filter((w) => w !== '' && isContent(w));
}

function vocabulary(kb: KnowledgeBase): Vocabulary {
  let v = cache.get(kb);
  if (v) return v;
  const df = new Map<string, number>();
  for (const r of kb.records) {
    for (const w of new Set([...words(r.question.th), ...words(r.question.en)].map((x) => x.toLowerCase()))) df.set(w, (df.get(w) ?? 0) + 1);
  }
  v = { df, records: kb.records.length, byId: new Map(kb.records.map((r) => [r.id, r])), documents: new Map(kb.documents.map((d) => [d.id, d])) };
  cache.set(kb, v);
  return v;
}

/**
 * A section's name without the words its sibling sections share ("ตัวชี้วัด Data catalog" →
 * "Data catalog" when the other sections are "ตัวชี้วัด …" too): the shared words name the kind
 * of section, not which one.
 */
export function sectionShortName(document: KbDocument | undefined, sectionSlug: string, lang: Lang): string {
  const title = (s: KbDocument['sections'][number]) => (lang === 'en' && s.title.en) || s.title.th;
  const section = document?.sections.find((s) => s.slug === sectionSlug);
  if (!document || !section) return sectionSlug;
  const others = document.sections.filter((s) => s !== section).map((s) => new Set(title(s).split(/\s+/)));
  const kept = title(section)
    .split(/\s+/)
    .filter((w) => others.length < 2 || others.filter((o) => o.has(w)).length < others.length / 2);
  return kept.join(' ') || title(section);
}

/** Drops punctuation left dangling at the ends of a cut, and parentheses left unpaired. */
function tidy(text: string): string {
  let out = text.trim().replace(/^[^\p{L}\p{N}]+/u, '').replace(/[\s,:;(\-]+$/u, '');
  if ((out.match(/\(/g) ?? []).length !== (out.match(/\)/g) ?? []).length) out = out.replace(/[()]/g, '');
  return out.trim();
}

function isContent(w: string): boolean {
  return /[\p{L}\p{N}]/u.test(w) && !isStopword(w.toLowerCase());
}

/**
 * The section's short name and the stretch of the question, cut at word boundaries, that fits
 * the remaining space and carries the most distinctive words (summed inverse document frequency
 * over all record questions). A contiguous stretch reads as a phrase; separate rare words did not.
 */
function derivedLabel(record: KbRecord, vocab: Vocabulary, lang: Lang, withSection: boolean): string {
  const question = ((lang === 'en' && record.question.en) || record.question.th).replace(/\s+/g, ' ').trim();
  const section = withSection ? sectionShortName(vocab.documents.get(record.source.document), record.source.section, lang) : '';
  const sectionWords = new Set(section.toLowerCase().split(/\s+/));
  const budget = LABEL_GRAPHEMES - (section ? graphemes(section).length + 1 : 0);
  const answerText = `${record.answer.th} ${record.answer.en}`.toLowerCase();
  // Locate each word in the question so a window can be cut out of the original text.
  const spans: { start: number; end: number; weight: number }[] = [];
  let cursor = 0;
  for (const raw of segment(question)) {
    const w = raw.trim();
    if (!w) continue;
    const at = question.indexOf(w, cursor);
    if (at < 0) continue;
    cursor = at + w.length;
    const k = w.toLowerCase();
    // Words the answer repeats are what the record is about; the question's other rare words
    // ("จึงทำให้", "ยัง") are often just phrasing.
    const topical = answerText.includes(k) ? 1 : 0.3;
    const weight = isContent(w) && !sectionWords.has(k) ? topical * Math.log((vocab.records + 1) / (1 + (vocab.df.get(k) ?? 0))) : 0;
    spans.push({ start: at, end: cursor, weight });
  }
  let best: { text: string; score: number } | undefined;
  for (let i = 0; i < spans.length; i++) {
    if (spans[i]!.weight <= 0) continue;
    let score = 0;
    for (let j = i; j < spans.length; j++) {
      score += spans[j]!.weight;
      const text = tidy(question.slice(spans[i]!.start, spans[j]!.end));
      if (graphemes(text).length > budget) break;
      if (spans[j]!.weight <= 0) continue;
      if (!best || score > best.score + 1e-9 || (Math.abs(score - best.score) < 1e-9 && text.length < best.text.length)) best = { text, score };
    }
  }
  const label = [section, best?.text ?? ''].filter(Boolean).join(' ');
  return truncateGraphemes(label || question, LABEL_GRAPHEMES);
}

/** Makes `label` differ from every label in `taken` by ending it with the question number. */
function disambiguate(label: string, number: number, taken: Set<string>, lang: Lang): string {
  const tail = lang === 'en' ? ` Q${number}` : ` ข้อ ${number}`;
  let out = `${truncateGraphemes(label, LABEL_GRAPHEMES - graphemes(tail).length).replace(/…$/, '')}${tail}`;
  for (let n = 2; taken.has(out); n++) out = truncateGraphemes(`${label} (${n})`, LABEL_GRAPHEMES);
  return out;
}

/**
 * One label per record id, in order, unique within the list. `reserved` holds labels already
 * used in the same reply (buttons such as "แจ้งฉันเมื่อมีคำตอบ").
 */
export function quickReplyLabels(kb: KnowledgeBase, recordIds: string[], lang: Lang, reserved: Iterable<string> = []): string[] {
  const vocab = vocabulary(kb);
  const records = recordIds.map((id) => vocab.byId.get(id));
  const sections = new Set(records.map((r) => r && `${r.source.document}/${r.source.section}`));
  const withSection = sections.size > 1;
  const taken = new Set(reserved);
  return records.map((record, i) => {
    if (!record) return disambiguate(recordIds[i]!, i + 1, taken, lang);
    const short = record.shortTitle?.[lang] || record.shortTitle?.th;
    let label = short ? truncateGraphemes(short, LABEL_GRAPHEMES) : derivedLabel(record, vocab, lang, withSection);
    if (taken.has(label)) label = disambiguate(label, record.source.number, taken, lang);
    taken.add(label);
    return label;
  });
}

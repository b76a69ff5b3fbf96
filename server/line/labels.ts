import type { KbDocument, KbRecord, KnowledgeBase } from '../kb/schema.js';
import type { Lang } from '../search/types.js';
import { segment } from '../search/segment.js';
import { isStopword } from '../search/stopwords.js';
import { graphemes, truncateGraphemes } from './text.js';

/**
 * Short, distinct quick-reply labels. LINE shows at most 20 graphemes, and the first 20 graphemes
 * of record questions often repeat ("ตัวชี้วัด Data catalog…" twice), so a label is either the
 * editor's short title for the record or one derived from the section and the question's most
 * distinctive words, and labels within one reply are made unique.
 */

export const LABEL_GRAPHEMES = 20;

// A word in more than this share of all record questions tells records apart poorly.
const COMMON_SHARE = 0.12;

interface Vocabulary {
  /** In how many record questions (either language) each lower-cased word occurs. */
  df: Map<string, number>;
  records: number;
  byId: Map<string, KbRecord>;
  documents: Map<string, KbDocument>;
}

const cache = new WeakMap<KnowledgeBase, Vocabulary>();

function words(text: string): string[] {
  return segment(text)
    .map((w) => w.trim())
    .filter((w) => w !== '' && /[\p{L}\p{N}]/u.test(w) && !isStopword(w.toLowerCase()));
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

function derivedLabel(record: KbRecord, vocab: Vocabulary, lang: Lang, withSection: boolean): string {
  const question = (lang === 'en' && record.question.en) || record.question.th;
  const section = withSection ? sectionShortName(vocab.documents.get(record.source.document), record.source.section, lang) : '';
  const sectionWords = new Set(section.toLowerCase().split(/\s+/));
  const seen = new Set<string>();
  const candidates = words(question).filter((w) => {
    const k = w.toLowerCase();
    if (seen.has(k) || sectionWords.has(k)) return false;
    seen.add(k);
    return true;
  });
  const rarity = (w: string) => vocab.df.get(w.toLowerCase()) ?? 0;
  const distinctive = candidates.filter((w) => rarity(w) <= Math.max(2, vocab.records * COMMON_SHARE));
  // Rarest words first while they fit; then shown in the question's own order.
  const budget = LABEL_GRAPHEMES - (section ? graphemes(section).length + 1 : 0);
  const chosen = new Set<string>();
  let used = 0;
  for (const w of [...(distinctive.length > 0 ? distinctive : candidates)].sort((a, b) => rarity(a) - rarity(b))) {
    const cost = graphemes(w).length + (chosen.size > 0 ? 1 : 0);
    if (used + cost > budget) continue;
    chosen.add(w);
    used += cost;
  }
  const terms = candidates.filter((w) => chosen.has(w)).join(' ');
  const label = [section, terms].filter(Boolean).join(' ');
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

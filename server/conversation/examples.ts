import type { KbRecord } from '../kb/schema.js';
import type { Lang } from '../search/types.js';

/** Example questions longer than this read badly on a phone; shorter phrasings are preferred. */
const MAX_EXAMPLE_CHARS = 90;

/**
 * Example questions for greetings and "what does this refer to": taken from the knowledge base,
 * so they change when the handouts do. One per section, the section's shortest phrasing
 * (record question or an editor's alternate), sections of the newest document first; superseded
 * guidance is never offered.
 */
export function exampleQuestions(records: readonly KbRecord[], lang: Lang, count = 3): string[] {
  const bySection = new Map<string, string>();
  const current = records.filter((r) => !r.supersededBy);
  // Newest guidance first: the ids carry the fiscal year (fy2565-…), and so do the tags.
  // Code-unit order for ids: localeCompare (ICU) made this sort take ~0.3 s at 6,700 records,
  // on the event loop, at the first question after every reload.
  const newest = new Map(current.map((r) => [r, Math.max(0, ...r.tags.years)]));
  const ordered = [...current].sort((a, b) => newest.get(b)! - newest.get(a)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const r of ordered) {
    const key = `${r.source.document}/${r.source.section}`;
    const phrasings = [r.question[lang], ...r.alternates[lang]].map((q) => q.trim()).filter((q) => q.length > 0);
    const shortest = phrasings.sort((a, b) => [...a].length - [...b].length)[0];
    if (!shortest || [...shortest].length > MAX_EXAMPLE_CHARS) continue;
    const held = bySection.get(key);
    if (!held || [...shortest].length < [...held].length) bySection.set(key, shortest);
  }
  return [...bySection.values()].slice(0, count);
}

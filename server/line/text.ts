const graphemeSegmenter = new Intl.Segmenter('th', { granularity: 'grapheme' });

export function graphemes(text: string): string[] {
  return Array.from(graphemeSegmenter.segment(text), (s) => s.segment);
}

/** Cuts to at most `max` graphemes (what LINE counts for labels), ending with "…" when cut. */
export function truncateGraphemes(text: string, max: number): string {
  const parts = graphemes(text.trim());
  if (parts.length <= max) return parts.join('');
  return `${parts.slice(0, max - 1).join('').trimEnd()}…`;
}

/** Cuts to at most `maxUnits` UTF-16 code units without splitting a grapheme. */
export function truncateUnits(text: string, maxUnits: number): string {
  if (text.length <= maxUnits) return text;
  let out = '';
  for (const g of graphemes(text)) {
    if (out.length + g.length > maxUnits) break;
    out += g;
  }
  return out;
}

// Sentence ends in the English text, and the spaces Thai writing uses between sentences.
const SENTENCE_END = /(?:[.!?。](?=\s)|\n|[\u0E00-\u0E7F)]\s(?=[\u0E00-\u0E7F]))/g;

/**
 * Fits text into `maxUnits` UTF-16 units, adding `suffix` when it had to cut. Prefers
 * to cut at a paragraph, then a sentence, then a word, and only then mid-run.
 */
export function fitText(text: string, maxUnits: number, suffix: string): string {
  if (text.length <= maxUnits) return text;
  const budget = maxUnits - suffix.length;
  if (budget <= 0) return truncateUnits(suffix, maxUnits);
  const head = truncateUnits(text, budget);
  // Cutting earlier than this loses too much; a mid-sentence cut is better then.
  const floor = Math.floor(head.length * 0.5);
  const paragraph = head.lastIndexOf('\n\n');
  let cut = paragraph >= floor ? paragraph : -1;
  if (cut < 0) {
    let last = -1;
    for (const m of head.matchAll(SENTENCE_END)) last = m.index + m[0].length;
    if (last >= floor) cut = last;
  }
  if (cut < 0) {
    const space = head.search(/\s\S*$/);
    if (space >= floor) cut = space;
  }
  return `${(cut >= 0 ? head.slice(0, cut) : head).trimEnd()}${suffix}`;
}

// C0/C1 controls and the bidirectional overrides/isolates, which can reorder what a log line or an
// editor's screen shows. Newlines and tabs become spaces: a question is one line in the log.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** LINE text made safe to store or print: no control characters, whitespace runs collapsed. */
export function stripControl(text: string): string {
  return text.replace(CONTROL, '').replace(/[\t\r\n]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

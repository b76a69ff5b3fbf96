/**
 * Splits clean answer text (see DESIGN.md: paragraphs separated by a blank line,
 * list items one per line starting with "• " or their printed number "1. ")
 * into blocks. Pure, so it is unit-tested without a browser.
 */
export type Block =
  | { kind: 'p'; text: string }
  | { kind: 'ul'; items: string[] }
  | { kind: 'ol'; items: { n: number; text: string }[] };

const BULLET = /^[•●▪◦]\s*(.*)$/u;
/** Up to two digits: "2565. " at the start of a sentence is a year, not item 2565. */
const NUMBERED = /^(\d{1,2})[.)]\s+(.*)$/u;

/**
 * Adjacent items of the same kind form one list even across a blank line, so
 * a numbered list an editor spaced out still counts 1, 2, 3. Lines of prose
 * within a paragraph stay one <p> (rendered with white-space: pre-line).
 */
export function parseAnswerText(text: string): Block[] {
  const blocks: Block[] = [];
  let prose: string[] = [];
  const flush = () => {
    if (prose.length) blocks.push({ kind: 'p', text: prose.join('\n') });
    prose = [];
  };
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (!line) {
      flush();
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (!bullet && !numbered) {
      prose.push(line);
      continue;
    }
    flush();
    const last = blocks.at(-1);
    if (bullet) {
      const item = bullet[1] ?? '';
      if (last?.kind === 'ul') last.items.push(item);
      else blocks.push({ kind: 'ul', items: [item] });
    } else if (numbered) {
      const item = { n: Number(numbered[1]), text: numbered[2] ?? '' };
      if (last?.kind === 'ol') last.items.push(item);
      else blocks.push({ kind: 'ol', items: [item] });
    }
  }
  flush();
  return blocks;
}

/**
 * Lists the English and abbreviated terms the records use inside their Thai text that no
 * glossary concept covers (server/search/term-gaps.ts), so editors see where a question in
 * formal Thai, an abbreviation or a romanisation can miss:
 *
 *   npm run kb:terms [-- --json]
 *
 * Exits 0 whatever it finds (a gap is work for an editor, not an error); 1 when the knowledge
 * base cannot be read.
 */
import { parseArgs } from 'node:util';
import { loadKnowledgeBase } from '../server/kb/load.js';
import { createAnalyzer } from '../server/search/analyze.js';
import { termGaps } from '../server/search/term-gaps.js';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });

try {
  const kb = await loadKnowledgeBase();
  const gaps = termGaps(kb.records, createAnalyzer(kb.glossary));
  if (values.json) {
    console.log(JSON.stringify(gaps, null, 2));
  } else {
    console.log(`${gaps.length} borrowed terms with words no glossary concept covers, or whose concept lacks a kind of form (records using them, first record):`);
    for (const g of gaps) {
      const what = [
        ...(g.uncovered.length ? [`no concept: ${g.uncovered.join(' ')}`] : []),
        ...g.missing.map((m) => `${m.concept} lacks ${m.kinds.join(', ')}`),
      ];
      console.log(`  ${g.term.padEnd(28)} ${String(g.records.length).padStart(3)}  ${g.records[0]!.padEnd(40)} ${what.join('; ')}`);
    }
  }
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}

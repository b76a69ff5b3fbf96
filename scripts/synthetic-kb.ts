import { pathToFileURL } from 'node:url';
import { COMPONENTS, INDICATORS, type KbDocument, type KbRecord, type KnowledgeBase } from '../server/kb/schema.js';

/**
 * Synthetic knowledge bases for the scale benchmark (10,000 and 100,000 records), built in
 * memory from the real records and never written to disk as data.
 *
 * Each synthetic question and answer is a new combination of clauses cut from the real Thai and
 * English text, so token statistics (Thai words, Latin terms, digits, abbreviations) match the
 * real material. The vocabulary is the seed vocabulary only, so posting lists are denser than
 * in a real corpus of that size: search cost measured on it errs on the slow side.
 */

export interface SyntheticOptions {
  /** Number of records to build. */
  size: number;
  /** PRNG seed; the same seed and base give the same knowledge base. */
  seed?: number;
  /** Records per synthetic document (split across its sections). */
  perDocument?: number;
}

const SECTION_SLUGS = ['general', 'overview', 'data-catalog', 'e-service', 'pmqa', 'open-data', 'sharing-data'] as const;

/** mulberry32: tiny, fast and good enough to pick clauses; Math.random cannot be seeded. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(rnd: Random, items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
const between = (rnd: Random, min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));

/** Shortest Thai clause, in code points: shorter pieces are mostly fragments of a phrase. */
const MIN_CLAUSE = 24;

/**
 * Thai separates clauses and sentences with spaces, so a space is the natural cut; English is
 * cut after sentence and clause punctuation. Very short pieces ("1.", "•") are dropped.
 */
function thaiClauses(text: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const piece of text.split(/\n+|\s+(?=[\u0E01-\u0E4F])/u)) {
    const clean = piece.replace(/^(?:•|\d+\.)\s*/, '').trim();
    if (clean === '') continue;
    // Spaces in Thai also fall inside phrases ("ข้อ 2.1", "12 agenda"); short pieces are glued on.
    current = current === '' ? clean : `${current} ${clean}`;
    if ([...current].length >= MIN_CLAUSE) {
      out.push(current);
      current = '';
    }
  }
  if ([...current].length >= 4) out.push(current);
  return out;
}

function englishClauses(text: string): string[] {
  return text
    .split(/\n+|(?<=[.;:?!])\s+|,\s+(?=[a-z])/)
    .map((c) => c.replace(/^(?:•|\d+\.)\s*/, '').replace(/[.;:?!,]+$/, '').trim())
    .filter((c) => c.split(/\s+/).length >= 2);
}

interface ClausePools {
  thQuestion: string[];
  thAnswer: string[];
  enQuestion: string[];
  enAnswer: string[];
}

function clausePools(records: readonly KbRecord[]): ClausePools {
  const pools: ClausePools = { thQuestion: [], thAnswer: [], enQuestion: [], enAnswer: [] };
  for (const r of records) {
    pools.thQuestion.push(...thaiClauses(r.question.th), ...r.alternates.th.flatMap(thaiClauses));
    pools.thAnswer.push(...thaiClauses(r.answer.th));
    pools.enQuestion.push(...englishClauses(r.question.en), ...r.alternates.en.flatMap(englishClauses));
    pools.enAnswer.push(...englishClauses(r.answer.en));
  }
  for (const [name, pool] of Object.entries(pools)) {
    if (pool.length === 0 && name.startsWith('th')) throw new Error(`synthetic-kb: the base records give no ${name} clauses`);
  }
  return pools;
}

function joinClauses(rnd: Random, pool: readonly string[], min: number, max: number, sep: string): string {
  const n = between(rnd, min, max);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(pick(rnd, pool));
  return parts.join(sep);
}

/** Answers keep the clean-text format: paragraphs split by a blank line, some bullet lists. */
function answerText(rnd: Random, pool: readonly string[], sentenceSep: string): string {
  const paragraphs: string[] = [];
  const count = between(rnd, 1, 3);
  for (let p = 0; p < count; p++) {
    if (rnd() < 0.25) {
      const items = between(rnd, 2, 4);
      const bullet = rnd() < 0.5;
      const lines: string[] = [];
      for (let i = 0; i < items; i++) lines.push(`${bullet ? '•' : `${i + 1}.`} ${pick(rnd, pool)}`);
      paragraphs.push(lines.join('\n'));
    } else {
      paragraphs.push(joinClauses(rnd, pool, 1, 4, sentenceSep));
    }
  }
  return paragraphs.join('\n\n');
}

function englishSentence(text: string, end: string): string {
  if (text === '') return '';
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${end}`;
}

export function buildSyntheticKb(base: KnowledgeBase, options: SyntheticOptions): KnowledgeBase {
  const { size, seed = 2565, perDocument = 1000 } = options;
  if (!Number.isInteger(size) || size < 1) throw new Error(`synthetic-kb: size must be a positive whole number, not ${size}`);
  if (base.records.length === 0) throw new Error('synthetic-kb: the base knowledge base has no records to recombine');
  const rnd = createRandom(seed);
  const pools = clausePools(base.records);
  const hasEnglish = pools.enQuestion.length > 0 && pools.enAnswer.length > 0;
  const tagPool = base.records.map((r) => r.tags);

  const documents: KbDocument[] = [];
  const records: KbRecord[] = [];
  const docCount = Math.ceil(size / perDocument);
  const width = String(docCount).length;

  for (let d = 0; d < docCount; d++) {
    const id = `syn-${String(d + 1).padStart(width, '0')}`;
    const year = between(rnd, 2560, 2570);
    const sectionCount = between(rnd, 1, 5);
    const slugs = [...SECTION_SLUGS].sort(() => rnd() - 0.5).slice(0, sectionCount);
    documents.push({
      id,
      title: { th: `เอกสารสังเคราะห์ ${d + 1} ประจำปีงบประมาณ พ.ศ. ${year}`, en: `Synthetic document ${d + 1}, fiscal year ${year}` },
      date: `${year - 544}-${String(between(rnd, 1, 12)).padStart(2, '0')}-${String(between(rnd, 1, 28)).padStart(2, '0')}`,
      fiscalYears: [year],
      audience: [pick(rnd, ['province', 'agency'] as const)],
      sourceFile: `${id}.txt`,
      sections: slugs.map((slug) => ({ slug, title: { th: `หมวด ${slug}`, en: `Section ${slug}` } })),
    });
    const inDoc = Math.min(perDocument, size - d * perDocument);
    const numbers = new Map<string, number>();
    for (let i = 0; i < inDoc; i++) {
      const section = slugs[i % slugs.length]!;
      const number = (numbers.get(section) ?? 0) + 1;
      numbers.set(section, number);
      const tags = pick(rnd, tagPool);
      const translated = hasEnglish && rnd() < 0.9;
      const alternates = rnd() < 0.3 ? [joinClauses(rnd, pools.thQuestion, 1, 2, ' ')] : [];
      records.push({
        id: `${id}/${section}/${number}`,
        source: { document: id, section, number },
        question: {
          th: `${joinClauses(rnd, pools.thQuestion, 1, 3, ' ')} ${rnd() < 0.5 ? 'ได้หรือไม่' : 'อย่างไร'}`,
          en: translated ? englishSentence(joinClauses(rnd, pools.enQuestion, 1, 2, ', '), '?') : '',
        },
        answer: {
          th: answerText(rnd, pools.thAnswer, ' '),
          en: translated ? answerText(rnd, pools.enAnswer.map((c) => englishSentence(c, '.')), ' ') : '',
        },
        alternates: { th: alternates, en: [] },
        tags: {
          years: rnd() < 0.8 ? [year] : [year, year + 1],
          component: tags.component ?? pick(rnd, COMPONENTS),
          indicators: tags.indicators.length > 0 ? [...tags.indicators] : [pick(rnd, INDICATORS)],
          audience: tags.audience,
        },
      });
    }
  }
  return { documents, records, glossary: base.glossary };
}

// `tsx scripts/synthetic-kb.ts [size] [seed]` prints a sample, to eyeball what the bench indexes.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { loadKnowledgeBase } = await import('../server/kb/load.js');
  const size = Number(process.argv[2] ?? 3);
  const seed = Number(process.argv[3] ?? 2565);
  const kb = buildSyntheticKb(await loadKnowledgeBase(), { size, seed });
  process.stdout.write(`${JSON.stringify({ documents: kb.documents.slice(0, 2), records: kb.records.slice(0, 5) }, null, 2)}\n`);
}

import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildSyntheticKb } from '../synthetic-kb.js';
import { serializeKnowledgeFile } from '../../server/kb/canonical.js';
import { DEFAULT_KB_DIR, loadKnowledgeBase } from '../../server/kb/load.js';

/**
 * Knowledge bases and batches at production scale for the tests that import under load: the
 * real knowledge base plus synthetic documents recombined from its text (scripts/synthetic-kb.ts),
 * so segmentation and index costs are those of real Thai.
 */

/** Copies the real knowledge base into `dir` and adds synthetic documents up to `records` records. */
export async function writeScaleKb(dir: string, records: number): Promise<void> {
  await cp(DEFAULT_KB_DIR, dir, { recursive: true });
  const base = await loadKnowledgeBase(DEFAULT_KB_DIR);
  const synthetic = buildSyntheticKb(base, { size: Math.max(1, records - base.records.length), seed: 17 });
  await mkdir(path.join(dir, 'documents'), { recursive: true });
  for (const document of synthetic.documents) {
    const file = { document, records: synthetic.records.filter((r) => r.source.document === document.id) };
    await writeFile(path.join(dir, 'documents', `${document.id}.json`), serializeKnowledgeFile(file));
  }
}

/** The question of row `n` of scaleBatch: a system code makes it findable among thousands. */
export function scaleBatchQuestion(n: number): string {
  return `ระบบงานบริการรหัส Q${n}Z ของหน่วยงาน นับเป็นงานบริการ e-service ระดับ L2 ได้หรือไม่`;
}

/**
 * A batch in the handouts' tab-separated shape of at least `bytes` UTF-8 bytes: each row's answer
 * joins several synthetic answers (2-3 KB, as long answers in the handouts are).
 */
export async function scaleBatch(bytes: number): Promise<{ text: string; rows: number }> {
  const base = await loadKnowledgeBase(DEFAULT_KB_DIR);
  const pool = buildSyntheticKb(base, { size: 4000, seed: 29 }).records.map((r) => r.answer.th.replace(/\s+/g, ' '));
  const lines = ['คำถาม-คำตอบ', 'การประชุมชี้แจงแนวทางการประเมิน ประจำปีงบประมาณ พ.ศ. 2566', 'วันที่ 15 กันยายน 2565', '', 'ตัวชี้วัด e-service', '', 'ลำดับ\tคำถาม\tคำตอบ'];
  let size = Buffer.byteLength(lines.join('\n'));
  let rows = 0;
  while (size < bytes) {
    rows++;
    const answer = [0, 1, 2, 3].map((k) => pool[(rows * 4 + k) % pool.length]).join(' ');
    const line = `${rows}\t${scaleBatchQuestion(rows)}\tระบบ Q${rows}Z นับได้เมื่อให้บริการออนไลน์ครบทุกขั้นตอน ${answer}`;
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return { text: `${lines.join('\n')}\n`, rows };
}

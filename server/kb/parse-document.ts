import type { BatchProblem, ParsedBatch } from './batch-types.js';
import { FormatError } from './formats/format-error.js';
import { readDocx } from './formats/docx.js';
import { readPdf } from './formats/pdf.js';
import { formatLabel, formatOfName, sniffFormat } from './formats/sniff.js';
import { readXlsx, type XlsxOptions } from './formats/xlsx.js';
import { finishBatch, parseBatch } from './parse-batch.js';
import { parseLayout } from './parse-layout.js';
import { parseTableRecords } from './parse-table.js';
import { brokenThai, emptyRepairCounts } from './thai-repair.js';
import { normalizeThai } from './thai-text.js';

export interface ParseDocumentOptions extends XlsxOptions {
  /**
   * Larger files are refused before parsing. Default 20 MB: the seed handouts
   * are 20-120 KB as PDF; a 20 MB file is a scan or a mistake, and parsing
   * it would hold the import (and the console's worker) for minutes.
   */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

function failed(format: ParsedBatch['format'], message: string): ParsedBatch {
  return { format, meta: { fiscalYears: [] }, sections: [], rows: [], problems: [{ line: 0, message, severity: 'error' }], repairs: emptyRepairCounts() };
  // line 0: about the whole file, printed as `file: message`.
}

/**
 * The one import path for every format, for kb:import and the editors'
 * console alike: bytes in, rows + problems + repair counts out, nothing
 * written. The format comes from the content (magic bytes) and must agree
 * with the file name, so a renamed file is caught rather than misread.
 * Never throws for bad input.
 */
export async function parseDocument(fileName: string, bytes: Uint8Array, options: ParseDocumentOptions = {}): Promise<ParsedBatch> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const named = formatOfName(fileName);
  const batchFormat = named === 'text' ? 'pdf-text' : (named as ParsedBatch['format']);
  if (bytes.length > maxBytes) return failed(batchFormat, `is ${megabytes(bytes.length)}, over the ${megabytes(maxBytes)} import limit`);
  const sniffed = sniffFormat(bytes);
  // A .txt/.tsv/.csv that is binary is reported by the text decoder at the line it breaks (decode-batch.ts).
  if (sniffed !== named && named !== 'text') {
    return failed(batchFormat, `is not ${formatLabel(named)}: its content is ${formatLabel(sniffed)}; save it as ${formatLabel(named)} or give it the right extension`);
  }
  if (named === 'text') return flagBroken(parseBatch(Buffer.from(bytes), { fileName }));

  const repairs = emptyRepairCounts();
  const clean = (text: string) => normalizeThai(text, repairs);
  try {
    if (named === 'pdf') {
      const pdf = await readPdf(bytes, clean);
      const parsed = parseLayout(pdf.items, clean);
      parsed.problems.push(...pdf.warnings);
      return flagBroken(finishBatch('pdf', parsed, repairs));
    }
    if (named === 'docx') return flagBroken(finishBatch('docx', parseLayout(await readDocx(bytes), clean), repairs));
    const sheet = await readXlsx(bytes, options);
    const parsed = parseTableRecords(sheet.records, clean, { columns: sheet.columns });
    // Title and date lines above the header row read as a handout's preamble does.
    const preamble = parseLayout(sheet.preamble.map((text, i) => ({ kind: 'text', text, line: i + 1, where: `${sheet.sheet}!A${i + 1}` })), clean);
    parsed.meta = preamble.meta;
    parsed.problems.push(...preamble.problems.filter((p) => p.message.startsWith('unparseable date')));
    return flagBroken(finishBatch('xlsx', parsed, repairs));
  } catch (cause) {
    if (cause instanceof FormatError) return failed(batchFormat, cause.message);
    throw cause;
  }
}

/** Rows whose Thai still looks broken after repair are flagged for review with their page or line, not guessed at. */
function flagBroken(batch: ParsedBatch): ParsedBatch {
  const flags: BatchProblem[] = [];
  for (const row of batch.rows) {
    for (const field of ['question', 'answer'] as const) {
      const why = brokenThai(row[field]);
      if (why) {
        flags.push({
          line: row.line,
          ...(row.where ? { where: row.where } : {}),
          message: `review question ${row.number} (${row.section}): its ${field} still looks broken after repair: ${why}`,
          severity: 'warning',
        });
      }
    }
  }
  if (flags.length) batch.problems = [...batch.problems, ...flags].sort((a, b) => a.line - b.line);
  return batch;
}

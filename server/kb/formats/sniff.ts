/** What a file's bytes say it is, whatever its name says. */
export type SniffedFormat = 'pdf' | 'docx' | 'xlsx' | 'zip' | 'ole' | 'text';

const LABEL: Record<SniffedFormat, string> = {
  pdf: 'a PDF',
  docx: 'a Word document (.docx)',
  xlsx: 'an Excel workbook (.xlsx)',
  zip: 'a ZIP archive',
  ole: 'an old-style Office file (.doc/.xls) or a password-protected Office file',
  text: 'text',
};
export const formatLabel = (f: SniffedFormat) => LABEL[f];

const startsWith = (bytes: Uint8Array, magic: number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);

/**
 * Magic bytes: `%PDF-` (allowed after up to 1 KB of junk, as PDF readers do),
 * `PK\3\4` (OOXML is a ZIP; the part names in its local headers tell Word
 * from Excel), `D0 CF 11 E0` (OLE2 compound file: .doc/.xls, and encrypted
 * .docx/.xlsx), anything else is taken as text.
 */
export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1 << 20)).toString('latin1');
    if (names.includes('word/document.xml')) return 'docx';
    if (names.includes('xl/workbook.xml')) return 'xlsx';
    return 'zip';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  return 'text';
}

/** The format a file name promises: .pdf, .docx, .xlsx; everything else is a text batch. */
export function formatOfName(fileName: string): SniffedFormat {
  const ext = /\.([^./\\]+)$/.exec(fileName.toLowerCase())?.[1];
  return ext === 'pdf' ? 'pdf' : ext === 'docx' ? 'docx' : ext === 'xlsx' ? 'xlsx' : 'text';
}

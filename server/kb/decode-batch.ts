import type { BatchProblem } from './batch-types.js';

function lineAt(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * UTF-8 text of a batch, or the problem that makes it unusable. Batches are
 * text extracted from PDF; NUL bytes, other control characters or invalid
 * UTF-8 mean a binary file (a PDF or Word file given by mistake) or a wrong encoding.
 */
export function decodeBatch(content: Buffer | string): { text: string } | { problem: BatchProblem } {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return { problem: { line: lineAt(bytes, nul), message: 'binary data (NUL byte): a batch must be UTF-8 text', severity: 'error' } };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    let start = 0;
    let line = 1;
    const strict = new TextDecoder('utf-8', { fatal: true });
    while (start <= bytes.length) {
      let end = bytes.indexOf(0x0a, start);
      if (end < 0) end = bytes.length;
      try {
        strict.decode(bytes.subarray(start, end));
      } catch {
        break;
      }
      start = end + 1;
      line++;
    }
    return { problem: { line, message: 'invalid UTF-8: save the batch as UTF-8 text (is it TIS-620 / Windows-874, or a binary file?)', severity: 'error' } };
  }
  // Form feed is how pdftotext marks page breaks: harmless. Other controls are not text.
  const control = /[\x01-\x08\x0B\x0E-\x1F\x7F]/.exec(text);
  if (control) {
    const line = text.slice(0, control.index).split('\n').length;
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return { problem: { line, message: `control character U+${code}: a batch must be plain text (binary file?)`, severity: 'error' } };
  }
  return { text: text.replace(/\f/g, '') };
}

/** `file:line: message` (warnings say so), the form editors' tools and editors understand. */
export function formatProblem(p: { file: string; line?: number; where?: string; message: string; severity: 'error' | 'warning' }): string {
  // `file.xlsx:Sheet1!C12`, `file.pdf:page 3`, `file.txt:12`, or the file alone.
  const at = p.where ?? p.line;
  const where = at === undefined ? p.file : `${p.file}:${at}`;
  return `${where}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}

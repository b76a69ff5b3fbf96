/** `file:line: message` (warnings say so), the form editors' tools and editors understand. */
export function formatProblem(p: { file: string; line?: number; message: string; severity: 'error' | 'warning' }): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  return `${where}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}

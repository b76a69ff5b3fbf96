/**
 * Control characters that make stored or printed text misleading: C0 controls except tab and
 * newline (a terminal escape in a comment would repaint an operator's screen), DEL and C1, and
 * the bidirectional overrides/isolates that reorder how text is displayed. Zero-width joiners
 * stay: emoji need them.
 */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** `text` without control characters; carriage returns become newlines first so lines survive. */
export function stripControl(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL, '');
}

import type { AskResult } from '../search/types.js';
import type { Outcome } from '../store/types.js';

/** What the log records for a result: small talk and hand-offs apart from search outcomes. */
export function outcomeOf(result: Pick<AskResult, 'status' | 'message'>): Outcome {
  const kind = result.message?.kind;
  if (kind === 'handoff') return 'handoff';
  if (kind === 'greeting' || kind === 'thanks' || kind === 'identity') return 'smalltalk';
  return result.status;
}

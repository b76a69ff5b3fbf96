import { HttpError } from '../errors.js';
import type { KnowledgeService, KnowledgeSnapshot } from '../knowledge-service.js';

/** The snapshot to answer from, or a 503 while the first load has not succeeded. */
export function requireSnapshot(knowledge: KnowledgeService): KnowledgeSnapshot {
  const snapshot = knowledge.current();
  if (!snapshot) throw new HttpError(503, 'The knowledge base is not loaded yet; try again shortly', undefined, { headers: { 'retry-after': '5' } });
  return snapshot;
}

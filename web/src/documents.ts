import { getDocuments } from './api.js';
import type { AppState } from './state.js';

/**
 * Loads GET /api/documents into the state: the filter facets and, per document, the short name,
 * the titles and section titles in both languages and the source file, which the cards need to
 * cite in the interface language. The map is filled in place so renderers holding it see it.
 */
export async function loadDocuments(state: AppState): Promise<void> {
  const result = await getDocuments();
  state.facets = { years: result.facets.years, indicators: result.facets.indicators };
  state.documents.clear();
  for (const doc of result.documents) state.documents.set(doc.id, doc);
}

import type { FastifyPluginAsync } from 'fastify';
import type { KnowledgeBase } from '../kb/schema.js';
import { requireSnapshot } from './require-snapshot.js';
import { sourceContentType, sourceUrl } from './sources.js';

export interface DocumentsResponse {
  documents: {
    id: string;
    title: { th: string; en: string };
    /** What cards show; the editor's short name, else the full title. `en` '' means use the Thai. */
    shortName: { th: string; en: string };
    /** The handout as received, served read-only by GET /sources/<file>. Additive. */
    source: { file: string; url: string; contentType: string };
    date: string;
    fiscalYears: number[];
    audience: string[];
    records: number;
    sections: { slug: string; title: { th: string; en: string }; records: number }[];
  }[];
  facets: { years: number[]; components: string[]; indicators: string[] };
}

export function describeDocuments(kb: KnowledgeBase): DocumentsResponse {
  const perSection = new Map<string, number>();
  const years = new Set<number>();
  const components = new Set<string>();
  const indicators = new Set<string>();
  for (const r of kb.records) {
    const key = `${r.source.document}/${r.source.section}`;
    perSection.set(key, (perSection.get(key) ?? 0) + 1);
    r.tags.years.forEach((y) => years.add(y));
    if (r.tags.component) components.add(r.tags.component);
    r.tags.indicators.forEach((i) => indicators.add(i));
  }
  const documents = kb.documents.map((d) => {
    d.fiscalYears.forEach((y) => years.add(y));
    const sections = d.sections.map((s) => ({ slug: s.slug, title: s.title, records: perSection.get(`${d.id}/${s.slug}`) ?? 0 }));
    return {
      id: d.id,
      title: d.title,
      shortName: d.shortName ?? d.title,
      source: { file: d.sourceFile, url: sourceUrl(d.sourceFile), contentType: sourceContentType(d.sourceFile) },
      date: d.date,
      fiscalYears: d.fiscalYears,
      audience: d.audience,
      records: sections.reduce((n, s) => n + s.records, 0),
      sections,
    };
  });
  return {
    documents,
    facets: {
      years: [...years].sort((a, b) => a - b),
      components: [...components].sort(),
      indicators: [...indicators].sort(),
    },
  };
}

export const documentsRoutes: FastifyPluginAsync = async (app) => {
  // Computed once per loaded snapshot; the knowledge base never changes in place.
  const cache = new WeakMap<KnowledgeBase, DocumentsResponse>();
  app.get('/api/documents', async () => {
    const { kb } = requireSnapshot(app.knowledge);
    let described = cache.get(kb);
    if (!described) cache.set(kb, (described = describeDocuments(kb)));
    return described;
  });
};

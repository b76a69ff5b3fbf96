import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { HttpError } from '../errors.js';
import type { KbDocument } from '../kb/schema.js';
import { requireSnapshot } from './require-snapshot.js';

/**
 * `GET /sources/<file>`: the handouts in kb/sources/, read-only, so anyone can check an answer
 * against what the office published. Only files a loaded document names are served (a batch
 * not yet published stays private), which also rules out path traversal; the resolved path is
 * still checked to lie inside kb/sources/ in case a file there is a symlink.
 */

/** Content types by extension; anything else downloads as bytes rather than being sniffed. */
const CONTENT_TYPES: Record<string, string> = {
  '.txt': 'text/plain; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const FALLBACK_TYPE = 'application/octet-stream';

/** Types a browser shows itself; the office formats are downloaded. */
const INLINE = new Set(['.txt', '.tsv', '.csv', '.pdf']);

export function sourceContentType(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? FALLBACK_TYPE;
}

/** The public URL of a document's source file (also what GET /api/documents lists). */
export function sourceUrl(file: string): string {
  return `/sources/${encodeURIComponent(file)}`;
}

/** A bare file name: no directory part, no `..`, nothing hidden. Checked after URL decoding. */
const FILE_NAME = /^[\p{L}\p{N}_][\p{L}\p{N}_.\- ]*$/u;

export function isSafeFileName(name: string): boolean {
  return FILE_NAME.test(name) && !name.includes('..') && name.length <= 200;
}

function documentFor(documents: KbDocument[], name: string): KbDocument | undefined {
  return documents.find((d) => d.sourceFile === name);
}

export interface SourcesRoutesOptions {
  /** The kb/ folder; files are read from its sources/ subfolder. */
  kbDir: string;
}

export const sourcesRoutes: FastifyPluginAsync<SourcesRoutesOptions> = async (app, options) => {
  const sourcesDir = path.resolve(options.kbDir, 'sources');

  app.get('/sources/:name', async (request, reply) => {
    // fastify has already decoded the parameter, so `..%2F` arrives here as `../`.
    const { name } = request.params as { name: string };
    if (!isSafeFileName(name)) throw new HttpError(400, `Not a source file name: ${JSON.stringify(name.slice(0, 100))} (a bare file name from GET /api/documents is expected)`);
    const { kb } = requireSnapshot(app.knowledge);
    if (!documentFor(kb.documents, name)) throw new HttpError(404, `No published document has the source file ${JSON.stringify(name)}`);

    let file: string;
    let size: number;
    try {
      file = await realpath(path.join(sourcesDir, name));
      size = (await stat(file)).size;
    } catch {
      throw new HttpError(404, `The source file ${JSON.stringify(name)} is listed but missing from kb/sources/`);
    }
    if (path.dirname(file) !== (await realpath(sourcesDir).catch(() => sourcesDir))) {
      throw new HttpError(404, `The source file ${JSON.stringify(name)} is not inside kb/sources/`);
    }

    const ext = path.extname(name).toLowerCase();
    reply
      .type(sourceContentType(name))
      .header('content-length', size)
      .header('content-disposition', `${INLINE.has(ext) ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(name)}`)
      // A re-import never changes a file under the same name (kb:import refuses), but may remove it.
      .header('cache-control', 'public, max-age=300');
    return reply.send(createReadStream(file));
  });
};

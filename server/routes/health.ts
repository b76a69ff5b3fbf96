import type { FastifyPluginAsync } from 'fastify';

/**
 * Error messages can name files (a bad knowledge file, a missing folder); health bodies are
 * public, so any path is cut to its last part.
 */
export function withoutPaths(message: string): string {
  // An absolute path starts a word with / (or C:\); record ids like fy2565-x/general/1 do not.
  return message.replace(/(^|[\s'"(=])((?:[A-Za-z]:)?[\\/][^\s'"`)]*)/g, (_m, before: string, p: string) => {
    const last = p.replace(/[\\/:]+$/, '').split(/[\\/]/).pop();
    return `${before}${last || '(path)'}${p.endsWith(':') ? ':' : ''}`;
  });
}

const STORE_TIMEOUT_MS = 2000;

/** Health checks are for load balancers and orchestrators: never rate-limited, never cached. */
const probe = (summary: string) => ({ config: { rateLimit: false }, schema: { tags: ['operations'], summary } });

export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/api/health', probe('Knowledge base status (kept for existing monitors)'), async (_request, reply) => {
    const snapshot = app.knowledge.current();
    const lastError = app.knowledge.lastReloadError();
    const lastReloadError = lastError ? { message: withoutPaths(lastError.message), at: lastError.at.toISOString() } : undefined;
    reply.header('cache-control', 'no-store');
    if (!snapshot) {
      return reply.status(503).send({ status: 'unavailable', message: 'The knowledge base is not loaded', lastReloadError });
    }
    return {
      // Still answering after a failed reload, but from an older index: say so.
      status: lastReloadError ? 'degraded' : 'ok',
      records: snapshot.kb.records.length,
      documents: snapshot.kb.documents.length,
      loadedAt: snapshot.loadedAt.toISOString(),
      version: snapshot.version,
      ...(lastReloadError ? { lastReloadError } : {}),
    };
  });

  /** Liveness: the process answers HTTP. Restart it when this fails, and only then. */
  app.get('/api/health/live', probe('Liveness: the process answers'), async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { status: 'ok' };
  });

  /** Readiness: send traffic here only when the index is loaded, the last reload worked and the store answers. */
  app.get('/api/health/ready', probe('Readiness: index loaded, last reload ok, store reachable'), async (_request, reply) => {
    const snapshot = app.knowledge.current();
    const reloadError = app.knowledge.lastReloadError();
    let store: 'ok' | 'unreachable' = 'ok';
    try {
      await Promise.race([
        app.store.ping(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), STORE_TIMEOUT_MS).unref()),
      ]);
    } catch {
      store = 'unreachable';
    }
    const checks = {
      index: snapshot ? 'ok' : 'not loaded',
      reload: reloadError ? 'failed' : 'ok',
      store,
    };
    const ready = snapshot !== undefined && !reloadError && store === 'ok';
    reply.header('cache-control', 'no-store');
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not ready', checks, ...(snapshot ? { version: snapshot.version } : {}) });
  });
};

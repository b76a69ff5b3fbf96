import type { FastifyPluginAsync } from 'fastify';

export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/api/health', async (_request, reply) => {
    const snapshot = app.knowledge.current();
    const lastError = app.knowledge.lastReloadError();
    const lastReloadError = lastError ? { message: lastError.message, at: lastError.at.toISOString() } : undefined;
    if (!snapshot) {
      return reply.status(503).send({ status: 'unavailable', message: 'The knowledge base is not loaded', lastReloadError });
    }
    return {
      status: 'ok',
      records: snapshot.kb.records.length,
      documents: snapshot.kb.documents.length,
      loadedAt: snapshot.loadedAt.toISOString(),
      version: snapshot.version,
      ...(lastReloadError ? { lastReloadError } : {}),
    };
  });
};

import type { FastifyPluginAsync } from 'fastify';
import { HttpError, parseOr400 } from '../errors.js';
import { verifySignature } from '../line/signature.js';
import { LineWebhookBodySchema } from '../line/webhook-schema.js';
import type { LineWebhookService } from '../line/webhook-service.js';

export interface LineRouteOptions {
  channelSecret: string;
  service: LineWebhookService;
}

/**
 * The signature covers the exact bytes LINE sent, so this plugin's scope parses JSON
 * itself, from a buffer, after verifying. Encapsulation keeps the other routes' parser.
 */
export const lineRoutes: FastifyPluginAsync<LineRouteOptions> = async (app, { channelSecret, service }) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.post('/webhook/line', { config: { rateLimit: false } }, async (request, reply) => {
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const signature = request.headers['x-line-signature'];
    if (!verifySignature(raw, typeof signature === 'string' ? signature : undefined, channelSecret)) {
      throw new HttpError(401, signature ? 'x-line-signature does not match the request body' : 'x-line-signature header is missing');
    }
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch (cause) {
      throw new HttpError(400, `Request body is not valid JSON: ${(cause as Error).message}`, undefined, { cause });
    }
    const body = parseOr400(LineWebhookBodySchema, json, 'LINE webhook body');
    service.accept(body.events);
    return reply.status(200).send({ ok: true });
  });
};

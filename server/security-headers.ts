import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * helmet's security headers (CSP, HSTS, X-Frame-Options, CORP, …) on every response. The
 * middleware is built once, here: the @fastify/helmet plugin built a new one for every request,
 * parsing the whole CSP each time, which was 4% of the main thread's time under load. We use
 * none of that plugin's extras (per-route options, CSP nonces). The headers are set on the raw
 * response before the route runs, as the plugin set them, so a route can still override one
 * (routes/web.ts gives widget.js a cross-origin CORP).
 */
export function registerSecurityHeaders(app: FastifyInstance, options: Readonly<HelmetOptions>): void {
  const apply = helmet(options);
  app.addHook('onRequest', (request, reply, done) => apply(request.raw, reply.raw, (err) => done(err as Error | undefined)));
}

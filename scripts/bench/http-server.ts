import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';

/**
 * The product app in a process of its own, so autocannon (in the parent) and the server do
 * not share a core. The baseline is its own /api/health (same fastify instance, same hooks:
 * helmet, error handler), doing no answering work; hello-server.ts is the bare-fastify ceiling.
 * ANSWER_CACHE comes from the parent's environment (0 turns the answer cache off).
 * Prints `BENCH_READY <port>` once /api/health is 200, then serves until killed.
 */
const config = loadConfig({
  ...process.env,
  HOST: '127.0.0.1',
  PORT: '0',
  QUESTION_LOG: 'off',
  RATE_LIMIT_MAX: '0',
  KB_WATCH: 'off',
  LOG_LEVEL: 'silent',
  LINE_CHANNEL_SECRET: '',
  LINE_CHANNEL_ACCESS_TOKEN: '',
});
const app = await buildApp(config);
await app.listen({ host: config.host, port: 0 });
const address = app.server.address();
if (address === null || typeof address === 'string') throw new Error('bench: server has no TCP address');

const deadline = Date.now() + 60_000;
for (;;) {
  const res = await app.inject({ method: 'GET', url: '/api/health' });
  if (res.statusCode === 200) break;
  if (Date.now() > deadline) throw new Error(`bench: /api/health still ${res.statusCode} after 60 s`);
  await new Promise((r) => setTimeout(r, 20));
}
process.stdout.write(`BENCH_READY ${address.port}\n`);

const stop = () => void app.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

import Fastify from 'fastify';

/**
 * A bare fastify app with one hello route and nothing else (no hooks, plugins or logging): the
 * ceiling for any route on this machine at this moment, measured in the same run as the product's
 * routes so that the ratio, not the raw req/s, is what gets compared across runs.
 * Prints `BENCH_READY <port>`, then serves until killed.
 */
const app = Fastify({ logger: false });
app.get('/hello', async () => ({ hello: 'world' }));
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
if (address === null || typeof address === 'string') throw new Error('bench: hello server has no TCP address');
process.stdout.write(`BENCH_READY ${address.port}\n`);
const stop = () => void app.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

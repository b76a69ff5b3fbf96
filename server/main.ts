import { indexSettings } from './index-settings.js';
import { buildInWorker } from './workers/worker-answerer.js';

async function main(): Promise<void> {
  // The index worker starts before anything else loads: the configuration's schema (zod), the
  // web framework and the routes (about a second of module loading) run beside it on the other
  // core. Its three settings are read by plain code (index-settings.ts), the same values
  // loadConfig() reports.
  const early = indexSettings(process.env);
  // Nothing serves before this build does, so it warms up after it is ready.
  const firstBuild = early.kbWorker ? buildInWorker(early.kbDir, { indexCacheDir: early.indexCacheDir ?? undefined, warmUp: 'after-ready' }) : undefined;
  // A failed build is reported by the knowledge service when it takes the result.
  firstBuild?.catch(() => {});

  const { ConfigError, loadConfig } = await import('./config.js');
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }

  const { buildApp } = await import('./app.js');
  const app = await buildApp(config, { firstBuild });
  const address = await app.listen({ host: config.host, port: config.port });
  app.log.info(`OPDC Q&A bot listening on ${address} (public URL ${config.publicBaseUrl})`);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal} received: closing`);
    // A stuck connection must not keep the process alive forever.
    const force = setTimeout(() => {
      app.log.error('shutdown timed out after 10 s; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (err) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err) => {
  console.error('server failed to start:', err);
  process.exit(1);
});

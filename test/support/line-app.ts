import type { AppDeps } from '../../server/app.js';
import { createMemoryStore } from '../../server/store/memory-store.js';
import type { Store } from '../../server/store/types.js';
import { startFakeLineServer, type FakeLineServer } from './fake-line-server.js';
import type { FixtureKbOptions } from './fixture-kb.js';
import { LINE_SECRET, LINE_TOKEN, signedRequest } from './line-events.js';
import { buildTestApp, type TestApp } from './test-app.js';

export const ADMIN_TOKEN = 'admin-token-for-line-tests-0123456789';

/** The app wired to a fake LINE server, an in-memory store and a clock the test moves. */
export interface LineTestApp extends TestApp {
  line: FakeLineServer;
  store: Store;
  /** The app's and the store's clock, in ms since the epoch. */
  clock: { now: number };
  /** Delivers a signed webhook body and waits until every event has been handled. */
  deliver(events: object[]): Promise<{ statusCode: number }>;
  closeAll(): Promise<void>;
}

export async function startLineTestApp(env: Record<string, string> = {}, kb: FixtureKbOptions = {}, deps: AppDeps = {}): Promise<LineTestApp> {
  const line = await startFakeLineServer();
  const clock = { now: Date.now() };
  const now = () => new Date(clock.now);
  const store = deps.store ?? createMemoryStore(now);
  const t = await buildTestApp(
    {
      LINE_CHANNEL_SECRET: LINE_SECRET,
      LINE_CHANNEL_ACCESS_TOKEN: LINE_TOKEN,
      LINE_API_BASE: line.url,
      PUBLIC_BASE_URL: 'https://bot.example.go.th',
      ADMIN_TOKEN,
      RATE_LIMIT_MAX: '0',
      ...env,
    },
    kb,
    { now, ...deps, store },
  );
  return {
    ...t,
    line,
    store,
    clock,
    async deliver(events) {
      const res = await t.app.inject(signedRequest({ destination: 'Ubot', events }));
      await t.app.lineWebhook!.pending();
      // The question log writes in batches; tests read the store right after.
      await t.app.questionLog.flush();
      return res;
    },
    async closeAll() {
      await t.close();
      await line.close();
    },
  };
}

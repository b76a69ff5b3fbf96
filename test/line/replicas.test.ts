import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresStore, dropPostgresSchema } from '../../server/store/postgres-store.js';
import { ADMIN_TOKEN, startLineTestApp, type LineTestApp } from '../support/line-app.js';
import { USER_ID, postbackEvent, textEvent } from '../support/line-events.js';
import { freshSchema, TEST_DATABASE_URL } from '../support/postgres.js';

// Two instances of the bot on one PostgreSQL store, as behind a load balancer.
const schema = freshSchema('line_replicas');
let a: LineTestApp;
let b: LineTestApp;
beforeAll(async () => {
  const open = async () => {
    const store = createPostgresStore({ url: TEST_DATABASE_URL, schema });
    await store.migrate();
    return store;
  };
  a = await startLineTestApp({}, {}, { store: await open() });
  b = await startLineTestApp({}, {}, { store: await open() });
});
afterAll(async () => {
  await a?.closeAll();
  await b?.closeAll();
  await a?.store.close();
  await b?.store.close();
  await dropPostgresSchema(TEST_DATABASE_URL, schema);
});

describe('LINE on two replicas sharing PostgreSQL', () => {
  it('answers an event delivered to both instances once', async () => {
    const event = textEvent('data catalog ต้องมีกี่ชุดข้อมูล');
    await Promise.all([a.deliver([event]), b.deliver([event])]);
    expect(a.line.replies().length + b.line.replies().length).toBe(1);
    expect([...a.line.problems(), ...b.line.problems()]).toEqual([]);
  });

  it('pushes from one instance to an asker who opted in on the other, once', async () => {
    const question = 'ระบบลางานออนไลน์ของกรมใช้ได้ที่ไหน';
    await a.deliver([textEvent(question)]);
    await a.deliver([postbackEvent(a.line.replies().at(-1)!.body.messages[0].quickReply.items[0].action.data)]);
    const logged = (await b.store.listQuestions({ channel: 'line' })).find((q) => q.question === question)!;
    expect(logged).toBeDefined();
    const answer = (app: LineTestApp) =>
      app.app.inject({ method: 'POST', url: `/api/admin/questions/${logged.id}/answered`, headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, payload: { recordId: 'fy2565-potential-base/data-catalog/1' } });
    const [ra, rb] = await Promise.all([answer(b), answer(a)]);
    expect([ra.statusCode, rb.statusCode]).toEqual([200, 200]);
    const pushes = [...a.line.pushes(), ...b.line.pushes()];
    expect(pushes).toHaveLength(1);
    expect(pushes[0]!.body.to).toBe(USER_ID);
    expect(await a.store.notifyRequestsFor(logged.id)).toEqual([]);
  });
});

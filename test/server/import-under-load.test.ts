import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/test-app.js';

const TOKEN = 'import-under-load-admin-token-0123456789';
let t: TestApp | undefined;
afterAll(() => t?.close());

/** A batch in the handouts' shape with `rows` distinct questions about made-up systems. */
function bigBatch(rows: number): string {
  const lines = ['คำถาม-คำตอบ', 'การประชุมชี้แจงแนวทางการประเมิน ประจำปีงบประมาณ พ.ศ. 2566', 'วันที่ 15 กันยายน 2565', '', 'ตัวชี้วัด e-service', '', 'ลำดับ\tคำถาม\tคำตอบ'];
  for (let i = 1; i <= rows; i++) {
    lines.push(`${i}\tระบบงานหมายเลข ${i} รหัส Z${i}Q นับเป็นงานบริการ e-service ได้หรือไม่\tนับได้ หากระบบ Z${i}Q ให้บริการออนไลน์ครบทุกขั้นตอน ครั้งที่ ${i}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('an import while clients keep asking', () => {
  it('fails no request and serves the new records once imported (build and import in workers)', async () => {
    t = await buildTestApp({ KB_WORKER: 'on', ADMIN_TOKEN: TOKEN, RATE_LIMIT_MAX: '0' });
    await t.app.knowledge.reload();
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const ask = async (question: string) => {
      const res = await fetch(`${base}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
      return { status: res.status, body: (await res.json()) as { answers: { id: string }[] } };
    };

    let importing = true;
    const waits: number[] = [];
    const failures: string[] = [];
    const client = (async () => {
      while (importing) {
        const started = performance.now();
        try {
          const r = await ask('e-service ใช้บริการเดิมได้ไหม');
          if (r.status !== 200) failures.push(`status ${r.status}`);
        } catch (err) {
          failures.push((err as Error).message);
        }
        waits.push(performance.now() - started);
      }
    })();

    const rows = 400;
    const res = await fetch(`${base}/api/admin/batches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ filename: 'fy2566-systems.txt', content: bigBatch(rows) }),
    });
    const result = await res.json();
    expect(res.status, JSON.stringify(result).slice(0, 500)).toBe(201);
    const served = await ask(`ระบบงานหมายเลข ${rows - 7} รหัส Z${rows - 7}Q นับเป็นงานบริการ e-service ได้หรือไม่`);
    importing = false;
    await client;

    expect(failures).toEqual([]);
    expect(served.body.answers[0]?.id).toBe(`fy2566-systems/e-service/${rows - 7}`);
    expect(waits.length).toBeGreaterThan(0);
    // A figure for the report, not an assertion (timed assertions are not allowed).
    const sorted = [...waits].sort((a, b) => a - b);
    console.log(`import under load: ${waits.length} questions during the import, median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`);
  }, 240_000);
});

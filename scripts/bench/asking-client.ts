/**
 * One client asking `/api/ask` back to back, each question once in turn, recording every wait
 * under the phase it started in: what a user sees while the server imports or reloads
 * (scripts/bench/import-under-load.ts and test/server/import-under-load.test.ts).
 */
export interface AskingClient {
  /** Later waits count under this phase. */
  enter(phase: string): void;
  /** Stops after the question in flight; resolves with the waits by phase and the failures. */
  stop(): Promise<{ waits: Map<string, number[]>; failures: string[] }>;
}

export function startAskingClient(baseUrl: string, questions: readonly string[], firstPhase: string): AskingClient {
  let phase = firstPhase;
  let running = true;
  const waits = new Map<string, number[]>();
  const failures: string[] = [];
  const loop = (async () => {
    for (let asked = 0; running; asked++) {
      const current = phase;
      const started = performance.now();
      try {
        const res = await fetch(`${baseUrl}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: questions[asked % questions.length] }) });
        await res.arrayBuffer();
        if (res.status !== 200) failures.push(`status ${res.status}`);
      } catch (err) {
        failures.push((err as Error).message);
      }
      const list = waits.get(current) ?? [];
      list.push(performance.now() - started);
      waits.set(current, list);
    }
  })();
  return {
    enter(next) {
      phase = next;
    },
    async stop() {
      running = false;
      await loop;
      return { waits, failures };
    },
  };
}

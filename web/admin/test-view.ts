import { h } from '../src/dom.js';
import { api, type BatchResult, type SideResult } from './api.js';
import { busy, field, replace, type Ctx } from './context.js';

function side(ctx: Ctx, title: string, r: SideResult): HTMLElement {
  return h(
    'section',
    { class: 'side', attrs: { 'aria-label': title } },
    h('h3', null, title),
    h('p', null, h('span', { class: `status status-${r.status}` }, ctx.t.status[r.status] ?? r.status)),
    r.message ? h('p', null, r.message) : null,
    h('ol', { class: 'answers' }, ...r.answers.map((a) => h('li', null, h('a', { attrs: { href: `#record/${a.id}` } }, a.id), ` · ${a.score}`, h('div', { class: 'q' }, a.question), h('div', { class: 'terms' }, `${ctx.t.matched}: ${a.matched.join(' · ') || '—'}`)))),
    h('p', { class: 'terms' }, `${ctx.t.terms}: `, r.terms.join(' · ') || '—'),
  );
}

export function batchTable(ctx: Ctx, result: BatchResult): HTMLElement {
  const { t } = ctx;
  return h(
    'div',
    { class: 'batch-result' },
    h('p', { class: 'count', attrs: { role: 'status' } }, t.batchSummary(result.total, result.published.hits, result.draft.hits, result.better, result.worse)),
    result.changed.length
      ? h(
          'table',
          { class: 'batch' },
          h('thead', null, h('tr', null, h('th', { attrs: { scope: 'col' } }, '#'), h('th', { attrs: { scope: 'col' } }, t.askLabel), h('th', { attrs: { scope: 'col' } }, t.publishedSide), h('th', { attrs: { scope: 'col' } }, t.draftSide), h('th', { attrs: { scope: 'col' } }, ''))),
          h(
            'tbody',
            null,
            ...result.changed.map((r) =>
              h(
                'tr',
                { class: `change-${r.change}` },
                h('td', null, r.id),
                h('td', null, r.question),
                h('td', null, `${t.status[r.published.status] ?? r.published.status} ${r.published.top ?? ''}`),
                h('td', null, `${t.status[r.draft.status] ?? r.draft.status} ${r.draft.top ?? ''}`),
                h('td', null, r.change === 'better' ? t.better : r.change === 'worse' ? t.worse : t.different),
              ),
            ),
          ),
        )
      : null,
  );
}

/** The test pane: one question against the draft and the published index, and the batch test. */
export function testView(ctx: Ctx, root: HTMLElement): void {
  const { t } = ctx;
  const question = h('input', { attrs: { type: 'text', name: 'question', autocomplete: 'off', maxlength: 500 } });
  const askBtn = h('button', { class: 'primary', attrs: { type: 'submit' } }, t.ask);
  const sides = h('div', { class: 'sides', attrs: { 'aria-live': 'polite' } });
  const batchBtn = h('button', { attrs: { type: 'button' } }, t.batchTest);
  const batchOut = h('div', { attrs: { 'aria-live': 'polite' } });
  batchBtn.addEventListener('click', () =>
    void busy(ctx, batchBtn, async () => {
      replace(batchOut, t.working);
      replace(batchOut, batchTable(ctx, await api<BatchResult>('POST', '/api/console/batch-test', {})));
    }),
  );
  replace(
    root,
    h('h2', null, t.tabs.test),
    h(
      'form',
      {
        class: 'ask-form',
        on: {
          submit: (e) => {
            e.preventDefault();
            if (!question.value.trim()) return;
            void busy(ctx, askBtn, async () => {
              const r = await api<{ draft: SideResult; published: SideResult }>('POST', '/api/console/ask', { question: question.value.trim(), lang: /[\u0E00-\u0E7F]/.test(question.value) ? 'th' : ctx.lang });
              replace(sides, side(ctx, t.draftSide, r.draft), side(ctx, t.publishedSide, r.published));
            });
          },
        },
      },
      field(t.askLabel, question),
      askBtn,
    ),
    sides,
    h('h3', null, t.batchTest),
    batchBtn,
    batchOut,
  );
}

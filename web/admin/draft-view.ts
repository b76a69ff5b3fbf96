import { h } from '../src/dom.js';
import { api, type BatchResult, type Change, type DraftReview } from './api.js';
import { busy, field, replace, type Ctx } from './context.js';
import { batchTable } from './test-view.js';

/** Review the draft (files, kb:check errors and warnings, diff, batch test), publish or discard it; the publish history with restore. */
export async function draftView(ctx: Ctx, root: HTMLElement): Promise<void> {
  const { t } = ctx;
  let review: DraftReview;
  let history: Omit<Change, 'diff'>[];
  try {
    [review, history] = await Promise.all([api<DraftReview>('GET', '/api/console/draft'), api<Omit<Change, 'diff'>[]>('GET', '/api/console/history')]);
  } catch (e) {
    ctx.fail(e);
    return;
  }
  const publisher = ctx.me.role === 'publisher';
  const refresh = () => void draftView(ctx, root);
  const { errors, warnings } = review.review;
  const problemList = (cls: string, list: DraftReview['review']['errors']) =>
    h('ul', { class: `problems ${cls}` }, ...list.map((p) => h('li', { class: p.severity }, `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`)));

  const summary = h('input', { attrs: { type: 'text', name: 'summary', maxlength: 500, required: true, autocomplete: 'off' } });
  const publishBtn = h('button', { class: 'primary', attrs: { type: 'submit', disabled: !publisher || errors.length > 0 || review.changed.length === 0 } }, t.publish);
  const discardBtn = h('button', { class: 'danger', attrs: { type: 'button', disabled: !publisher || review.changed.length === 0 } }, t.discard);
  discardBtn.addEventListener('click', () => {
    if (!confirm(t.confirmDiscard)) return;
    void busy(ctx, discardBtn, async () => {
      await api('DELETE', '/api/console/draft');
      refresh();
    });
  });
  const batchBtn = h('button', { attrs: { type: 'button' } }, t.batchTest);
  const batchOut = h('div', { attrs: { 'aria-live': 'polite' } });
  batchBtn.addEventListener('click', () =>
    void busy(ctx, batchBtn, async () => {
      replace(batchOut, t.working);
      replace(batchOut, batchTable(ctx, await api<BatchResult>('POST', '/api/console/batch-test', {})));
    }),
  );

  const restoreButton = (c: Omit<Change, 'diff'>, latest: boolean) => {
    if (!publisher || latest) return null;
    const b = h('button', { attrs: { type: 'button', 'data-version': c.version } }, t.restore);
    b.addEventListener('click', () => {
      if (!confirm(t.confirmRestore(c.version))) return;
      void busy(ctx, b, async () => {
        await api('POST', `/api/console/history/${encodeURIComponent(c.id)}/restore`, {});
        ctx.notice(t.restored);
        refresh();
      });
    });
    return b;
  };

  replace(
    root,
    h('h2', null, t.tabs.draft),
    review.changed.length === 0
      ? h('p', { class: 'ok' }, t.draftEmpty)
      : h(
          'div',
          null,
          h('h3', null, t.changedFiles),
          h('ul', { class: 'changed-files' }, ...review.changed.map((c) => h('li', null, `${c.path} (${c.change})`))),
          review.updatedBy ? h('p', { class: 'meta' }, `${review.updatedBy} · ${review.updatedAt?.slice(0, 16).replace('T', ' ')}`) : null,
          h('h3', null, `${t.errors}: ${errors.length}`),
          errors.length ? problemList('errors', errors) : null,
          h('h3', null, `${t.warnings}: ${warnings.length}`),
          warnings.length ? problemList('warnings', warnings) : null,
          h('details', { class: 'diff' }, h('summary', null, t.diff), ...review.diff.map((d) => h('pre', { class: 'diff-text', attrs: { tabindex: 0 } }, d.diff))),
          h('h3', null, t.batchTest),
          batchBtn,
          batchOut,
          publisher ? null : h('p', { class: 'note', attrs: { role: 'note' } }, t.publisherOnly),
          h(
            'form',
            {
              class: 'publish-form',
              on: {
                submit: (e) => {
                  e.preventDefault();
                  void busy(ctx, publishBtn, async () => {
                    const r = await api<{ change: Change }>('POST', '/api/console/draft/publish', { summary: summary.value.trim() });
                    ctx.notice(`${t.published}: ${t.version} ${r.change.version}`);
                    refresh();
                  });
                },
              },
            },
            field(t.summary, summary),
            h('div', { class: 'actions' }, publishBtn, discardBtn),
          ),
        ),
    h('h3', null, t.history),
    h(
      'ol',
      { class: 'history', attrs: { reversed: true } },
      ...history.map((c, i) => h('li', { attrs: { 'data-version': c.version } }, `${t.version} ${c.version} · ${c.time.slice(0, 16).replace('T', ' ')} · ${c.author} · ${c.summary} `, restoreButton(c, i === 0))),
    ),
  );
}

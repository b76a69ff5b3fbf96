import { h } from '../src/dom.js';
import { api, type ImportPreview } from './api.js';
import { busy, field, replace, type Ctx } from './context.js';

const TEXT_TYPES = /\.(txt|tsv|csv)$/i;

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** The import wizard: choose a file, check it (problems by line, duplicates side by side), send it to the draft. */
export function importView(ctx: Ctx, root: HTMLElement): void {
  const { t } = ctx;
  const file = h('input', { attrs: { type: 'file', name: 'batch', accept: '.txt,.tsv,.csv,.pdf,.docx,.xlsx' } });
  const documentId = h('input', { attrs: { type: 'text', name: 'document', autocomplete: 'off', pattern: '[a-z0-9]+(-[a-z0-9]+)*' } });
  const replaceBox = h('input', { attrs: { type: 'checkbox', name: 'replace' } });
  const previewBtn = h('button', { attrs: { type: 'submit' } }, t.preview);
  const sendBtn = h('button', { class: 'primary', attrs: { type: 'button', disabled: true } }, t.sendToDraft);
  const out = h('div', { class: 'import-result', attrs: { 'aria-live': 'polite' } });

  async function body(): Promise<Record<string, unknown>> {
    const f = file.files?.[0];
    if (!f) throw new Error(t.file);
    const bytes = new Uint8Array(await f.arrayBuffer());
    return {
      filename: f.name,
      ...(TEXT_TYPES.test(f.name) ? { content: new TextDecoder().decode(bytes) } : { contentBase64: toBase64(bytes) }),
      ...(documentId.value.trim() ? { document: documentId.value.trim() } : {}),
      ...(replaceBox.checked ? { replace: true } : {}),
    };
  }

  function show(p: ImportPreview): void {
    const errors = p.report.problems.filter((x) => x.severity === 'error');
    sendBtn.disabled = errors.length > 0 || p.records.length === 0;
    replace(
      out,
      h('p', { class: 'count' }, `${p.report.document}: ${t.parsed(p.records.length || p.report.records, p.report.untranslated)}`),
      h('h3', null, t.batchProblems),
      p.report.problems.length
        ? h('ul', { class: 'problems batch-problems' }, ...p.report.problems.map((x) => h('li', { class: x.severity }, `${x.line ? `${t.line} ${x.line}: ` : ''}${x.message}`)))
        : h('p', { class: 'ok' }, t.noProblems),
      p.sideBySide.length ? h('h3', null, t.duplicates) : null,
      ...p.sideBySide.map((d) =>
        h(
          'div',
          { class: 'side-by-side duplicate' },
          h('div', null, h('h4', null, `${t.newRecord}: ${d.id}`), h('p', { attrs: { lang: 'th' } }, d.mine.question.th), h('p', { class: 'answer', attrs: { lang: 'th' } }, d.mine.answer.th)),
          h('div', null, h('h4', null, `${t.existing}: ${d.other}${d.similarity ? ` (${t.similarity} ${d.similarity})` : ''}`), h('p', { attrs: { lang: 'th' } }, d.theirs.question.th), h('p', { class: 'answer', attrs: { lang: 'th' } }, d.theirs.answer.th)),
        ),
      ),
      p.records.length ? h('details', null, h('summary', null, t.parsed(p.records.length, p.report.untranslated)), h('ol', { class: 'parsed' }, ...p.records.map((r) => h('li', { attrs: { lang: 'th' } }, `${r.id}: ${r.question.th}`)))) : null,
    );
  }

  sendBtn.addEventListener('click', () =>
    void busy(ctx, sendBtn, async () => {
      await api('POST', '/api/console/import', await body());
      ctx.notice(t.imported);
      sendBtn.disabled = true;
    }),
  );

  replace(
    root,
    h('h2', null, t.tabs.import),
    h(
      'form',
      {
        class: 'import-form',
        on: {
          submit: (e) => {
            e.preventDefault();
            void busy(ctx, previewBtn, async () => show(await api<ImportPreview>('POST', '/api/console/import/preview', await body())));
          },
        },
      },
      field(t.file, file),
      field(t.documentId, documentId, 'fy2566-e-service'),
      h('label', { class: 'check' }, replaceBox, ` ${t.replace}`),
      h('div', { class: 'actions' }, previewBtn, sendBtn),
    ),
    out,
  );
}

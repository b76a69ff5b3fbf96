import { h } from '../src/dom.js';
import { api, recordPath, type RecordDetail, type RecordSummary } from './api.js';
import { busy, field, replace, select, statusChips, type Ctx } from './context.js';

/** The record list (search and filters) and the item editor. */
export function recordsView(ctx: Ctx, root: HTMLElement, state: { query?: URLSearchParams } = {}): void {
  const { t } = ctx;
  const q = h('input', { attrs: { type: 'search', name: 'q', autocomplete: 'off' } });
  const years = [...new Set(ctx.documents.flatMap((d) => d.fiscalYears))].sort();
  const year = select([['', t.filters.any], ...years.map((y) => [String(y), String(y)] as [string, string])]);
  const documentSel = select([['', t.filters.any], ...ctx.documents.map((d) => [d.id, d.id] as [string, string])]);
  const sections = [...new Set(ctx.documents.flatMap((d) => d.sections.map((s) => s.slug)))].sort();
  const section = select([['', t.filters.any], ...sections.map((s) => [s, s] as [string, string])]);
  const indicator = select([['', t.filters.any], ...ctx.vocab.indicators.map((s) => [s, s] as [string, string])]);
  const status = select([['', t.filters.any], ...Object.entries(t.statuses)]);
  const count = h('p', { class: 'count', attrs: { role: 'status' } });
  const list = h('ul', { class: 'record-list' });

  async function load(): Promise<void> {
    const params = new URLSearchParams();
    const pairs: [string, string][] = [['q', q.value], ['year', year.value], ['document', documentSel.value], ['section', section.value], ['indicator', indicator.value], ['status', status.value]];
    for (const [k, v] of pairs) if (v.trim()) params.set(k, v.trim());
    try {
      const rows = await api<RecordSummary[]>('GET', `/api/console/records?${params}`);
      count.textContent = t.results(rows.length);
      replace(
        list,
        ...rows.map((r) =>
          h(
            'li',
            { class: 'record-row' },
            h('a', { attrs: { href: `#record/${r.id}`, 'data-record-id': r.id } }, r.id),
            h('span', { class: 'q', attrs: { lang: 'th' } }, r.question.th),
            r.question.en ? h('span', { class: 'q-en', attrs: { lang: 'en' } }, r.question.en) : null,
            h('span', { class: 'meta' }, `${r.indicators.join(', ')} · ${r.fiscalYears.join(', ')}`),
            statusChips(ctx, r.statuses),
          ),
        ),
      );
    } catch (e) {
      ctx.fail(e);
    }
  }

  let timer: number | undefined;
  const later = () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => void load(), 250);
  };
  q.addEventListener('input', later);
  for (const s of [year, documentSel, section, indicator, status]) s.addEventListener('change', () => void load());
  if (state.query?.get('status')) status.value = state.query.get('status')!;

  replace(
    root,
    h('h2', null, t.tabs.records),
    h(
      'form',
      { class: 'filters', attrs: { role: 'search' }, on: { submit: (e) => (e.preventDefault(), void load()) } },
      field(t.search, q),
      field(t.filters.year, year),
      field(t.filters.document, documentSel),
      field(t.filters.section, section),
      field(t.filters.indicator, indicator),
      field(t.filters.status, status),
    ),
    count,
    list,
  );
  void load();
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

export async function recordEditor(ctx: Ctx, root: HTMLElement, id: string): Promise<void> {
  const { t } = ctx;
  let detail: RecordDetail;
  try {
    detail = await api<RecordDetail>('GET', recordPath(id));
  } catch (e) {
    ctx.fail(e);
    return;
  }
  const r = detail.record;
  const s = detail.source;
  const area = (value: string, lang: string, rows = 3) => {
    const el = h('textarea', { attrs: { rows, lang } });
    el.value = value;
    return el;
  };
  const qTh = area(r.question.th, 'th', 2);
  const qEn = area(r.question.en, 'en', 2);
  const aTh = area(r.answer.th, 'th', 6);
  const aEn = area(r.answer.en, 'en', 6);
  const altTh = area(r.alternates.th.join('\n'), 'th', 3);
  const altEn = area(r.alternates.en.join('\n'), 'en', 3);
  altTh.name = 'alternates-th';
  qEn.name = 'question-en';
  aEn.name = 'answer-en';
  const indicatorBoxes = ctx.vocab.indicators.map((slug) => {
    const box = h('input', { attrs: { type: 'checkbox', value: slug, name: 'indicator', checked: r.tags.indicators.includes(slug) } });
    return h('label', { class: 'check' }, box, ` ${slug}`);
  });
  const superseded = h('input', { attrs: { type: 'text', list: 'supersede-options', autocomplete: 'off', name: 'supersededBy' } });
  superseded.value = r.supersededBy ?? '';
  const options = h('datalist', { attrs: { id: 'supersede-options' } });
  superseded.addEventListener('input', async () => {
    const term = superseded.value.trim();
    if (term.length < 2) return;
    try {
      const rows = await api<RecordSummary[]>('GET', `/api/console/records?q=${encodeURIComponent(term)}&limit=8`);
      replace(options, ...rows.filter((x) => x.id !== id).map((x) => h('option', { attrs: { value: x.id } }, x.question.th)));
    } catch {
      /* suggestions only */
    }
  });
  const problems = h('ul', { class: 'problems', attrs: { 'aria-live': 'polite', id: 'record-problems' } });
  const showProblems = (list: RecordDetail['problems']) =>
    replace(problems, ...(list.length ? list.map((p) => h('li', { class: p.severity }, `${p.field}: ${p.message}`)) : [h('li', { class: 'ok' }, t.noProblems)]));
  showProblems(detail.problems);

  const patch = () => ({
    question: { th: qTh.value, en: qEn.value },
    answer: { th: aTh.value, en: aEn.value },
    alternates: { th: lines(altTh.value), en: lines(altEn.value) },
    tags: { indicators: indicatorBoxes.map((l) => l.querySelector('input')!).filter((b) => b.checked).map((b) => b.value) },
    supersededBy: superseded.value.trim() ? superseded.value.trim() : null,
  });

  // Validation as you type: the same messages kb:check gives, from the server.
  let timer: number | undefined;
  let asked = 0;
  const validate = () => {
    clearTimeout(timer);
    timer = window.setTimeout(async () => {
      // Answers can arrive out of order; only the one for the latest text counts.
      const mine = ++asked;
      try {
        const v = await api<{ problems: RecordDetail['problems'] }>('POST', `${recordPath(id)}/validate`, patch());
        if (mine === asked) showProblems(v.problems);
      } catch (e) {
        ctx.fail(e);
      }
    }, 350);
  };
  for (const el of [qTh, qEn, aTh, aEn, altTh, altEn, superseded]) el.addEventListener('input', validate);
  for (const l of indicatorBoxes) l.addEventListener('change', validate);

  const saveBtn = h('button', { class: 'primary', attrs: { type: 'submit' } }, t.save);
  const deleteBtn = h('button', { class: 'danger', attrs: { type: 'button' } }, t.delete);
  const changed = h('p', { class: 'note', attrs: { hidden: !detail.changedInDraft } }, t.changedInDraft);
  deleteBtn.addEventListener('click', () => {
    if (!confirm(t.confirmDelete)) return;
    void busy(ctx, deleteBtn, async () => {
      await api('DELETE', recordPath(id));
      ctx.notice(t.saved);
      ctx.go('records');
    });
  });

  const sectionTitle = s.sectionTitle ? s.sectionTitle[ctx.lang] || s.sectionTitle.th : s.section;
  replace(
    root,
    h('p', null, h('a', { attrs: { href: '#records' } }, `← ${t.back}`)),
    h('h2', null, id),
    h(
      'aside',
      { class: 'source', attrs: { 'aria-label': t.source } },
      h('strong', null, `${t.source}: `),
      h('span', { attrs: { lang: 'th' } }, s.title.th),
      ` · ${sectionTitle} · ${ctx.lang === 'th' ? 'ข้อ' : 'No.'} ${s.number} · ${s.date} · ${s.sourceFile}${s.line ? ` (${t.line} ${s.line})` : ''}`,
      detail.feedback.unhelpful || detail.feedback.helpful ? ` · 👍 ${detail.feedback.helpful} / 👎 ${detail.feedback.unhelpful}` : '',
    ),
    changed,
    h(
      'form',
      {
        class: 'editor',
        on: {
          submit: (e) => {
            e.preventDefault();
            void busy(ctx, saveBtn, async () => {
              const saved = await api<RecordDetail>('PATCH', recordPath(id), patch());
              showProblems(saved.problems);
              changed.hidden = !saved.changedInDraft;
              ctx.notice(t.saved);
            });
          },
        },
      },
      h('div', { class: 'pair' }, field(t.questionTh, qTh), field(t.questionEn, qEn)),
      h('div', { class: 'pair' }, field(t.answerTh, aTh), field(t.answerEn, aEn)),
      h('div', { class: 'pair' }, field(t.alternatesTh, altTh), field(t.alternatesEn, altEn)),
      h('fieldset', { class: 'checks' }, h('legend', null, t.indicators), ...indicatorBoxes),
      field(t.supersededBy, superseded),
      options,
      h('section', { attrs: { 'aria-labelledby': 'problems-h' } }, h('h3', { attrs: { id: 'problems-h' } }, t.problems), problems),
      h('div', { class: 'actions' }, saveBtn, deleteBtn),
    ),
  );
}

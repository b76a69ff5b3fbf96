import { h } from '../src/dom.js';
import { api, type InboxGroup, type InboxStats, type RecordSummary } from './api.js';
import { barChart, shareChart } from './charts.js';
import { busy, field, replace, select, type Ctx } from './context.js';

/** Staff questions the bot could not answer well, grouped; each group can become an alternate, a new record, or be dismissed. */
export async function inboxView(ctx: Ctx, root: HTMLElement): Promise<void> {
  const { t } = ctx;
  let groups: InboxGroup[];
  let stats: InboxStats;
  try {
    [groups, stats] = await Promise.all([api<InboxGroup[]>('GET', '/api/console/inbox'), api<InboxStats>('GET', '/api/console/inbox/stats')]);
  } catch (e) {
    ctx.fail(e);
    return;
  }
  const refresh = () => void inboxView(ctx, root);

  const groupEl = (g: InboxGroup) => {
    const picker = h('select', { attrs: { name: 'record' } }, ...g.suggestions.map((s) => h('option', { attrs: { value: s.id } }, `${s.id} (${s.score})`)));
    const search = h('input', { attrs: { type: 'search', autocomplete: 'off', name: 'record-search' } });
    search.addEventListener('input', async () => {
      if (search.value.trim().length < 2) return;
      try {
        const rows = await api<RecordSummary[]>('GET', `/api/console/records?q=${encodeURIComponent(search.value.trim())}&limit=10`);
        const suggested = g.suggestions.map((s) => h('option', { attrs: { value: s.id } }, `${s.id} (${s.score})`));
        replace(picker, ...suggested, ...rows.filter((r) => !g.suggestions.some((s) => s.id === r.id)).map((r) => h('option', { attrs: { value: r.id } }, `${r.id}: ${r.question.th.slice(0, 60)}`)));
      } catch (e) {
        ctx.fail(e);
      }
    });
    const addBtn = h('button', { class: 'primary', attrs: { type: 'button' } }, t.addAlternate);
    addBtn.addEventListener('click', () =>
      void busy(ctx, addBtn, async () => {
        if (!picker.value) return;
        const lang = /[\u0E00-\u0E7F]/.test(g.question) ? 'th' : 'en';
        await api('POST', `/api/console/inbox/${encodeURIComponent(g.id)}/alternate`, { recordId: picker.value, lang });
        ctx.notice(t.saved);
        refresh();
      }),
    );
    const doc = select(ctx.documents.map((d) => [d.id, d.id] as [string, string]));
    const section = select([]);
    const fillSections = () => replace(section, ...(ctx.documents.find((d) => d.id === doc.value)?.sections ?? []).map((s) => h('option', { attrs: { value: s.slug } }, s.slug)));
    doc.addEventListener('change', fillSections);
    fillSections();
    const answer = h('textarea', { attrs: { rows: 3, lang: 'th' } });
    const newBtn = h('button', { attrs: { type: 'button' } }, t.startRecord);
    newBtn.addEventListener('click', () =>
      void busy(ctx, newBtn, async () => {
        if (!answer.value.trim()) return answer.focus();
        const r = await api<{ recordId: string }>('POST', `/api/console/inbox/${encodeURIComponent(g.id)}/record`, { document: doc.value, section: section.value, question: { th: g.question }, answer: { th: answer.value } });
        ctx.go('record', r.recordId);
      }),
    );
    const dismissBtn = h('button', { class: 'quiet', attrs: { type: 'button' } }, t.dismiss);
    dismissBtn.addEventListener('click', () =>
      void busy(ctx, dismissBtn, async () => {
        await api('POST', `/api/console/inbox/${encodeURIComponent(g.id)}/dismiss`, {});
        refresh();
      }),
    );
    return h(
      'li',
      { class: 'group', attrs: { 'data-group': g.id } },
      h('h3', { attrs: { lang: 'th' } }, g.question),
      h('p', { class: 'meta' }, `${t.asked(g.count)} · ${Object.entries(g.kinds).map(([k, n]) => `${t.kinds[k] ?? k} ${n}`).join(', ')} · ${g.newest.slice(0, 16).replace('T', ' ')}`),
      g.count > 1 ? h('details', null, h('summary', null, `${t.allAsked} (${g.count})`), h('ul', null, ...g.items.map((i) => h('li', { attrs: { lang: 'th' } }, i.question)))) : null,
      h('div', { class: 'group-actions' }, field(t.suggestions, picker), field(t.chooseRecord, search), addBtn),
      h('details', { class: 'new-record' }, h('summary', null, t.startRecord), field(t.filters.document, doc), field(t.filters.section, section), field(t.answerTh, answer), newBtn),
      dismissBtn,
    );
  };

  replace(
    root,
    h('h2', null, t.tabs.inbox),
    h(
      'div',
      { class: 'charts' },
      barChart(t.charts.feedback, stats.feedbackByRecord.map((f) => ({ label: f.recordId, values: [f.helpful, f.unhelpful] })), ['bar bar-good', 'bar bar-bad']),
      barChart(t.charts.mostAsked, stats.mostAskedThisWeek.map((f) => ({ label: f.recordId, values: [f.count] })), ['bar']),
      shareChart(t.charts.declined, stats.declinedShare),
    ),
    groups.length ? h('ul', { class: 'groups' }, ...groups.map(groupEl)) : h('p', null, t.inboxEmpty),
  );
}

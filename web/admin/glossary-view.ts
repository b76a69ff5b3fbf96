import { h } from '../src/dom.js';
import { api, type Concept } from './api.js';
import { busy, field, replace, split, type Ctx } from './context.js';

/** Glossary concepts and lexicon files; saving puts them in the draft like every other change. */
export async function glossaryView(ctx: Ctx, root: HTMLElement): Promise<void> {
  const { t } = ctx;
  let data: { glossary: { concepts: Concept[] }; lexicons: { name: string; text: string }[] };
  try {
    data = await api('GET', '/api/console/glossary');
  } catch (e) {
    ctx.fail(e);
    return;
  }
  const conceptForm = (c: Concept | undefined) => {
    const input = (value: string, name: string) => {
      const el = h('input', { attrs: { type: 'text', name, autocomplete: 'off' } });
      el.value = value;
      return el;
    };
    const id = input(c?.id ?? '', 'id');
    if (c) id.readOnly = true;
    const thF = input(c?.th.join(', ') ?? '', 'th');
    const enF = input(c?.en.join(', ') ?? '', 'en');
    const ab = input(c?.abbreviations.join(', ') ?? '', 'abbreviations');
    const tr = input(c?.transliterations.join(', ') ?? '', 'transliterations');
    const sy = input(c?.synonyms.join(', ') ?? '', 'synonyms');
    const save = h('button', { class: 'primary', attrs: { type: 'submit' } }, c ? t.save : t.addConcept);
    return h(
      'form',
      {
        class: 'concept',
        on: {
          submit: (e) => {
            e.preventDefault();
            void busy(ctx, save, async () => {
              await api('PUT', `/api/console/glossary/${encodeURIComponent(id.value.trim())}`, {
                th: split(thF.value),
                en: split(enF.value),
                abbreviations: split(ab.value),
                transliterations: split(tr.value),
                synonyms: split(sy.value),
                ...(c?.indicator ? { indicator: c.indicator } : {}),
                ...(c?.note ? { note: c.note } : {}),
              });
              ctx.notice(t.saved);
            });
          },
        },
      },
      field(t.conceptId, id),
      field(t.formsTh, thF),
      field(t.formsEn, enF),
      field(t.abbreviations, ab),
      field(t.transliterations, tr),
      field(t.synonyms, sy),
      save,
    );
  };
  const lexiconForm = (l: { name: string; text: string }) => {
    const area = h('textarea', { attrs: { rows: 10, spellcheck: 'false' } });
    area.value = l.text;
    const save = h('button', { class: 'primary', attrs: { type: 'submit' } }, t.save);
    return h(
      'form',
      {
        on: {
          submit: (e) => {
            e.preventDefault();
            void busy(ctx, save, async () => {
              await api('PUT', `/api/console/lexicon/${encodeURIComponent(l.name)}`, { text: area.value });
              ctx.notice(t.saved);
            });
          },
        },
      },
      field(`lexicon/${l.name}.json`, area),
      save,
    );
  };
  replace(
    root,
    h('h2', null, t.glossary),
    h('details', { class: 'add-concept' }, h('summary', null, t.addConcept), conceptForm(undefined)),
    h('ul', { class: 'concepts' }, ...data.glossary.concepts.map((c) => h('li', null, h('details', null, h('summary', null, `${c.id}: ${c.th[0]} / ${c.en[0]}`), conceptForm(c))))),
    data.lexicons.length ? h('h2', null, t.lexicon) : null,
    ...data.lexicons.map(lexiconForm),
  );
}

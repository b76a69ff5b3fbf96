import { ApiError, ask, getDocuments, getRecord } from './api.js';
import { clear, h, icon } from './dom.js';
import { fiscalYearLabel } from './format.js';
import { STRINGS, indicatorLabel, rememberLang, type Lang } from './i18n.js';
import { botMessage, renderEntry, renderLoading } from './messages.js';
import { applyDocumentLang, renderHeader } from './shell.js';
import { newCard, type AppState, type Entry } from './state.js';

/** The chat page: filters, conversation log and the question box. */

const INPUT_ID = 'question';
const MAX_QUESTION = 500;

export function mountChat(root: HTMLElement, state: AppState): void {
  let log: HTMLElement;
  let input: HTMLTextAreaElement;
  let sendButton: HTMLButtonElement;
  let inputError: HTMLElement;
  let filtersSlot: HTMLElement;

  const render = () => {
    const t = STRINGS[state.lang];
    applyDocumentLang(state.lang, t.appTitle);
    clear(root);

    log = h('div', {
      class: 'log',
      attrs: { id: 'conversation', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-labelledby': 'conversation-heading' },
    });
    log.appendChild(renderWelcome(state.lang, state.entries.length === 0 ? submit : null));
    for (const entry of state.entries) log.appendChild(renderEntry(entry, state.lang, { openRecord }));

    input = h('textarea', {
      class: 'question-input',
      attrs: {
        id: INPUT_ID,
        name: 'question',
        rows: 2,
        maxlength: MAX_QUESTION,
        placeholder: t.inputPlaceholder,
        'aria-describedby': 'question-hint question-error',
        autocomplete: 'off',
        enterkeyhint: 'send',
      },
      on: {
        keydown: (event) => {
          // Enter sends; Shift+Enter breaks the line; Enter that confirms an IME composition does neither.
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
            event.preventDefault();
            submit(input.value);
          }
        },
        input: () => {
          state.draft = input.value;
          if (input.value.trim()) setInputError('');
        },
      },
    });
    input.value = state.draft;
    sendButton = h('button', { class: 'send-button', attrs: { type: 'submit', disabled: state.busy } }, icon('send'), h('span', null, t.send));
    inputError = h('p', { class: 'input-error', attrs: { id: 'question-error', role: 'alert' } });
    filtersSlot = h('div', { class: 'filters-slot' }, renderFilters(state));

    const form = h(
      'form',
      {
        class: 'composer',
        attrs: { 'aria-label': t.inputLabel, novalidate: true },
        on: {
          submit: (event) => {
            event.preventDefault();
            submit(input.value);
          },
        },
      },
      h('label', { class: 'composer-label', attrs: { for: INPUT_ID } }, t.inputLabel),
      h('div', { class: 'composer-row' }, input, sendButton),
      h('p', { class: 'composer-hint', attrs: { id: 'question-hint' } }, t.inputHint),
      inputError,
    );

    root.append(
      ...renderHeader(state.lang, switchLang, INPUT_ID),
      h(
        'main',
        { class: 'wrap chat', attrs: { id: 'main' } },
        filtersSlot,
        h('h2', { class: 'visually-hidden', attrs: { id: 'conversation-heading' } }, t.conversationLabel),
        log,
        form,
      ),
    );
  };

  const setInputError = (message: string) => {
    inputError.textContent = message;
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  };

  const switchLang = (lang: Lang) => {
    state.lang = lang;
    rememberLang(lang);
    render();
    root.querySelector<HTMLButtonElement>(`.lang-button[data-lang="${lang}"]`)?.focus();
  };

  const push = (entry: Entry): HTMLElement => {
    state.entries.push(entry);
    const el = renderEntry(entry, state.lang, { openRecord });
    log.appendChild(el);
    return el;
  };

  /** Runs one request with the loading line shown and the send button disabled; always cleans up. */
  const withLoading = async (work: () => Promise<Entry>) => {
    state.busy = true;
    sendButton.disabled = true;
    const loading = renderLoading(state.lang);
    log.appendChild(loading);
    reveal(loading);
    let entry: Entry;
    try {
      entry = await work();
    } catch (error) {
      if (!(error instanceof ApiError)) console.error(error);
      // A bug on our side reads as "something went wrong", not as a network problem.
      entry = error instanceof ApiError ? { kind: 'error', status: error.status, message: error.message } : { kind: 'error', status: 500, message: String(error) };
    }
    // The language may have been switched meanwhile, which rebuilt the log: remove by reference, then append.
    loading.remove();
    state.busy = false;
    sendButton.disabled = false;
    reveal(push(entry));
  };

  const submit = (raw: string) => {
    const question = raw.trim();
    if (state.busy) return;
    if (!question) {
      setInputError(STRINGS[state.lang].emptyQuestion);
      input.focus();
      return;
    }
    setInputError('');
    // The starter examples have done their job once a conversation begins.
    const examples = log.querySelector('.welcome .chips-block');
    if (examples) {
      const hadFocus = examples.contains(document.activeElement);
      examples.remove();
      if (hadFocus) input.focus();
    }
    push({ kind: 'user', text: question });
    input.value = '';
    state.draft = '';
    void withLoading(async () => {
      const result = await ask(question, state.filters);
      const [best, ...others] = result.answers;
      if (result.answered && best) {
        return { kind: 'answer', card: newCard(best, question), others, requested: result.lang };
      }
      const filtered = state.filters.year !== undefined || state.filters.indicator !== undefined;
      return { kind: 'no-answer', suggestions: result.answers, requested: result.lang, filtered };
    });
  };

  function openRecord(id: string, label: string, requested: Lang): void {
    if (state.busy) return;
    push({ kind: 'user', text: label });
    void withLoading(async () => {
      const answer = await getRecord(id, requested);
      return { kind: 'answer', card: newCard(answer, answer.original.question), others: [], requested };
    });
  }

  render();
  getDocuments().then(
    (docs) => {
      state.facets = { years: docs.facets.years, indicators: docs.facets.indicators };
      filtersSlot.replaceChildren(renderFilters(state));
    },
    // Without facets the selects offer only "all"; asking still works, so say nothing.
    () => undefined,
  );
}

function renderFilters(state: AppState): HTMLElement {
  const t = STRINGS[state.lang];
  const select = (id: string, label: string, all: string, options: { value: string; label: string }[], current: string, onChange: (v: string) => void) =>
    h(
      'div',
      { class: 'filter' },
      h('label', { attrs: { for: id } }, label),
      h(
        'select',
        { attrs: { id, name: id }, on: { change: (event) => onChange((event.target as HTMLSelectElement).value) } },
        h('option', { attrs: { value: '' } }, all),
        ...options.map((o) => h('option', { attrs: { value: o.value, selected: o.value === current } }, o.label)),
      ),
    );
  return h(
    'section',
    { class: 'filters', attrs: { 'aria-label': t.filtersLabel } },
    select(
      'filter-year',
      t.yearLabel,
      t.yearAll,
      state.facets.years.map((y) => ({ value: String(y), label: fiscalYearLabel(y, state.lang) })),
      state.filters.year === undefined ? '' : String(state.filters.year),
      (v) => (state.filters.year = v ? Number(v) : undefined),
    ),
    select(
      'filter-indicator',
      t.indicatorLabel,
      t.indicatorAll,
      state.facets.indicators.map((i) => ({ value: i, label: indicatorLabel(i, state.lang) })),
      state.filters.indicator ?? '',
      (v) => (state.filters.indicator = v || undefined),
    ),
  );
}

/** The greeting, with example questions only while the conversation is empty (`submit` given). */
function renderWelcome(lang: Lang, submit: ((question: string) => void) | null): HTMLElement {
  const t = STRINGS[lang];
  return botMessage(
    lang,
    'welcome',
    h('p', null, t.welcome),
    submit && h(
      'div',
      { class: 'chips-block' },
      h('p', { class: 'chips-label', attrs: { id: 'examples-label' } }, t.examplesLabel),
      h(
        'ul',
        { class: 'chips', attrs: { 'aria-labelledby': 'examples-label' } },
        ...t.examples.map((q) => h('li', null, h('button', { class: 'chip chip-example', attrs: { type: 'button' }, on: { click: () => submit(q) } }, q))),
      ),
    ),
  );
}

function reveal(el: HTMLElement): void {
  const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  el.scrollIntoView({ block: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
}

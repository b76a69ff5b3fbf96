import { ApiError, ask, getRecord, type AskResult } from './api.js';
import { clearConversation, restoreConversation, saveConversation } from './conversation-store.js';
import { loadDocuments } from './documents.js';
import { clear, h, icon } from './dom.js';
import { fiscalYearLabel } from './format.js';
import { STRINGS, indicatorLabel, rememberLang, type Lang } from './i18n.js';
import { botMessage, renderEntry, renderLoading, type MessageActions } from './messages.js';
import { applyDocumentLang, renderHeader } from './shell.js';
import { WIDGET_CLOSE } from './widget/protocol.js';
import { hasFilters, newCard, type AppState, type Entry, type Filters } from './state.js';

/** The chat page: filters, conversation log and the question box; compact inside the widget. */

const INPUT_ID = 'question';
const MAX_QUESTION = 500;

export function mountChat(root: HTMLElement, state: AppState): void {
  let log: HTMLElement;
  let input: HTMLTextAreaElement;
  let sendButton: HTMLButtonElement;
  let inputError: HTMLElement;
  let filtersSlot: HTMLElement;
  let announcer: HTMLElement;

  restoreConversation(state);
  const save = () => saveConversation(state);

  const actions: MessageActions = {
    documents: state.documents,
    openRecord: (id, label, requested) => openRecord(id, label, requested),
    choose: (entry, id, label) => choose(entry, id, label),
    ask: (question) => submit(question),
    searchWithoutFilters: (question) => {
      state.filters = {};
      filtersSlot.replaceChildren(renderFilters(state, clearChat));
      submit(question);
    },
    changed: save,
    embedded: state.embedded,
  };

  const renderLog = () => {
    clear(log);
    log.appendChild(renderWelcome(state.lang, state.entries.length === 0 ? submit : null));
    for (const entry of state.entries) log.appendChild(renderEntry(entry, state.lang, actions));
  };

  const render = () => {
    const t = STRINGS[state.lang];
    applyDocumentLang(state.lang, t.appTitle);
    clear(root);

    log = h('div', {
      class: 'log',
      attrs: { id: 'conversation', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-labelledby': 'conversation-heading' },
    });
    renderLog();

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
    filtersSlot = h('div', { class: 'filters-slot' }, renderFilters(state, clearChat));
    announcer = h('p', { class: 'visually-hidden', attrs: { role: 'status' } });

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
      ...renderHeader(state.lang, switchLang, INPUT_ID, { compact: state.embedded }),
      h(
        'main',
        { class: `wrap chat${state.embedded ? ' is-embedded' : ''}`, attrs: { id: 'main' } },
        filtersSlot,
        h('h2', { class: 'visually-hidden', attrs: { id: 'conversation-heading' } }, t.conversationLabel),
        log,
        announcer,
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

  function clearChat(): void {
    if (state.busy) return;
    clearConversation(state);
    renderLog();
    filtersSlot.replaceChildren(renderFilters(state, clearChat));
    announcer.textContent = STRINGS[state.lang].conversationCleared;
    input.focus();
  }

  const push = (entry: Entry): HTMLElement => {
    state.entries.push(entry);
    save();
    // The clear button is disabled while there is nothing to clear.
    filtersSlot.querySelector<HTMLButtonElement>('.clear-button')?.removeAttribute('disabled');
    const el = renderEntry(entry, state.lang, actions);
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
    const filters: Filters | undefined = hasFilters(state.filters) ? { ...state.filters } : undefined;
    const history = state.turns.slice();
    void withLoading(async () => {
      const result = await ask(question, { lang: state.lang, filters, history });
      const { entry, answerId } = entryFor(question, result, filters);
      state.turns.push(answerId ? { question, answerId } : { question });
      return entry;
    });
  };

  function openRecord(id: string, label: string, requested: Lang): void {
    if (state.busy) return;
    push({ kind: 'user', text: label });
    void withLoading(async () => {
      const answer = await getRecord(id, requested);
      // Opening a record is a turn too, so a follow-up can lean on it.
      state.turns.push({ question: truncate(label), answerId: id });
      return { kind: 'answer', card: newCard(answer, answer.original.question), others: [], requested };
    });
  }

  /**
   * A clarify option picked: the record is shown (GET /api/records/:id) and the choice is logged
   * by asking the option's question with the conversation as history, the clarified turn now
   * carrying the chosen record; the question log thus holds which option was picked.
   */
  function choose(entry: Extract<Entry, { kind: 'clarify' }>, id: string, label: string): void {
    if (state.busy) return;
    entry.chosen = id;
    const turn = [...state.turns].reverse().find((t) => t.question === entry.question);
    if (turn) turn.answerId = id;
    push({ kind: 'user', text: label });
    const history = state.turns.slice();
    void withLoading(async () => {
      const [answer] = await Promise.all([
        getRecord(id, entry.requested),
        // Logging only: its failure must not hide the answer the person chose.
        ask(truncate(label), { lang: state.lang, history, limit: 1 }).catch(() => undefined),
      ]);
      return { kind: 'answer', card: newCard(answer, entry.question), others: [], requested: entry.requested };
    });
  }

  if (state.embedded) {
    // Escape inside the widget's frame closes the panel (the host page cannot see keys in the frame).
    // Forms that use Escape themselves (the feedback reasons) mark it handled first.
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !event.defaultPrevented && window.parent !== window) window.parent.postMessage({ type: WIDGET_CLOSE }, '*');
    });
  }

  render();
  // A restored conversation continues where it was: at its latest reply.
  if (state.entries.length) root.querySelector('.log')?.lastElementChild?.scrollIntoView({ block: 'end' });

  loadDocuments(state).then(
    () => {
      filtersSlot.replaceChildren(renderFilters(state, clearChat));
      // A restored conversation was drawn before the short names and section titles arrived.
      if (state.entries.length) renderLog();
    },
    // Without the documents list the selects offer only "all" and cards use the API's names; asking still works.
    () => undefined,
  );
}

/** What one API result becomes in the conversation, and the record that answered the turn. */
export function entryFor(question: string, result: AskResult, filters: Filters | undefined): { entry: Entry; answerId?: string } {
  const [best, ...others] = result.answers;
  const message = result.message;
  if (result.status === 'clarify' && result.answers.length >= 2) {
    return { entry: { kind: 'clarify', question, options: result.answers, requested: result.lang, ...(message ? { message } : {}) } };
  }
  if (result.answered && best) {
    return { entry: { kind: 'answer', card: newCard(best, question), others, requested: result.lang, ...(message ? { message } : {}) }, answerId: best.id };
  }
  if (message && result.answers.length === 0 && !filters) return { entry: { kind: 'message', message, requested: result.lang } };
  return {
    entry: { kind: 'no-answer', question, suggestions: result.answers, requested: result.lang, ...(filters ? { filters } : {}), ...(message ? { message } : {}) },
  };
}

function truncate(text: string): string {
  return [...text].slice(0, MAX_QUESTION).join('');
}

function renderFilters(state: AppState, onClear: () => void): HTMLElement {
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
  const selects = [
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
  ];
  const clearButton = h(
    'button',
    { class: 'secondary-button clear-button', attrs: { type: 'button', disabled: state.entries.length === 0 }, on: { click: onClear } },
    t.clearConversation,
  );
  // In the widget's small frame the filters fold away; the clear button stays in reach.
  const filters = state.embedded
    ? h('details', { class: 'filters-fold' }, h('summary', null, t.filtersLabel), h('div', { class: 'filters-inner' }, ...selects))
    : h('div', { class: 'filters-inner' }, ...selects);
  return h('section', { class: 'filters', attrs: { 'aria-label': t.filtersLabel } }, filters, h('div', { class: 'filters-end' }, clearButton));
}

/** The greeting, with example questions only while the conversation is empty (`submit` given). */
function renderWelcome(lang: Lang, submit: ((question: string) => void) | null): HTMLElement {
  const t = STRINGS[lang];
  return botMessage(
    lang,
    'welcome',
    h('p', null, t.welcome),
    submit &&
      h(
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

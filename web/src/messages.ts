import type { BotMessage, DocumentSummary } from './api.js';
import { h } from './dom.js';
import { fiscalYearLabel } from './format.js';
import { STRINGS, indicatorLabel, type Lang } from './i18n.js';
import { renderCard, renderChips } from './render-answer.js';
import type { Entry, Filters } from './state.js';

/** One conversation entry → its DOM. Bot and user turns carry a hidden speaker label for screen readers. */

export interface MessageActions {
  documents: ReadonlyMap<string, DocumentSummary>;
  openRecord: (id: string, label: string, requested: Lang) => void;
  /** A clarify option was picked: show it and log the choice. */
  choose: (entry: Extract<Entry, { kind: 'clarify' }>, id: string, label: string) => void;
  /** Asks a question (example buttons under a greeting). */
  ask: (question: string) => void;
  /** Asks `question` again with the filters cleared. */
  searchWithoutFilters: (question: string) => void;
  /** Card state changed (feedback, toggles): save the conversation. */
  changed: () => void;
  /** Inside the widget's frame. */
  embedded: boolean;
}

export function renderEntry(entry: Entry, ui: Lang, actions: MessageActions): HTMLElement {
  const t = STRINGS[ui];
  switch (entry.kind) {
    case 'user':
      return h('div', { class: 'msg msg-user' }, h('span', { class: 'visually-hidden' }, `${t.you}: `), h('p', { class: 'bubble' }, entry.text));
    case 'answer': {
      const open = (id: string, label: string) => actions.openRecord(id, label, entry.requested);
      return botMessage(
        ui,
        '',
        entry.message ? renderBotNote(entry.message, entry.requested, ui, actions.ask) : null,
        renderCard(entry.card, {
          ui,
          documents: actions.documents,
          openRecord: open,
          permalink: true,
          headingLevel: 'h3',
          requested: entry.requested,
          newTab: actions.embedded,
          onChange: actions.changed,
        }),
        entry.others.length ? renderChips(entry.others, t.othersLabel, ui, actions.documents, open) : null,
      );
    }
    case 'clarify':
      return botMessage(
        ui,
        'clarify',
        h(
          'div',
          { class: 'notice' },
          entry.message ? renderBotNote(entry.message, entry.requested, ui, actions.ask) : h('p', { class: 'notice-title' }, t.clarifyTitle),
          renderChoices(entry, ui, actions),
        ),
      );
    case 'no-answer':
      return renderNoAnswer(entry, ui, actions);
    case 'message':
      return botMessage(ui, 'bot-reply', renderBotNote(entry.message, entry.requested, ui, actions.ask));
    case 'error':
      return botMessage(ui, 'msg-error', h('p', { class: 'error-text' }, errorText(entry.status, entry.message, ui)));
  }
}

/**
 * The bot's own words (greeting, thanks, identity, hand-off, "which topic?", a year no record
 * covers), in the language the API answered in, with example questions as buttons.
 */
export function renderBotNote(message: BotMessage, lang: Lang, ui: Lang, ask: (question: string) => void): HTMLElement {
  const t = STRINGS[ui];
  const labelId = `note-${Math.random().toString(36).slice(2, 9)}`;
  return h(
    'div',
    { class: `bot-note is-${message.kind}`, attrs: { 'data-kind': message.kind } },
    // Only the hand-off carries contact details; elsewhere a run of digits is a year, not a phone number.
    h('p', { class: 'bot-note-text', attrs: { lang } }, ...(message.kind === 'handoff' ? linkify(message.text) : [message.text])),
    message.examples?.length
      ? h(
          'div',
          { class: 'chips-block' },
          h('p', { class: 'chips-label', attrs: { id: labelId } }, t.examplesLabel),
          h(
            'ul',
            { class: 'chips', attrs: { 'aria-labelledby': labelId } },
            ...message.examples.map((q) =>
              h('li', null, h('button', { class: 'chip chip-example', attrs: { type: 'button', lang }, on: { click: () => ask(q) } }, q)),
            ),
          ),
        )
      : null,
  );
}

/** E-mail addresses, phone numbers and web addresses in contact text become links; the rest stays text. */
const CONTACT = /([\w.+-]+@[\w-]+(?:\.[\w-]+)+)|(https?:\/\/[^\s<>"]+[^\s<>".,;:)])|(\+?\d[\d -]{6,}\d)/g;

function linkify(text: string): (string | HTMLElement)[] {
  const out: (string | HTMLElement)[] = [];
  let last = 0;
  for (const m of text.matchAll(CONTACT)) {
    const [whole, email, url, phone] = m;
    out.push(text.slice(last, m.index));
    const href = email ? `mailto:${email}` : url ? url : `tel:${(phone ?? '').replace(/[\s-]/g, '')}`;
    out.push(h('a', { attrs: url ? { href, target: '_blank', rel: 'noopener' } : { href } }, whole));
    last = (m.index ?? 0) + whole.length;
  }
  out.push(text.slice(last));
  return out.filter((part) => part !== '');
}

/** The options of a clarify reply; the one picked stays marked (aria-pressed) in the conversation. */
function renderChoices(entry: Extract<Entry, { kind: 'clarify' }>, ui: Lang, actions: MessageActions): HTMLElement {
  const block = renderChips(
    entry.options,
    STRINGS[ui].clarifyChoices,
    ui,
    actions.documents,
    (id, label) => {
      for (const button of block.querySelectorAll<HTMLButtonElement>('button.chip')) {
        const chosen = button.dataset.recordId === id;
        button.setAttribute('aria-pressed', String(chosen));
        button.classList.toggle('is-chosen', chosen);
      }
      actions.choose(entry, id, label);
    },
    { chosen: entry.chosen ?? '', className: 'choices' },
  );
  return block;
}

function filterText(filters: Filters, ui: Lang): string {
  return [filters.year !== undefined ? fiscalYearLabel(filters.year, ui) : '', filters.indicator ? indicatorLabel(filters.indicator, ui) : '']
    .filter(Boolean)
    .join(' · ');
}

function renderNoAnswer(entry: Extract<Entry, { kind: 'no-answer' }>, ui: Lang, actions: MessageActions): HTMLElement {
  const t = STRINGS[ui];
  const filters = entry.filters;
  const open = (id: string, label: string) => actions.openRecord(id, label, entry.requested);
  // Small talk and hand-off carry their own reply; the "no answer" notice would contradict it.
  const ownReply = entry.message && entry.message.kind !== 'year-not-covered';
  if (ownReply && entry.message && !filters) {
    return botMessage(
      ui,
      'bot-reply',
      renderBotNote(entry.message, entry.requested, ui, actions.ask),
      entry.suggestions.length ? renderChips(entry.suggestions, t.nearestLabel, ui, actions.documents, open) : null,
    );
  }
  const searchLabel = filters?.year !== undefined && filters.indicator ? t.searchAllYearsIndicators : filters?.year !== undefined ? t.searchAllYears : t.searchAllIndicators;
  return botMessage(
    ui,
    'no-answer',
    entry.message ? renderBotNote(entry.message, entry.requested, ui, actions.ask) : null,
    h(
      'div',
      { class: 'notice' },
      h('p', { class: 'notice-title' }, filters ? t.filteredNoAnswer(filterText(filters, ui)) : t.noAnswer),
      h('p', null, [filters ? t.filteredHint : t.rephraseHint, entry.suggestions.length ? t.nearbyHint : ''].filter(Boolean).join(' ')),
      filters
        ? h(
            'p',
            { class: 'notice-action' },
            h('button', { class: 'primary-button search-all', attrs: { type: 'button' }, on: { click: () => actions.searchWithoutFilters(entry.question) } }, searchLabel),
          )
        : null,
      entry.suggestions.length ? renderChips(entry.suggestions, t.nearestLabel, ui, actions.documents, open) : null,
    ),
  );
}

export function botMessage(ui: Lang, extraClass: string, ...children: (HTMLElement | null)[]): HTMLElement {
  return h('div', { class: `msg msg-bot ${extraClass}`.trim() }, h('span', { class: 'visually-hidden' }, `${STRINGS[ui].bot}: `), ...children);
}

export function renderLoading(ui: Lang): HTMLElement {
  return botMessage(ui, 'msg-loading', h('p', { class: 'loading' }, h('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }), STRINGS[ui].loading));
}

/** Status 0 is "no response" (offline, timeout); a 4xx carries the server's own readable message. */
export function errorText(status: number, message: string, ui: Lang): string {
  const t = STRINGS[ui];
  if (status === 0) return t.errorNetwork;
  if (status === 429) return t.errorRateLimited;
  if (status === 404) return t.errorNotFound;
  if (status >= 400 && status < 500) return `${t.errorRequest}: ${message}`;
  return t.errorServer;
}

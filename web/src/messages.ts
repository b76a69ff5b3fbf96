import type { Answer } from './api.js';
import { h } from './dom.js';
import { STRINGS, type Lang } from './i18n.js';
import { renderCard, renderChips } from './render-answer.js';
import type { Entry } from './state.js';

/** One conversation entry → its DOM. Bot and user turns carry a hidden speaker label for screen readers. */

export interface MessageActions {
  openRecord: (id: string, label: string, requested: Lang) => void;
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
        renderCard(entry.card, { ui, openRecord: open, permalink: true, headingLevel: 'h3', requested: entry.requested }),
        entry.others.length ? renderChips(entry.others, t.othersLabel, ui, open) : null,
      );
    }
    case 'no-answer':
      return renderNoAnswer(entry.suggestions, entry.filtered, ui, (id, label) => actions.openRecord(id, label, entry.requested));
    case 'error':
      return botMessage(ui, 'msg-error', h('p', { class: 'error-text' }, errorText(entry.status, entry.message, ui)));
  }
}

function renderNoAnswer(suggestions: Answer[], filtered: boolean, ui: Lang, open: (id: string, label: string) => void): HTMLElement {
  const t = STRINGS[ui];
  return botMessage(
    ui,
    'no-answer',
    h(
      'div',
      { class: 'notice' },
      h('p', { class: 'notice-title' }, t.noAnswer),
      h('p', null, [t.rephraseHint, filtered ? t.filtersHint : '', suggestions.length ? t.nearbyHint : ''].filter(Boolean).join(' ')),
      suggestions.length ? renderChips(suggestions, t.nearestLabel, ui, open) : null,
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

import { ApiError, getRecord } from './api.js';
import { loadDocuments } from './documents.js';
import { clear, h } from './dom.js';
import { STRINGS, rememberLang, type Lang } from './i18n.js';
import { errorText } from './messages.js';
import { renderNotFound } from './not-found.js';
import { renderCard } from './render-answer.js';
import { applyDocumentLang, renderHeader } from './shell.js';
import { newCard, type AppState, type CardState } from './state.js';

/**
 * `/records/<id>`: one record on its own page, in the interface language (`?lang=en` from LINE
 * links), with the document's full title and its handout to download, and a way back to the chat.
 * A missing record shows the 404 page (the server already answered with status 404).
 */
export function mountRecordPage(root: HTMLElement, state: AppState, id: string): void {
  let card: CardState | undefined;
  let failure: ApiError | undefined;

  const render = () => {
    const t = STRINGS[state.lang];
    const missing = failure?.status === 404;
    applyDocumentLang(state.lang, card ? `${card.answer.question} — ${t.appTitle}` : missing ? `${t.recordNotFoundTitle} — ${t.appTitle}` : t.appTitle);
    clear(root);
    const body = card
      ? renderCard(card, { ui: state.lang, documents: state.documents, permalink: false, headingLevel: 'h2', requested: state.lang, fullSource: true })
      : missing
        ? renderNotFound(state.lang, 'record')
        : failure
          ? h('p', { class: 'msg-error error-text', attrs: { role: 'alert' } }, errorText(failure.status, failure.message, state.lang))
          : h('p', { class: 'loading' }, h('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }), t.loading);
    root.append(
      ...renderHeader(state.lang, switchLang, null),
      h(
        'main',
        { class: 'wrap record-page', attrs: { id: 'main' } },
        missing ? null : h('p', { class: 'back' }, h('a', { attrs: { href: state.lang === 'en' ? '/?lang=en' : '/' } }, h('span', { attrs: { 'aria-hidden': 'true' } }, '← '), t.backToChat)),
        h('div', { class: 'record-body', attrs: { 'aria-live': 'polite', 'aria-busy': String(!card && !failure) } }, body),
      ),
    );
  };

  const load = async () => {
    try {
      const [answer] = await Promise.all([getRecord(id, state.lang), state.documents.size ? undefined : loadDocuments(state).catch(() => undefined)]);
      // Keep feedback already given when only the language changed.
      card = card && card.answer.id === answer.id ? { ...card, answer } : newCard(answer, answer.original.question);
      failure = undefined;
    } catch (error) {
      failure = error instanceof ApiError ? error : new ApiError(0, String(error));
    }
    render();
  };

  const switchLang = (lang: Lang) => {
    state.lang = lang;
    rememberLang(lang);
    // The address carries the language, so a copied link opens as seen.
    const url = new URL(location.href);
    url.searchParams.set('lang', lang);
    history.replaceState(null, '', url);
    render();
    root.querySelector<HTMLButtonElement>(`.lang-button[data-lang="${lang}"]`)?.focus();
    void load().then(() => root.querySelector<HTMLButtonElement>(`.lang-button[data-lang="${lang}"]`)?.focus());
  };

  render();
  void load();
}

/** The record id from a `/records/<id>` path, or undefined for any other page. */
export function recordIdFromLocation(pathname: string): string | undefined {
  const m = /^\/records\/(.+)$/.exec(pathname);
  if (!m?.[1]) return undefined;
  try {
    return decodeURIComponent(m[1]).replace(/\/+$/, '');
  } catch {
    return m[1];
  }
}

/** The 404 page for a path no page has: header, language switch, the way back. */
export function mountNotFoundPage(root: HTMLElement, state: AppState): void {
  const render = () => {
    const t = STRINGS[state.lang];
    applyDocumentLang(state.lang, `${t.notFoundTitle} — ${t.appTitle}`);
    clear(root);
    root.append(
      ...renderHeader(state.lang, switchLang, null),
      h('main', { class: 'wrap record-page', attrs: { id: 'main' } }, renderNotFound(state.lang, 'page')),
    );
  };
  const switchLang = (lang: Lang) => {
    state.lang = lang;
    rememberLang(lang);
    render();
    root.querySelector<HTMLButtonElement>(`.lang-button[data-lang="${lang}"]`)?.focus();
  };
  render();
}

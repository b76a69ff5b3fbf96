import { h } from './dom.js';
import { STRINGS, type Lang } from './i18n.js';

/**
 * The body of the 404 page, for an unknown path and for a record that does not exist (the
 * server sends both with status 404), in the interface language, with the way back to the chat.
 */
export function renderNotFound(lang: Lang, kind: 'page' | 'record'): HTMLElement {
  const t = STRINGS[lang];
  return h(
    'section',
    { class: 'not-found', attrs: { 'aria-labelledby': 'not-found-title' } },
    h('p', { class: 'not-found-code', attrs: { 'aria-hidden': 'true' } }, '404'),
    h('h2', { attrs: { id: 'not-found-title' } }, kind === 'record' ? t.recordNotFoundTitle : t.notFoundTitle),
    h('p', null, kind === 'record' ? t.recordNotFoundText : t.notFoundText),
    h('p', { class: 'not-found-action' }, h('a', { class: 'primary-button', attrs: { href: lang === 'en' ? '/?lang=en' : '/' } }, t.backToChat)),
  );
}

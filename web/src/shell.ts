import { h } from './dom.js';
import { STRINGS, type Lang } from './i18n.js';

/** The page frame shared by the chat and the record page: skip link, header, language switch. */
export function renderHeader(lang: Lang, onLang: (lang: Lang) => void, skipTarget: string | null, options: { compact?: boolean } = {}): HTMLElement[] {
  const t = STRINGS[lang];
  const langButton = (value: Lang, label: string) =>
    h(
      'button',
      {
        class: 'lang-button',
        attrs: { type: 'button', lang: value, 'aria-pressed': String(lang === value), 'data-lang': value },
        on: { click: () => value !== lang && onLang(value) },
      },
      label,
    );
  const header = h(
    'header',
    { class: `site-header${options.compact ? ' is-compact' : ''}` },
    h(
      'div',
      { class: 'wrap header-inner' },
      h(
        'div',
        { class: 'brand' },
        h('span', { class: 'brand-mark', attrs: { 'aria-hidden': 'true' } }, 'ก.พ.ร.'),
        h(
          'div',
          { class: 'brand-text' },
          // Inside the widget's frame the title opens the full page in a new tab instead of reloading the frame.
          h(
            'h1',
            { class: 'brand-title' },
            h('a', { attrs: options.compact ? { href: `/?lang=${lang}`, target: '_blank', rel: 'noopener' } : { href: '/' } }, t.appTitle, options.compact ? h('span', { class: 'visually-hidden' }, ` ${t.openInNewTab}`) : null),
          ),
          options.compact ? null : h('p', { class: 'brand-subtitle' }, t.appSubtitle),
        ),
      ),
      h('div', { class: 'lang-switch', attrs: { role: 'group', 'aria-label': t.langGroup } }, langButton('th', 'ไทย'), langButton('en', 'English')),
    ),
  );
  return skipTarget ? [h('a', { class: 'skip-link', attrs: { href: `#${skipTarget}` } }, t.skipToInput), header] : [header];
}

/** `<html lang>` drives screen-reader voice and Thai line breaking; keep it in step with the interface. */
export function applyDocumentLang(lang: Lang, title: string): void {
  document.documentElement.lang = lang;
  document.title = title;
}

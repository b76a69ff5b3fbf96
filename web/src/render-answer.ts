import { sendFeedback, type Answer } from './api.js';
import { parseAnswerText } from './answer-text.js';
import { h, icon } from './dom.js';
import { citationParts, fiscalYearLabel } from './format.js';
import { STRINGS, indicatorLabel, type Lang } from './i18n.js';
import { contentLangOf, type CardState } from './state.js';

/** The answer card and the suggestion chips. All knowledge text goes in via text nodes (dom.ts). */

export interface CardOptions {
  ui: Lang;
  /** Opens another record in the conversation (chips, "newer answer"). Absent on the record page. */
  openRecord?: (id: string, label: string) => void;
  /** False on the record page, which is the permalink itself. */
  permalink: boolean;
  headingLevel: 'h2' | 'h3';
  /** The language the answer was asked for; English without a translation gets a note. */
  requested: Lang;
}

let nextId = 0;
const uid = (prefix: string) => `${prefix}-${++nextId}`;

export function renderAnswerText(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const block of parseAnswerText(text)) {
    if (block.kind === 'p') fragment.appendChild(h('p', null, block.text));
    else if (block.kind === 'ul') fragment.appendChild(h('ul', null, ...block.items.map((item) => h('li', null, item))));
    else {
      const start = block.items[0]?.n ?? 1;
      // `value` on each item keeps the printed numbers even when the source skips one.
      fragment.appendChild(
        h('ol', { attrs: { start } }, ...block.items.map((item) => h('li', { attrs: { value: item.n } }, item.text))),
      );
    }
  }
  return fragment;
}

export function renderCard(card: CardState, options: CardOptions): HTMLElement {
  const { answer } = card;
  const t = STRINGS[options.ui];
  const contentLang = contentLangOf(answer, options.ui);
  const headingId = uid('q');
  const heading = h(options.headingLevel, { class: 'card-question', attrs: { id: headingId, lang: contentLang } }, answer.question);

  const article = h('article', { class: 'card', attrs: { 'aria-labelledby': headingId, 'data-record-id': answer.id } }, heading);

  if (answer.translated) article.appendChild(h('p', { class: 'translated-note' }, t.translatedNote));
  else if (options.requested === 'en' && contentLang === 'th') article.appendChild(h('p', { class: 'translated-note is-missing' }, t.notTranslated));
  article.appendChild(h('div', { class: 'card-answer prose', attrs: { lang: contentLang } }, renderAnswerText(answer.answer)));

  if (answer.translated) article.appendChild(renderOriginalToggle(card, options.ui));

  if (answer.supersededBy) {
    const newer = answer.supersededBy;
    article.appendChild(
      h(
        'p',
        { class: 'superseded' },
        t.superseded,
        ' ',
        options.openRecord
          ? h('button', { class: 'link-button', attrs: { type: 'button' }, on: { click: () => options.openRecord?.(newer, t.openNewer) } }, t.openNewer)
          : h('a', { attrs: { href: `/records/${newer}` } }, t.openNewer),
      ),
    );
  }

  article.appendChild(renderSource(answer, options.ui));
  article.appendChild(renderActions(card, options));
  return article;
}

function renderOriginalToggle(card: CardState, ui: Lang): DocumentFragment {
  const t = STRINGS[ui];
  const regionId = uid('original');
  const region = h(
    'div',
    { class: 'original prose', attrs: { id: regionId, lang: 'th', hidden: !card.showOriginal } },
    h('p', { class: 'original-heading' }, t.originalHeading),
    h('p', { class: 'original-question' }, card.answer.original.question),
    renderAnswerText(card.answer.original.answer),
  );
  const button = h(
    'button',
    {
      class: 'secondary-button',
      attrs: { type: 'button', 'aria-expanded': String(card.showOriginal), 'aria-controls': regionId },
      on: {
        click: () => {
          card.showOriginal = !card.showOriginal;
          region.hidden = !card.showOriginal;
          button.setAttribute('aria-expanded', String(card.showOriginal));
          button.textContent = card.showOriginal ? t.hideOriginal : t.showOriginal;
        },
      },
    },
    card.showOriginal ? t.hideOriginal : t.showOriginal,
  );
  const fragment = document.createDocumentFragment();
  fragment.append(button, region);
  return fragment;
}

function renderSource(answer: Answer, ui: Lang): HTMLElement {
  const t = STRINGS[ui];
  const c = citationParts(answer, ui);
  const tags = [
    ...answer.tags.years.map((y) => fiscalYearLabel(y, ui)),
    ...answer.tags.indicators.map((i) => indicatorLabel(i, ui)),
  ];
  return h(
    'footer',
    { class: 'card-source' },
    h('p', { class: 'source-title' }, h('span', { class: 'source-label' }, `${t.source}: `), answer.source.title),
    h(
      'p',
      { class: 'citation' },
      h('span', { class: 'citation-number' }, c.number),
      ' · ',
      h('span', { class: 'citation-section' }, c.section),
      ' · ',
      h('span', { class: 'nowrap' }, h('time', { attrs: { datetime: c.iso } }, c.date), ` (${c.iso})`),
    ),
    tags.length ? h('ul', { class: 'tags', attrs: { 'aria-label': t.tagsLabel } }, ...tags.map((tag) => h('li', { class: 'tag' }, tag))) : null,
  );
}

function renderActions(card: CardState, options: CardOptions): HTMLElement {
  const t = STRINGS[options.ui];
  const feedbackSlot = h('div', { class: 'feedback' });
  const paint = (focusStatus: boolean) => {
    const fresh = renderFeedback(card, options.ui, paint);
    feedbackSlot.replaceChildren(fresh);
    // The clicked button is now disabled and would drop focus to <body>; keep it on the outcome instead.
    if (focusStatus) fresh.querySelector<HTMLElement>('.feedback-status')?.focus();
  };
  paint(false);
  return h(
    'div',
    { class: 'card-actions' },
    feedbackSlot,
    options.permalink
      ? h('a', { class: 'permalink', attrs: { href: `/records/${card.answer.id}` } }, icon('link'), h('span', null, t.permalink))
      : null,
  );
}

function renderFeedback(card: CardState, ui: Lang, repaint: (focusStatus: boolean) => void): HTMLElement {
  const t = STRINGS[ui];
  const state = card.feedback;
  const done = state.status === 'sent' || state.status === 'sending';
  const send = async (helpful: boolean) => {
    card.feedback = { status: 'sending', helpful };
    repaint(true);
    try {
      await sendFeedback(card.answer.id, card.askedQuestion, helpful);
      card.feedback = { status: 'sent', helpful };
    } catch {
      card.feedback = { status: 'failed', helpful };
    }
    repaint(true);
  };
  const button = (helpful: boolean) =>
    h(
      'button',
      {
        class: `feedback-button ${helpful ? 'is-up' : 'is-down'}`,
        attrs: {
          type: 'button',
          'aria-pressed': String('helpful' in state && state.helpful === helpful && state.status !== 'failed'),
          disabled: done,
          'aria-label': helpful ? t.helpful : t.notHelpful,
          title: helpful ? t.helpful : t.notHelpful,
        },
        on: { click: () => void send(helpful) },
      },
      icon(helpful ? 'thumb-up' : 'thumb-down'),
    );
  const status =
    state.status === 'sent' ? t.feedbackThanks : state.status === 'failed' ? t.feedbackFailed : state.status === 'sending' ? t.feedbackSending : '';
  const groupLabel = uid('fb');
  return h(
    'div',
    { class: 'feedback-inner', attrs: { role: 'group', 'aria-labelledby': groupLabel } },
    h('span', { class: 'feedback-question', attrs: { id: groupLabel } }, t.helpfulQuestion),
    button(true),
    button(false),
    h('span', { class: `feedback-status is-${state.status}`, attrs: { role: 'status', tabindex: -1 } }, status),
  );
}

/** Suggestion chips: each opens its record in the conversation. */
export function renderChips(answers: Answer[], label: string, ui: Lang, open: (id: string, label: string) => void): HTMLElement {
  const labelId = uid('chips');
  return h(
    'div',
    { class: 'chips-block' },
    h('p', { class: 'chips-label', attrs: { id: labelId } }, label),
    h(
      'ul',
      { class: 'chips', attrs: { 'aria-labelledby': labelId } },
      ...answers.map((a) => {
        const c = citationParts(a, ui);
        return h(
          'li',
          null,
          h(
            'button',
            { class: 'chip', attrs: { type: 'button', 'data-record-id': a.id }, on: { click: () => open(a.id, a.question) } },
            h('span', { class: 'chip-question', attrs: { lang: contentLangOf(a, ui) } }, a.question),
            h('span', { class: 'chip-meta' }, [c.number, c.section, fiscalYears(a, ui)].filter(Boolean).join(' · ')),
          ),
        );
      }),
    ),
  );
}

function fiscalYears(answer: Answer, ui: Lang): string {
  return answer.tags.years.map((y) => fiscalYearLabel(y, ui)).join(', ');
}

import type { Answer, DocumentSummary } from './api.js';
import { parseAnswerText } from './answer-text.js';
import { h, icon } from './dom.js';
import { renderFeedbackArea } from './feedback.js';
import { fiscalYearLabel, sourceView } from './format.js';
import { STRINGS, indicatorLabel, type Lang } from './i18n.js';
import { contentLangOf, type CardState } from './state.js';

/** The answer card and the suggestion chips. All knowledge text goes in via text nodes (dom.ts). */

export interface CardOptions {
  ui: Lang;
  documents: ReadonlyMap<string, DocumentSummary>;
  /** Opens another record in the conversation (chips, "newer answer"). Absent on the record page. */
  openRecord?: (id: string, label: string) => void;
  /** False on the record page, which is the permalink itself. */
  permalink: boolean;
  headingLevel: 'h2' | 'h3';
  /** The language the answer was asked for; English without a translation gets a note. */
  requested: Lang;
  /** The record page: the full title and the handout download in the source, not a toggle. */
  fullSource?: boolean;
  /** Inside the widget's frame: page links open a new tab instead of navigating the frame. */
  newTab?: boolean;
  /** Called when the card's state changes (feedback, toggles), so the conversation can be saved. */
  onChange?: () => void;
}

/** Longer questions are clamped to three lines on a phone, with a button to show the rest. */
const LONG_QUESTION = 110;

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

/** Link attributes for a page of ours: a new tab from inside the widget's frame. */
export function pageLink(href: string, newTab: boolean | undefined): Record<string, string> {
  return newTab ? { href, target: '_blank', rel: 'noopener' } : { href };
}

export function renderCard(card: CardState, options: CardOptions): HTMLElement {
  const { answer } = card;
  const t = STRINGS[options.ui];
  const contentLang = contentLangOf(answer, options.ui);
  const headingId = uid('q');
  const long = [...answer.question].length > LONG_QUESTION;
  const heading = h(
    options.headingLevel,
    { class: `card-question${long ? ' is-long' : ''}${card.showWholeQuestion ? ' is-expanded' : ''}`, attrs: { id: headingId, lang: contentLang } },
    answer.question,
  );

  const article = h('article', { class: 'card', attrs: { 'aria-labelledby': headingId, 'data-record-id': answer.id } }, heading);
  if (long) article.appendChild(renderQuestionToggle(card, heading, options));

  // An answer in the other language says so in the interface language.
  if (answer.translated) article.appendChild(h('p', { class: 'translated-note' }, t.translatedNote));
  else if (contentLang !== options.ui) article.appendChild(h('p', { class: 'translated-note is-missing' }, t.notTranslated));
  article.appendChild(h('div', { class: 'card-answer prose', attrs: { lang: contentLang } }, renderAnswerText(answer.answer)));

  if (answer.translated) article.appendChild(renderOriginalToggle(card, options));

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
          : h('a', { attrs: pageLink(`/records/${newer}${options.ui === 'en' ? '?lang=en' : ''}`, options.newTab) }, t.openNewer),
      ),
    );
  }

  article.appendChild(renderSource(card, options));
  article.appendChild(renderActions(card, options));
  return article;
}

function renderQuestionToggle(card: CardState, heading: HTMLElement, options: CardOptions): HTMLElement {
  const t = STRINGS[options.ui];
  const button = h(
    'button',
    {
      class: 'text-button question-toggle',
      attrs: { type: 'button', 'aria-expanded': String(Boolean(card.showWholeQuestion)), 'aria-controls': heading.id },
      on: {
        click: () => {
          card.showWholeQuestion = !card.showWholeQuestion;
          heading.classList.toggle('is-expanded', card.showWholeQuestion);
          button.setAttribute('aria-expanded', String(card.showWholeQuestion));
          button.textContent = card.showWholeQuestion ? t.showLessQuestion : t.showWholeQuestion;
          options.onChange?.();
        },
      },
    },
    card.showWholeQuestion ? t.showLessQuestion : t.showWholeQuestion,
  );
  return button;
}

function renderOriginalToggle(card: CardState, options: CardOptions): DocumentFragment {
  const t = STRINGS[options.ui];
  const regionId = uid('original');
  const region = h(
    'div',
    { class: 'original prose', attrs: { id: regionId, lang: 'th', hidden: !card.showOriginal } },
    h('p', { class: 'original-heading', attrs: { lang: options.ui } }, t.originalHeading),
    h('p', { class: 'original-question' }, card.answer.original.question),
    renderAnswerText(card.answer.original.answer),
  );
  const button = h(
    'button',
    {
      class: 'secondary-button original-toggle',
      attrs: { type: 'button', 'aria-expanded': String(card.showOriginal), 'aria-controls': regionId },
      on: {
        click: () => {
          card.showOriginal = !card.showOriginal;
          region.hidden = !card.showOriginal;
          button.setAttribute('aria-expanded', String(card.showOriginal));
          button.textContent = card.showOriginal ? t.hideOriginal : t.showOriginal;
          options.onChange?.();
        },
      },
    },
    card.showOriginal ? t.hideOriginal : t.showOriginal,
  );
  const fragment = document.createDocumentFragment();
  fragment.append(button, region);
  return fragment;
}

/**
 * "Source: <short name> · Q14 · <section> · <date>", all in the interface language. The short
 * name shows the full title on hover (title) and, as a button, expands it under the line; the
 * record page shows the full title and the handout download instead.
 */
function renderSource(card: CardState, options: CardOptions): HTMLElement {
  const { answer } = card;
  const t = STRINGS[options.ui];
  const v = sourceView(answer, options.ui, options.documents);
  const tags = [...answer.tags.years.map((y) => fiscalYearLabel(y, options.ui)), ...answer.tags.indicators.map((i) => indicatorLabel(i, options.ui))];
  const line = (documentPart: HTMLElement) =>
    h(
      'p',
      { class: 'citation' },
      h('span', { class: 'source-label' }, `${t.source}: `),
      documentPart,
      ' · ',
      h('span', { class: 'citation-number' }, v.number),
      ' · ',
      h('span', { class: 'citation-section' }, v.section),
      ' · ',
      h('time', { class: 'nowrap', attrs: { datetime: v.iso } }, v.date),
    );
  const tagList = tags.length
    ? h('ul', { class: 'tags', attrs: { 'aria-label': t.tagsLabel } }, ...tags.map((tag) => h('li', { class: 'tag' }, tag)))
    : null;

  if (options.fullSource) {
    return h(
      'footer',
      { class: 'card-source is-full' },
      line(h('span', { class: 'source-doc', attrs: { lang: v.nameLang } }, v.shortName)),
      h('p', { class: 'source-full' }, h('span', { class: 'source-label' }, `${t.fullTitleLabel}: `), h('span', { attrs: { lang: v.nameLang } }, v.fullTitle)),
      v.file
        ? h(
            'p',
            { class: 'source-download' },
            h('a', { attrs: { href: v.file.url, download: v.file.name } }, icon('download'), h('span', null, t.downloadSource)),
            ` (${t.fileKind(v.file.ext)})`,
          )
        : null,
      tagList,
    );
  }

  const fullId = uid('title');
  const full = h('p', { class: 'source-full', attrs: { id: fullId, hidden: !card.showFullTitle, lang: v.nameLang } }, v.fullTitle);
  const toggle = h(
    'button',
    {
      class: 'source-doc text-button',
      attrs: { type: 'button', title: v.fullTitle, lang: v.nameLang, 'aria-expanded': String(Boolean(card.showFullTitle)), 'aria-controls': fullId },
      on: {
        click: () => {
          card.showFullTitle = !card.showFullTitle;
          full.hidden = !card.showFullTitle;
          toggle.setAttribute('aria-expanded', String(card.showFullTitle));
          options.onChange?.();
        },
      },
    },
    v.shortName,
  );
  return h('footer', { class: 'card-source' }, line(toggle), full, tagList);
}

function renderActions(card: CardState, options: CardOptions): HTMLElement {
  const t = STRINGS[options.ui];
  const href = `/records/${card.answer.id}${options.ui === 'en' ? '?lang=en' : ''}`;
  return h(
    'div',
    { class: 'card-actions' },
    renderFeedbackArea(card, { ui: options.ui, onChange: options.onChange }),
    options.permalink
      ? h(
          'a',
          { class: 'permalink', attrs: pageLink(href, options.newTab) },
          icon('link'),
          h('span', null, t.permalink),
          options.newTab ? h('span', { class: 'visually-hidden' }, ` ${t.openInNewTab}`) : null,
        )
      : null,
  );
}

/** Suggestion chips: each opens its record in the conversation. */
export function renderChips(
  answers: Answer[],
  label: string,
  ui: Lang,
  documents: ReadonlyMap<string, DocumentSummary>,
  open: (id: string, label: string) => void,
  options: { chosen?: string; className?: string } = {},
): HTMLElement {
  const labelId = uid('chips');
  return h(
    'div',
    { class: `chips-block ${options.className ?? ''}`.trim() },
    h('p', { class: 'chips-label', attrs: { id: labelId } }, label),
    h(
      'ul',
      { class: 'chips', attrs: { 'aria-labelledby': labelId } },
      ...answers.map((a) => {
        const v = sourceView(a, ui, documents);
        const chosen = options.chosen === a.id;
        return h(
          'li',
          null,
          h(
            'button',
            {
              class: `chip${chosen ? ' is-chosen' : ''}`,
              attrs: { type: 'button', 'data-record-id': a.id, ...(options.chosen !== undefined ? { 'aria-pressed': String(chosen) } : {}) },
              on: { click: () => open(a.id, a.question) },
            },
            h('span', { class: 'chip-question', attrs: { lang: contentLangOf(a, ui) } }, a.question),
            h('span', { class: 'chip-meta' }, [v.shortName, v.number, v.section, fiscalYears(a, ui)].filter(Boolean).join(' · ')),
          ),
        );
      }),
    ),
  );
}

function fiscalYears(answer: Answer, ui: Lang): string {
  return answer.tags.years.map((y) => fiscalYearLabel(y, ui)).join(', ');
}

import { sendFeedback, type FeedbackReason } from './api.js';
import { h, icon } from './dom.js';
import { STRINGS, type Lang } from './i18n.js';
import type { CardState } from './state.js';

/**
 * 👍 sends at once; 👎 first opens a short choice (wrong / out of date / unclear / other) with an
 * optional comment, then sends both with the feedback. Keyboard: the form takes focus on its
 * first choice, Escape cancels back to 👎, and after sending focus rests on the outcome.
 */

export const COMMENT_MAX = 500;
const REASONS: FeedbackReason[] = ['wrong', 'outdated', 'unclear', 'other'];

let nextId = 0;
const uid = (prefix: string) => `${prefix}-${++nextId}`;

export interface FeedbackOptions {
  ui: Lang;
  /** Called after every change, so the conversation can be saved. */
  onChange?: () => void;
}

/** The feedback area of a card; repaints itself in place as the state changes. */
export function renderFeedbackArea(card: CardState, options: FeedbackOptions): HTMLElement {
  const slot = h('div', { class: 'feedback' });
  const paint = (focus: 'status' | 'form' | 'down' | null) => {
    slot.replaceChildren(renderFeedback(card, options.ui, (f) => {
      options.onChange?.();
      paint(f);
    }));
    // The pressed button may now be disabled or gone, which would drop focus to <body>.
    if (focus === 'status') slot.querySelector<HTMLElement>('.feedback-status')?.focus();
    if (focus === 'form') slot.querySelector<HTMLElement>('.feedback-form input:checked, .feedback-form input')?.focus();
    if (focus === 'down') slot.querySelector<HTMLElement>('.feedback-button.is-down')?.focus();
  };
  paint(null);
  return slot;
}

type Repaint = (focus: 'status' | 'form' | 'down' | null) => void;

function renderFeedback(card: CardState, ui: Lang, repaint: Repaint): HTMLElement {
  const t = STRINGS[ui];
  const state = card.feedback;
  const done = state.status === 'sent' || state.status === 'sending';

  const send = async (helpful: boolean, reason?: FeedbackReason, comment?: string) => {
    card.feedback = { status: 'sending', helpful, reason };
    repaint('status');
    try {
      await sendFeedback(card.answer.id, card.askedQuestion, helpful, { reason, comment });
      card.feedback = { status: 'sent', helpful, reason };
    } catch {
      card.feedback = { status: 'failed', helpful, reason, comment };
    }
    repaint('status');
  };

  const pressed = (helpful: boolean) =>
    state.status === 'choosing' ? !helpful : 'helpful' in state && state.helpful === helpful && state.status !== 'failed';
  const button = (helpful: boolean) =>
    h(
      'button',
      {
        class: `feedback-button ${helpful ? 'is-up' : 'is-down'}`,
        attrs: {
          type: 'button',
          'aria-pressed': String(pressed(helpful)),
          disabled: done,
          'aria-label': helpful ? t.helpful : t.notHelpful,
          title: helpful ? t.helpful : t.notHelpful,
          ...(helpful ? {} : { 'aria-expanded': String(state.status === 'choosing') }),
        },
        on: {
          click: () => {
            if (helpful) return void send(true);
            if (state.status === 'choosing') {
              card.feedback = { status: 'idle' };
              return repaint('down');
            }
            const previous = state.status === 'failed' && !state.helpful ? state : undefined;
            card.feedback = { status: 'choosing', reason: previous?.reason, comment: previous?.comment ?? '' };
            repaint('form');
          },
        },
      },
      icon(helpful ? 'thumb-up' : 'thumb-down'),
    );

  const statusText =
    state.status === 'sent' ? t.feedbackThanks : state.status === 'failed' ? t.feedbackFailed : state.status === 'sending' ? t.feedbackSending : '';
  const groupLabel = uid('fb');
  const group = h(
    'div',
    { class: 'feedback-inner', attrs: { role: 'group', 'aria-labelledby': groupLabel } },
    h('span', { class: 'feedback-question', attrs: { id: groupLabel } }, t.helpfulQuestion),
    button(true),
    button(false),
    h('span', { class: `feedback-status is-${state.status}`, attrs: { role: 'status', tabindex: -1 } }, statusText),
  );
  if (state.status !== 'choosing') return group;

  return h('div', { class: 'feedback-stack' }, group, renderReasonForm(card, state, ui, repaint, (reason, comment) => void send(false, reason, comment)));
}

function renderReasonForm(
  card: CardState,
  state: Extract<CardState['feedback'], { status: 'choosing' }>,
  ui: Lang,
  repaint: Repaint,
  submit: (reason: FeedbackReason, comment: string) => void,
): HTMLElement {
  const t = STRINGS[ui];
  const labels: Record<FeedbackReason, string> = { wrong: t.reasonWrong, outdated: t.reasonOutdated, unclear: t.reasonUnclear, other: t.reasonOther };
  const name = uid('reason');
  const commentId = uid('comment');
  const countId = uid('count');
  const errorId = uid('reason-error');

  const count = h('span', { class: 'feedback-count', attrs: { id: countId } }, t.feedbackCommentCount([...state.comment].length, COMMENT_MAX));
  const comment = h('textarea', {
    class: 'feedback-comment',
    attrs: { id: commentId, rows: 2, maxlength: COMMENT_MAX, 'aria-describedby': countId },
    on: {
      input: () => {
        state.comment = comment.value;
        count.textContent = t.feedbackCommentCount([...comment.value].length, COMMENT_MAX);
      },
    },
  });
  comment.value = state.comment;
  const error = h('p', { class: 'input-error', attrs: { id: errorId, role: 'alert' } }, state.error ? t.feedbackChooseReason : '');

  const cancel = () => {
    card.feedback = { status: 'idle' };
    repaint('down');
  };

  return h(
    'form',
    {
      class: 'feedback-form',
      attrs: { novalidate: true, 'aria-label': t.feedbackWhy },
      on: {
        submit: (event) => {
          event.preventDefault();
          if (!state.reason) {
            state.error = true;
            error.textContent = t.feedbackChooseReason;
            return;
          }
          submit(state.reason, state.comment);
        },
        keydown: (event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            cancel();
          }
        },
      },
    },
    h(
      'fieldset',
      { class: 'feedback-reasons', attrs: { 'aria-describedby': errorId } },
      h('legend', null, t.feedbackWhy),
      ...REASONS.map((reason) =>
        h(
          'label',
          { class: 'feedback-reason' },
          h('input', {
            attrs: { type: 'radio', name, value: reason, checked: state.reason === reason },
            on: {
              change: () => {
                state.reason = reason;
                state.error = false;
                error.textContent = '';
              },
            },
          }),
          h('span', null, labels[reason]),
        ),
      ),
    ),
    error,
    h('label', { class: 'feedback-comment-label', attrs: { for: commentId } }, t.feedbackComment),
    comment,
    count,
    h(
      'div',
      { class: 'feedback-form-actions' },
      h('button', { class: 'primary-button', attrs: { type: 'submit' } }, t.feedbackSend),
      h('button', { class: 'secondary-button', attrs: { type: 'button' }, on: { click: cancel } }, t.cancel),
    ),
  );
}

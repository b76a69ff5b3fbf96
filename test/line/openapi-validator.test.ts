import { describe, expect, it } from 'vitest';
import { lineRequestProblems } from '../support/line-openapi.js';

// The validator is what the acceptance rests on, so it must reject what LINE rejects.
const text = (extra: object = {}) => ({ type: 'text', text: 'hi', ...extra });
const reply = (...messages: object[]) => ({ replyToken: 'r', messages });
const bubble = (contents: object[]) => ({ type: 'flex', altText: 'alt', contents: { type: 'bubble', body: { type: 'box', layout: 'vertical', contents } } });

describe('LINE OpenAPI validation used by the fake LINE server', () => {
  it('accepts a text message and a Flex bubble with a button', () => {
    expect(lineRequestProblems('/v2/bot/message/reply', reply(text(), bubble([{ type: 'text', text: 'x', wrap: true }, { type: 'button', action: { type: 'uri', label: 'open', uri: 'https://a.example/b' } }])))).toEqual([]);
  });

  it.each([
    ['no messages', reply()],
    ['six messages', reply(text(), text(), text(), text(), text(), text())],
    ['a misspelt Flex property', reply(bubble([{ type: 'text', text: 'x', wrapp: true }]))],
    ['an unknown action type', reply(bubble([{ type: 'button', action: { type: 'link', label: 'x', uri: 'https://a.example' } }]))],
    ['a box without layout', reply(bubble([{ type: 'box', contents: [] }]))],
    ['an unknown message type', reply({ type: 'card', text: 'x' })],
    ['a relative uri', reply(bubble([{ type: 'button', action: { type: 'uri', label: 'x', uri: '/records/1' } }]))],
    ['a label of 21 graphemes', reply(text({ quickReply: { items: [{ type: 'action', action: { type: 'message', label: 'ก'.repeat(21), text: 'x' } }] } }))],
    ['14 quick replies', reply(text({ quickReply: { items: Array.from({ length: 14 }, (_, i) => ({ type: 'action', action: { type: 'message', label: `q${i}`, text: 'x' } })) } }))],
    ['the same label twice', reply(text({ quickReply: { items: [1, 2].map(() => ({ type: 'action', action: { type: 'message', label: 'same', text: 'x' } })) } }))],
    ['postback data over 300', reply(text({ quickReply: { items: [{ type: 'action', action: { type: 'postback', label: 'x', data: 'd'.repeat(301) } }] } }))],
    ['text over 5,000 units', reply(text({ text: 'x'.repeat(5001) }))],
    ['altText over 1,500', reply({ ...bubble([{ type: 'text', text: 'x' }]), altText: 'a'.repeat(1501) })],
  ])('rejects %s', (_name, body) => {
    expect(lineRequestProblems('/v2/bot/message/reply', body).length).toBeGreaterThan(0);
  });

  it('checks push bodies and the loading indicator request', () => {
    expect(lineRequestProblems('/v2/bot/message/push', { to: 'U1', messages: [text()] })).toEqual([]);
    expect(lineRequestProblems('/v2/bot/message/push', { messages: [text()] }).length).toBeGreaterThan(0);
    expect(lineRequestProblems('/v2/bot/chat/loading/start', { chatId: 'U1', loadingSeconds: 20 })).toEqual([]);
    expect(lineRequestProblems('/v2/bot/chat/loading/start', { chatId: 'U1', loadingSeconds: 90 }).length).toBeGreaterThan(0);
  });
});

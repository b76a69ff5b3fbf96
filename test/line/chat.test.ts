import { describe, expect, it } from 'vitest';
import { chatOf, contentKey, mentionsBot, withoutSelfMentions } from '../../server/line/chat.js';
import { stripControl } from '../../server/line/text.js';
import { groupTextEvent, textEvent } from '../support/line-events.js';

describe('chatOf', () => {
  it('tells one-to-one chats, groups and rooms apart', () => {
    expect(chatOf({ type: 'user', userId: 'U1' })).toEqual({ kind: 'user', id: 'U1', userId: 'U1' });
    expect(chatOf({ type: 'group', groupId: 'C1', userId: 'U1' })).toEqual({ kind: 'group', id: 'C1', userId: 'U1' });
    expect(chatOf({ type: 'room', roomId: 'R1' })).toEqual({ kind: 'room', id: 'R1', userId: undefined });
    expect(chatOf({ type: 'group' })).toBeUndefined();
  });
});

describe('mentions', () => {
  it('finds a mention of the bot and removes it from the question', () => {
    const event = groupTextEvent('PMQA ส่งเมื่อไร', { mentionBot: true });
    expect(mentionsBot(event as never)).toBe(true);
    expect(withoutSelfMentions(event as never).trim()).toBe('PMQA ส่งเมื่อไร');
  });

  it('does not count a mention of someone else', () => {
    const event = groupTextEvent('@Somchai PMQA ส่งเมื่อไร');
    (event.message as any).mention = { mentionees: [{ index: 0, length: 8, type: 'user', userId: 'U2' }] };
    expect(mentionsBot(event as never)).toBe(false);
  });
});

describe('contentKey', () => {
  it('is the same for a redelivery with a new reply token and differs for another message', () => {
    const a = textEvent('PMQA ส่งเมื่อไร', { webhookEventId: undefined });
    const again = { ...a, replyToken: 'another', deliveryContext: { isRedelivery: true } };
    expect(contentKey(again as never)).toBe(contentKey(a as never));
    expect(contentKey({ ...a, message: { ...a.message, text: 'other' } } as never)).not.toBe(contentKey(a as never));
  });
});

describe('stripControl', () => {
  it('removes control and bidi characters and keeps Thai, emoji and joiners', () => {
    expect(stripControl('\u0000PMQA\u0007 ส่ง\u202Eเมื่อไร\r\n👍🏽\u200D')).toBe('PMQA ส่งเมื่อไร 👍🏽\u200D');
  });
});

import { describe, expect, it } from 'vitest';
import { encodePostback, parsePostback, type Postback } from '../../server/line/postback.js';

describe('postback data', () => {
  it.each<Postback>([
    { action: 'open', recordId: 'fy2565-potential-base/e-service/14', lang: 'th' },
    { action: 'open', recordId: 'fy2565-potential-base/e-service/14', lang: 'en', choice: true },
    { action: 'feedback', recordId: 'a/b/1', lang: 'th', helpful: false },
    { action: 'reason', recordId: 'a/b/1', lang: 'en', reason: 'outdated' },
    { action: 'notify', lang: 'th', hash: '0123456789abcdef' },
  ])('round-trips %o within 300 characters', (p) => {
    const data = encodePostback(p);
    expect(data.length).toBeLessThanOrEqual(300);
    expect(parsePostback(data)).toEqual(p);
  });

  it('stays within 300 characters for the longest record id the schema allows', () => {
    expect(encodePostback({ action: 'reason', recordId: 'x'.repeat(200), lang: 'th', reason: 'unclear' }).length).toBeLessThanOrEqual(300);
  });

  it.each(['', 'a=open', 'a=fb&r=a%2Fb%2F1&l=th&v=maybe', 'a=why&r=a&l=th&w=spam', 'a=notify&l=th&h=XYZ', '{"a":"open"}', 'a=delete&r=x'])('rejects %s', (data) => {
    expect(parsePostback(data)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { defaultConversationLexicon } from '../../server/conversation/lexicon.js';
import { compileLexicon, prepareTurn } from '../../server/conversation/markers.js';
import { turnIntent } from '../../server/conversation/small-talk.js';

const lexicon = compileLexicon(defaultConversationLexicon());
const intent = (text: string) => turnIntent(prepareTurn(text), lexicon);

describe('turnIntent', () => {
  it.each([
    ['สวัสดีครับ', 'greeting'],
    ['หวัดดีจ้า', 'greeting'],
    ['สวัสดี ค่ะ', 'greeting'],
    ['Hello!', 'greeting'],
    ['hi there', 'greeting'],
    ['Good morning', 'greeting'],
    ['ขอบคุณครับ', 'thanks'],
    ['ขอบคุณมากๆ ค่ะ', 'thanks'],
    ['สวัสดีครับ ขอบคุณครับ', 'thanks'],
    ['Thanks a lot!', 'thanks'],
    ['thank you', 'thanks'],
    ['คุณคือใคร', 'identity'],
    ['เป็นบอทไหมครับ', 'identity'],
    ['Who are you?', 'identity'],
  ])('reads %s as %s', (text, kind) => {
    expect(intent(text)).toEqual({ smallTalk: kind });
  });

  it.each([
    ['สวัสดีครับ e-service ต้องเป็นงานบริการใหม่ไหม'],
    ['hi, when is template 3 due?'],
    ['ขอบคุณค่ะ แล้ว PMQA ล่ะ'],
    ['this service'],
    ['ทำอะไรได้บ้างใน e-service'],
    ['คะแนนเท่าไหร่'],
  ])('does not read the question %s as small talk', (text) => {
    expect(intent(text).smallTalk).toBeUndefined();
  });

  it.each([
    ['ขอคุยกับเจ้าหน้าที่'],
    ['ขอคุย กับ เจ้าหน้าที่ หน่อยครับ'],
    ['ขอเบอร์โทรหน่อยครับ'],
    ['ขออีเมลเจ้าหน้าที่'],
    ['ติดต่อ'],
    ['I want to talk to a person'],
    ['What is your email?'],
    ['phone number please'],
    ['contact'],
  ])('reads %s as a request for a person', (text) => {
    expect(intent(text)).toEqual({ handoff: 'request' });
  });

  it.each([
    ['ต้องติดต่อ สสช. เพื่อขอติดตั้งระบบบัญชีข้อมูลไหม'],
    ['ถ้าระบบยังไม่มีผู้ใช้ ต้องติดต่อเจ้าหน้าที่ ก.พ.ร. เพื่อทดสอบระบบไหม'],
    ['ต้องส่งตัวชี้วัดทางอีเมลถึง ก.พ.ร. ไหม'],
    ['Do we email the indicator files to the OPDC central address?'],
  ])('reads the question %s as a mention, not a request', (text) => {
    expect(intent(text)).toEqual({ handoff: 'mention' });
  });

  it('finds nothing in a plain question', () => {
    expect(intent('Template 3 ต้องใส่ข้อมูลอะไรบ้าง')).toEqual({});
  });
});

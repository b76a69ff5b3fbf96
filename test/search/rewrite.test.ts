import { describe, expect, it } from 'vitest';
import { FORMAL } from '../../server/search/register.js';
import { createRegisterRewriter } from '../../server/search/rewrite.js';
import { segment } from '../../server/search/segment.js';
import { normalize } from '../../server/search/normalize.js';
import { isContentToken } from '../../server/search/terms.js';

const toFormal = createRegisterRewriter(segment);
const tokens = (text: string) => segment(normalize(text)).filter(isContentToken);

describe('register rewriting', () => {
  it.each([
    // keys the segmenter splits still match, and come out cut like the formal word in a record
    ['เอกสารเยอะไหม', 'มาก'],
    ['ต้องรู้อะไร', 'ทราบ'],
    ['งบเท่าไร', 'งบประมาณ'],
  ])('rewrites "%s" to the tokens of %s', (question, formal) => {
    const rewritten = toFormal(tokens(question)).join('|');
    expect(rewritten).toContain(tokens(formal).join('|'));
  });

  it('gives a colloquial question the same tokens as the formal text', () => {
    expect(toFormal(tokens('ต้องแก้กี่ภารกิจ'))).toEqual(toFormal(tokens('ต้องแก้ไขกี่ภารกิจ')));
  });

  it('leaves text without colloquial words unchanged', () => {
    const formal = tokens('หน่วยงานต้องจัดส่งภายในเดือนตุลาคม');
    expect(toFormal(formal)).toEqual(formal);
  });

  it('rewrites every key of the register map', () => {
    for (const [colloquial, word] of FORMAL) {
      expect(toFormal(tokens(colloquial)), colloquial).toEqual(tokens(word));
    }
  });
});

import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../server/kb/html-to-text.js';

describe('htmlToText', () => {
  it.each([
    ['keeps plain text, collapsing spaces', 'ระบบ  e - SAR   ให้ทราบ', 'ระบบ e - SAR ให้ทราบ'],
    ['separates paragraphs with a blank line', '<p>ข้อแรก</p> <p>ข้อสอง</p>', 'ข้อแรก\n\nข้อสอง'],
    ['drops attributes and inline tags', '<p class="x">ตัว<b>หนา</b> <span style="a:b">ปกติ</span></p>', 'ตัวหนา ปกติ'],
    ['turns <ul><li> into bullets', '<ul><li>หนึ่ง</li><li>สอง</li></ul>', '• หนึ่ง\n• สอง'],
    ['numbers <ol><li> items', '<ol><li>หนึ่ง</li><li>สอง</li></ol>', '1. หนึ่ง\n2. สอง'],
    ['keeps printed numbers in <li>', '<ol><li>3. สาม</li></ol>', '3. สาม'],
    ['turns ● bullets into items', 'ดังนี้ ● ก ● ข', 'ดังนี้\n\n• ก\n• ข'],
    [
      'merges an unclosed <ul> continued by another <ul>',
      '<p>ดังนี้</p> <ul style="list-style-type: none"> ● Template 1 ภายในเดือนธันวาคม 2564 <ul style="list-style-type: none"> ● Template 2 ภายในเดือนเมษายน 2565',
      'ดังนี้\n\n• Template 1 ภายในเดือนธันวาคม 2564\n• Template 2 ภายในเดือนเมษายน 2565',
    ],
    ['splits a flattened numbered list', 'ดังนี้ <ol style="list-style-type: none"> 1. ส่งหนังสือ 2. บันทึกระบบ', 'ดังนี้\n\n1. ส่งหนังสือ\n2. บันทึกระบบ'],
    ['does not split numbers out of sequence', '<ol> 1. ส่ง 4.0 ฉบับ 3. ไม่ใช่</ol>', '1. ส่ง 4.0 ฉบับ 3. ไม่ใช่'],
    ['leaves inline numbers in a paragraph', 'ได้แก่ 1) ตัวชี้วัด 2) ตัวชี้วัด', 'ได้แก่ 1) ตัวชี้วัด 2) ตัวชี้วัด'],
    ['ends a list when a paragraph follows', '<ul><li>ก</li></ul><p>ต่อ</p>', '• ก\n\nต่อ'],
    ['decodes entities', 'A &amp; B &lt;ok&gt; &#3585;', 'A & B <ok> ก'],
    ['ignores empty paragraphs and items', '<p> </p><ul><li></li></ul>ข้อความ', 'ข้อความ'],
  ])('%s', (_name, html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});

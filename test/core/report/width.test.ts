import { describe, expect, it } from 'vitest';
import { codePointWidth, displayWidth, padEndDisplay } from '../../../main/core/report/width';

describe('display width', () => {
  it('counts full-width and wide characters as 2 columns, ASCII as 1', () => {
    expect(displayWidth('Protocol')).toBe(8);
    expect(displayWidth('プロトコル')).toBe(10);
    expect(displayWidth('送信元 IP')).toBe(9);
    expect(displayWidth('TCP フラグ')).toBe(10);
    expect(displayWidth('（ほか 300 件は省略）')).toBe(21);
    expect(displayWidth('ＡＢＣ')).toBe(6);
    expect(displayWidth('한국')).toBe(4);
    // A character outside the BMP (CJK extension B) is one code point of width 2, not two UTF-16 units.
    expect(displayWidth('𠀋')).toBe(2);
  });

  it('counts half-width katakana as 1 and combining marks as 0', () => {
    expect(displayWidth('ﾌﾟﾛﾄｺﾙ')).toBe(6);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(codePointWidth(0x200b)).toBe(0);
  });

  it('pads to display columns', () => {
    expect(padEndDisplay('タイムゾーン', 14)).toBe('タイムゾーン  ');
    expect(padEndDisplay('Asia/Tokyo', 14)).toBe('Asia/Tokyo    ');
    expect(padEndDisplay('プロトコル', 4)).toBe('プロトコル');
  });
});

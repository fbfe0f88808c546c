import { describe, expect, it } from 'vitest';
import { checkNumber } from '../../../../renderer/src/features/settings/number-field';

describe('a number setting typed into its field', () => {
  it('accepts a whole number inside the range, whatever was typed on the way to it', () => {
    expect(checkNumber('30', 5, 86400)).toEqual({ ok: true, value: 30 });
    expect(checkNumber(' 0 ', 0, 3600)).toEqual({ ok: true, value: 0 });
    expect(checkNumber('86400', 5, 86400)).toEqual({ ok: true, value: 86400 });
  });

  it('says why anything else is not saved', () => {
    expect(checkNumber('', 5, 86400)).toEqual({ ok: false, reason: 'empty' });
    expect(checkNumber('3', 5, 86400)).toEqual({ ok: false, reason: 'range' });
    expect(checkNumber('86401', 5, 86400)).toEqual({ ok: false, reason: 'range' });
    expect(checkNumber('12.5', 5, 86400)).toEqual({ ok: false, reason: 'notWhole' });
    expect(checkNumber('2m', 5, 86400)).toEqual({ ok: false, reason: 'notWhole' });
  });
});

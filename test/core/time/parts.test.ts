import { describe, expect, it } from 'vitest';
import { monthFromName, parseClock } from '../../../main/core/time/parts';

describe('monthFromName', () => {
  it.each([
    ['Jan', 1],
    ['january', 1],
    ['SEP', 9],
    ['Sept', 9],
    ['December', 12],
  ])('%s -> %i', (name, month) => {
    expect(monthFromName(name)).toBe(month);
  });

  it('returns undefined for non-months', () => {
    expect(monthFromName('Foo')).toBeUndefined();
    expect(monthFromName('')).toBeUndefined();
  });
});

describe('parseClock', () => {
  it.each([
    ['15:04:05', { hour: 15, minute: 4, second: 5 }],
    ['9:14', { hour: 9, minute: 14, second: 0 }],
    ['15:04:05.123', { hour: 15, minute: 4, second: 5, millisecond: 123 }],
    // Digits that milliseconds would not print back are kept as stated, for ts.
    ['15:04:05,5', { hour: 15, minute: 4, second: 5, millisecond: 500, fraction: '5' }],
    ['15:04:05.578333', { hour: 15, minute: 4, second: 5, millisecond: 578, fraction: '578333' }],
    ['3:04:05 PM', { hour: 15, minute: 4, second: 5 }],
    ['3:04:05 p.m.', { hour: 15, minute: 4, second: 5 }],
    ['12:00:00 AM', { hour: 0, minute: 0, second: 0 }],
    ['12:30:00 PM', { hour: 12, minute: 30, second: 0 }],
    ['午後3:04:05', { hour: 15, minute: 4, second: 5 }],
    ['午前 9:00:00', { hour: 9, minute: 0, second: 0 }],
    // Japanese clocks write the half hour after noon as 午後0時30分.
    ['午後0:30:00', { hour: 12, minute: 30, second: 0 }],
    ['午前0:05:00', { hour: 0, minute: 5, second: 0 }],
  ])('%s', (text, expected) => {
    expect(parseClock(text)).toEqual(expected);
  });

  it.each(['24:00:00', '12:60:00', '13:00:00 PM', '0:15:00 AM', 'noon', '1504'])('rejects %j', (text) => {
    expect(parseClock(text)).toBeUndefined();
  });
});

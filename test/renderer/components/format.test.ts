import { describe, expect, it } from 'vitest';
import {
  countryName,
  dateFormatter,
  formatClock,
  formatDate,
  formatDateTime,
  formatDateTimeParts,
} from '../../../renderer/src/components/format';

// 10 March 2026, 08:00 in the zone the test runs in (the app formats in the PC's zone too).
const MARCH_10 = new Date(2026, 2, 10, 8, 0, 0).getTime();

describe('dates as the windows show them', () => {
  it('names the month in English, so 10 March never reads as October 3', () => {
    expect(formatDateTime(MARCH_10, 'en')).toBe('10 Mar 2026, 08:00:00');
    expect(formatDateTime(MARCH_10, 'en')).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{4}/);
    expect(formatDateTimeParts(MARCH_10, 'en')).toEqual(['10 Mar 2026', '08:00:00']);
  });

  it('keeps the year-first Japanese order', () => {
    expect(formatDateTime(MARCH_10, 'ja')).toBe('2026/3/10 8:00:00');
    expect(formatDateTimeParts(MARCH_10, 'ja')).toEqual(['2026/3/10', '8:00:00']);
  });

  it('writes a date alone the same way (the Timeline note on data outside the window)', () => {
    expect(formatDate(MARCH_10, 'en')).toBe('10 Mar 2026');
    expect(formatDate(MARCH_10, 'ja')).toBe('2026/3/10');
  });

  it("writes a time in a zone given by name, and in the PC's zone for a name it does not know", () => {
    const utc8 = Date.UTC(2026, 2, 10, 8, 0);
    expect(dateFormatter('dateMinute', 'en', 'UTC').format(utc8)).toBe('10 Mar 2026, 08:00');
    expect(dateFormatter('dateMinute', 'ja', 'Asia/Tokyo').format(utc8)).toBe('2026/3/10 17:00');
    expect(dateFormatter('dateMinute', 'en', 'Not/AZone').format(MARCH_10)).toBe('10 Mar 2026, 08:00');
  });

  it('shows times of day on a 24-hour clock in both languages', () => {
    const evening = new Date(2026, 2, 10, 20, 5, 9).getTime();
    expect(formatClock(evening, 'en')).toBe('20:05:09');
    expect(formatClock(evening, 'ja')).toBe('20:05:09');
    expect(formatClock(MARCH_10, 'en')).toBe('08:00:00');
  });
});

describe('country names', () => {
  it('are written in the UI language, not as bare codes', () => {
    expect(countryName('US', 'en')).toBe('United States');
    expect(countryName('US', 'ja')).toBe('アメリカ合衆国');
    expect(countryName('jp', 'ja')).toBe('日本');
  });

  it('fall back to the code when there is no name for it', () => {
    expect(countryName('XX', 'en')).toBe('XX');
    expect(countryName('abc', 'ja')).toBe('abc');
  });
});

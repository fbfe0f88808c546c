import { describe, expect, it } from 'vitest';
import { eventStampRange, utcLabel, whenPhrase, zoneStampRange } from '../../../main/core/verdicts/when';

// Times in what NetWhy tells a reader: the log's wall clock, a month name in English (no 03/12 vs 12/03 question),
// Japanese date order, the offset always said.

const tokyo = (local: string) => ({
  ts: `${local}+09:00`,
  tsUtc: Date.parse(`${local}+09:00`),
  zone: 'Asia/Tokyo',
});

describe('whenPhrase (verdict prose)', () => {
  it('one day: the date once, then the two clocks, the offset after', () => {
    expect(whenPhrase(tokyo('2026-03-12T03:20:00'), tokyo('2026-03-12T03:23:19'))).toEqual({
      en: ' between 12 Mar 2026 03:20 and 03:23 (UTC+9)',
      ja: '2026年3月12日 3:20〜3:23（UTC+9）に',
    });
  });

  it('across days and years, each end its own date; Japanese drops a repeated year', () => {
    expect(whenPhrase(tokyo('2024-03-10T08:00:00'), tokyo('2024-03-12T03:23:19'))).toEqual({
      en: ' between 10 Mar 2024 08:00 and 12 Mar 2024 03:23 (UTC+9)',
      ja: '2024年3月10日 8:00〜3月12日 3:23（UTC+9）に',
    });
    expect(whenPhrase(tokyo('2025-12-31T23:59:00'), tokyo('2026-01-01T00:01:00')).ja).toBe(
      '2025年12月31日 23:59〜2026年1月1日 0:01（UTC+9）に',
    );
  });

  it('within one minute the seconds tell the ends apart; one instant is "at"', () => {
    expect(whenPhrase(tokyo('2026-11-21T09:20:05'), tokyo('2026-11-21T09:20:07')).en).toBe(
      ' between 21 Nov 2026 09:20:05 and 09:20:07 (UTC+9)',
    );
    expect(whenPhrase(tokyo('2026-11-21T09:20:05'), tokyo('2026-11-21T09:20:05'))).toEqual({
      en: ' at 21 Nov 2026 09:20:05 (UTC+9)',
      ja: '2026年11月21日 9:20:05（UTC+9）に',
    });
  });

  it('a clock change between the ends gives each its own offset; a stated offset is kept', () => {
    const ny = (utc: string) => ({ ts: null, tsUtc: Date.parse(utc), zone: 'America/New_York' });
    expect(whenPhrase(ny('2024-03-10T06:30:00Z'), ny('2024-03-10T07:30:00Z')).en).toBe(
      ' between 10 Mar 2024 01:30 (UTC-5) and 10 Mar 2024 03:30 (UTC-4)',
    );
    const india = { ts: '2026-03-12T10:00:00+05:30', tsUtc: Date.parse('2026-03-12T10:00:00+05:30'), zone: '+05:30' };
    expect(whenPhrase(india, india).en).toBe(' at 12 Mar 2026 10:00:00 (UTC+5:30)');
  });

  it('no wall-clock time (dmesg): nothing, never "?"', () => {
    const boot = { ts: null, tsUtc: null, zone: null };
    expect(whenPhrase(boot, boot)).toEqual({ en: '', ja: '' });
    expect(whenPhrase(null, null)).toEqual({ en: '', ja: '' });
  });
});

describe('stamps (evidence lines and the CLI)', () => {
  it('share the date and offset when they can', () => {
    expect(eventStampRange(tokyo('2026-03-12T03:20:00'), tokyo('2026-03-12T03:23:19'))).toEqual({
      en: '2026-03-12 03:20:00 – 03:23:19 +09:00',
      ja: '2026-03-12 03:20:00 〜 03:23:19 +09:00',
    });
    expect(eventStampRange(tokyo('2024-03-10T08:00:00'), tokyo('2024-03-11T17:53:47'))?.en).toBe(
      '2024-03-10 08:00:00 – 2024-03-11 17:53:47 +09:00',
    );
    expect(eventStampRange(tokyo('2024-03-10T08:00:00'), tokyo('2024-03-10T08:00:00'))?.en).toBe(
      '2024-03-10 08:00:00 +09:00',
    );
  });

  it('the CLI writes instants in the zone it is given', () => {
    const a = Date.parse('2024-03-09T23:00:00Z');
    expect(zoneStampRange(a, a + 3_600_000, 'Asia/Tokyo', 'en')).toBe('2024-03-10 08:00:00 – 09:00:00 +09:00');
    expect(zoneStampRange(a, a, 'UTC', 'ja')).toBe('2024-03-09 23:00:00 +00:00');
  });

  it('offset labels', () => {
    expect([0, 540, 330, -240, -570].map(utcLabel)).toEqual(['UTC', 'UTC+9', 'UTC+5:30', 'UTC-4', 'UTC-9:30']);
  });
});

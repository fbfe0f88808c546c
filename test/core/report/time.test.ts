import { describe, expect, it } from 'vitest';
import { reportTime } from '../../../main/core/report/time';

describe('reportTime', () => {
  it('places a zoneless line in the assumed zone, with the offset of that date (DST)', () => {
    const summer = Date.UTC(2026, 6, 1, 10, 0, 0);
    const winter = Date.UTC(2026, 11, 1, 10, 0, 0);
    expect(reportTime({ ts: '2026-07-01T12:00:00', tsUtc: summer, zone: 'Europe/Berlin' })).toEqual({
      iso: '2026-07-01T12:00:00+02:00',
      zone: 'Europe/Berlin',
      assumed: true,
    });
    expect(reportTime({ ts: '2026-12-01T11:00:00', tsUtc: winter, zone: 'Europe/Berlin' })?.iso).toBe(
      '2026-12-01T11:00:00+01:00',
    );
  });

  it('keeps the offset a line stated (the import stores it as the zone) and names it', () => {
    const t = Date.parse('2025-11-01T17:50:05.536+01:00');
    expect(reportTime({ ts: '2025-11-01T17:50:05.536+01:00', tsUtc: t, zone: '+01:00' })).toEqual({
      iso: '2025-11-01T17:50:05.536+01:00',
      zone: 'UTC+01:00',
      assumed: false,
    });
    // The import's form for an assumed zone: ts carries the zone's offset, zone the IANA name.
    expect(reportTime({ ts: '2025-11-01T17:50:05.536+01:00', tsUtc: t, zone: 'Europe/Berlin' })).toEqual({
      iso: '2025-11-01T17:50:05.536+01:00',
      zone: 'Europe/Berlin',
      assumed: true,
    });
    expect(reportTime({ ts: '2025-11-01T17:50:05.536+01:00', tsUtc: t, zone: 'Asia/Tokyo' })?.zone).toBe('UTC+01:00');
    expect(reportTime({ ts: '2025-11-01T16:50:05Z', tsUtc: Date.parse('2025-11-01T16:50:05Z'), zone: null })).toEqual({
      iso: '2025-11-01T16:50:05+00:00',
      zone: 'UTC+00:00',
      assumed: false,
    });
  });

  it('calls a zone name assumed, UTC too (--tz UTC), and a stated "Z" stated', () => {
    const t = Date.UTC(2026, 10, 21, 9, 14, 3);
    // The import's form of a zoneless line read with --tz UTC / Etc/UTC.
    for (const zone of ['UTC', 'Etc/UTC']) {
      expect(reportTime({ ts: '2026-11-21T09:14:03Z', tsUtc: t, zone })).toEqual({
        iso: '2026-11-21T09:14:03+00:00',
        zone,
        assumed: true,
      });
    }
    // A line stating "Z" (RFC 5424, ISO 8601): the import stores the offset.
    expect(reportTime({ ts: '2026-11-21T09:14:03Z', tsUtc: t, zone: 'Z' })).toEqual({
      iso: '2026-11-21T09:14:03+00:00',
      zone: 'UTC+00:00',
      assumed: false,
    });
  });

  it('returns null for events without an absolute time', () => {
    expect(reportTime({ ts: null, tsUtc: null, zone: 'Asia/Tokyo' })).toBeNull();
  });
});

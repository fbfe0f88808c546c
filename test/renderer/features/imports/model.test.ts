import { describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../../../preload/contract/imports';
import { rangeParts } from '../../../../renderer/src/features/imports/model';

// Only the fields rangeParts reads; the rest of a summary does not change how its dates are written.
const span = { firstTs: Date.UTC(2026, 2, 10, 8, 0), lastTs: Date.UTC(2026, 2, 12, 23, 5), zone: 'UTC' };

describe("an import's time range in the list", () => {
  it('names the month in English, so 10 March never reads as October 3', () => {
    expect(rangeParts(span as ImportSummary, 'en')).toEqual(['10 Mar 2026, 08:00', '12 Mar 2026, 23:05']);
  });

  it('keeps the year-first Japanese order, written as the other screens write dates', () => {
    expect(rangeParts(span as ImportSummary, 'ja')).toEqual(['2026/3/10 8:00', '2026/3/12 23:05']);
  });

  it("shows the times in the import's own zone", () => {
    expect(rangeParts({ ...span, zone: 'Asia/Tokyo' } as ImportSummary, 'en')).toEqual([
      '10 Mar 2026, 17:00',
      '13 Mar 2026, 08:05',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { MAX_SPAN } from '../../../main/core/timeline/buckets';
import { dataOutside, fitView, span } from '../../../main/core/timeline/window';

const D = 86_400_000;

describe('Show everything over data longer than the widest window', () => {
  // An old Netgear log (March 2024), a year-less sweep read as March 2026, and today's live sockets.
  const netgear = Date.UTC(2024, 2, 10, 8);
  const sweep = Date.UTC(2026, 2, 12, 3, 20);
  const today = Date.UTC(2026, 10, 21, 14);
  const extent = { from: netgear, to: today + 1 };

  it('shows the most recent data at the right edge instead of an empty middle', () => {
    const v = fitView(extent);
    expect(span(v)).toBe(MAX_SPAN);
    // The newest event and the sweep are on screen; the window is not centred on the empty year between.
    expect(v.from).toBeLessThanOrEqual(sweep);
    expect(v.to).toBeGreaterThan(today);
    expect(v.to - today).toBeLessThan(0.05 * MAX_SPAN);
  });

  it('says which side the rest of the data lies on', () => {
    const v = fitView(extent);
    expect(dataOutside(v, extent)).toEqual({ earlier: true, later: false });
    const oldest = { from: netgear - D, to: netgear - D + MAX_SPAN };
    expect(dataOutside(oldest, extent)).toEqual({ earlier: false, later: true });
  });

  it('still fits data that fits, with nothing said to be outside', () => {
    const month = { from: netgear, to: netgear + 30 * D };
    const v = fitView(month);
    expect(v.from).toBeLessThan(month.from);
    expect(v.to).toBeGreaterThan(month.to);
    expect(dataOutside(v, month)).toEqual({ earlier: false, later: false });
    // 390 days plus its 2 % room each side is over 400 days: the newest part, not the middle.
    const long = { from: today - 390 * D, to: today };
    expect(fitView(long).to).toBeGreaterThan(today);
  });
});

import { describe, expect, it } from 'vitest';
import { bucketStart, bucketWidthFor, rollupLevelFor, BUCKET_WIDTHS } from '../../../main/core/timeline/buckets';

const S = 1_000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('bucket width for a zoom level', () => {
  it.each([
    ['a month on 200 bars', 30 * D, 200, 6 * H],
    ['a week', 7 * D, 200, H],
    ['a day', D, 200, 10 * M],
    ['an hour', H, 200, 30 * S],
    ['a minute', M, 200, S],
    ['a second (never below one second)', S, 200, S],
    ['a year (the widest step)', 365 * D, 200, 2 * D],
  ])('%s', (_name, span, bars, width) => {
    expect(bucketWidthFor(span, bars)).toBe(width);
  });

  it('never draws more bars than asked for, up to the widest step', () => {
    for (let span = S; span < 120 * D; span *= 1.7) {
      const w = bucketWidthFor(span, 150);
      expect(span / w).toBeLessThanOrEqual(150);
      expect(BUCKET_WIDTHS).toContain(w);
    }
  });
});

describe('rollup level for a bar width', () => {
  it('takes the coarsest stored level that divides the width and the zone offset', () => {
    expect(rollupLevelFor(6 * H, 0)).toBe(H);
    expect(rollupLevelFor(6 * H, 9 * H)).toBe(H); // JST
    expect(rollupLevelFor(D, 5.5 * H)).toBe(10 * M); // India: days start at :30 UTC
    expect(rollupLevelFor(D, 5.75 * H)).toBe(M); // Nepal
    expect(rollupLevelFor(20 * M, 0)).toBe(10 * M);
    expect(rollupLevelFor(5 * M, 0)).toBe(M);
    expect(rollupLevelFor(30 * S, 0)).toBeNull(); // finer than a minute: read the events
  });

  it('starts day bars at local midnight', () => {
    const t = Date.UTC(2024, 2, 10, 20, 0); // 05:00 on 11 March in Tokyo
    expect(bucketStart(t, D, 9 * H)).toBe(Date.UTC(2024, 2, 10, 15, 0));
    expect(bucketStart(t, D, 0)).toBe(Date.UTC(2024, 2, 10));
  });
});

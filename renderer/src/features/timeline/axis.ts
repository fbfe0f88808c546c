/** Axis ticks: a "nice" step giving labels at least `minPx` apart, aligned to local time. */

const S = 1_000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

const STEPS = [
  S,
  2 * S,
  5 * S,
  10 * S,
  15 * S,
  30 * S,
  M,
  2 * M,
  5 * M,
  10 * M,
  15 * M,
  30 * M,
  H,
  2 * H,
  3 * H,
  6 * H,
  12 * H,
  D,
  2 * D,
  7 * D,
  14 * D,
];

/** Month steps for long windows: ticks on the first of a month, every 1, 2, 3, 6 or 12 months. */
const MONTH_STEPS = [1, 2, 3, 6, 12];
const MONTH = 30.44 * D;

export type LabelKind = 'seconds' | 'minutes' | 'days' | 'months';

export interface AxisTicks {
  step: number;
  kind: LabelKind;
  ticks: number[];
}

export function axisTicks(from: number, to: number, widthPx: number, offsetMs: number, minPx = 90): AxisTicks {
  const perPx = (to - from) / Math.max(1, widthPx);
  const step = STEPS.find((s) => s / perPx >= minPx);
  if (step === undefined) {
    // Past two weeks a fixed step drifts against the calendar ("Oct 2026" on the 17th) and 30-day steps crowded
    // the labels together over 400 days ("2026年10月2026年1"): whole months, as many as keep labels apart.
    const months =
      MONTH_STEPS.find((m) => (m * MONTH) / perPx >= minPx) ?? 12 * Math.ceil(minPx / ((12 * MONTH) / perPx));
    return { step: months * MONTH, kind: 'months', ticks: monthTicks(from, to, months, offsetMs) };
  }
  const kind: LabelKind = step < M ? 'seconds' : step < D ? 'minutes' : 'days';
  const ticks: number[] = [];
  // Local-time alignment: 00:00, 06:00 … in the user's zone, not UTC.
  let t = Math.ceil((from + offsetMs) / step) * step - offsetMs;
  for (; t < to && ticks.length < 500; t += step) ticks.push(t);
  return { step, kind, ticks };
}

/** Local midnights of the first of every `months`-th month (January-aligned) in [from, to). */
function monthTicks(from: number, to: number, months: number, offsetMs: number): number[] {
  const start = new Date(from + offsetMs);
  let y = start.getUTCFullYear();
  let m = Math.floor(start.getUTCMonth() / months) * months;
  const ticks: number[] = [];
  for (;;) {
    const t = Date.UTC(y, m, 1) - offsetMs;
    if (t >= to || ticks.length >= 500) break;
    if (t >= from) ticks.push(t);
    m += months;
    if (m >= 12) {
      y += Math.floor(m / 12);
      m %= 12;
    }
  }
  return ticks;
}

/** Formats a tick for its kind in the UI language (Intl: "14:05", "5月3日", "May 3"). */
export function tickFormatter(kind: LabelKind, language: string): (t: number) => string {
  const opts: Intl.DateTimeFormatOptions =
    kind === 'seconds'
      ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }
      : kind === 'minutes'
        ? { hour: '2-digit', minute: '2-digit', hour12: false }
        : kind === 'days'
          ? { month: 'short', day: 'numeric' }
          : { year: 'numeric', month: 'short' };
  const f = new Intl.DateTimeFormat(language, opts);
  return (t) => f.format(t);
}

/** Human width of a bucket ("3 h", "15 s") through i18n keys units.s/m/h/d. */
export function widthParts(width: number): { unit: 's' | 'm' | 'h' | 'd'; count: number } {
  if (width % D === 0) return { unit: 'd', count: width / D };
  if (width % H === 0) return { unit: 'h', count: width / H };
  if (width % M === 0) return { unit: 'm', count: width / M };
  return { unit: 's', count: width / S };
}

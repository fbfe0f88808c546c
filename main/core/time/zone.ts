/**
 * Wall-clock time in an IANA zone <-> UTC, pure (Intl only, no Node). Logs state local wall time; the import
 * stores UTC plus the zone it assumed, so a log read in Tokyo and one read in Berlin line up on one timeline.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The zone this PC is set to ("Asia/Tokyo"); "UTC" when the runtime does not say. */
export function systemZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

// Names Intl rejected. A valid name's answer is its entry in `formatters`: building an Intl.DateTimeFormat costs
// ~0.2 ms, and a report asks once per event (a busy host's 200,000 events: ~35 s of it). Bounded: odd input.
const invalidZones = new Set<string>();

/** True for a zone name Intl knows ("Asia/Tokyo", "UTC", "Europe/Berlin"). */
export function isValidZone(zone: string): boolean {
  if (!zone || invalidZones.has(zone)) return false;
  try {
    formatter(zone);
    return true;
  } catch {
    if (invalidZones.size >= 256) invalidZones.clear();
    invalidZones.add(zone);
    return false;
  }
}

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock fields in `zone` at the instant `utcMs`. */
export function wallTimeAt(utcMs: number, zone: string): WallTime {
  const out: WallTime = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  let bc = false;
  for (const p of formatter(zone).formatToParts(utcMs)) {
    if (p.type === 'era') bc = p.value.startsWith('B');
    else if (p.type === 'year') out.year = Number(p.value);
    else if (p.type === 'month') out.month = Number(p.value);
    else if (p.type === 'day') out.day = Number(p.value);
    else if (p.type === 'hour') out.hour = Number(p.value) % 24;
    else if (p.type === 'minute') out.minute = Number(p.value);
    else if (p.type === 'second') out.second = Number(p.value);
  }
  if (bc) out.year = 1 - out.year;
  return out;
}

/** Offset of `zone` from UTC at the instant `utcMs`, in minutes east (Asia/Tokyo -> 540). */
export function offsetAt(utcMs: number, zone: string): number {
  const w = wallTimeAt(utcMs, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const whole = utcMs - (((utcMs % 1000) + 1000) % 1000);
  return Math.round((asUtc - whole) / 60_000);
}

/**
 * The UTC instant of a wall-clock time in `zone`. In a DST gap (02:30 on a spring-forward night) the time is read
 * with the offset before the change; in an overlap (the repeated hour in autumn) the earlier instant is chosen,
 * as most syslog readers do.
 */
export function zonedToUtc(localAsUtcMs: number, zone: string): number {
  const first = offsetAt(localAsUtcMs, zone);
  const a = localAsUtcMs - first * 60_000;
  const second = offsetAt(a, zone);
  if (second === first) {
    // Consistent; but in an overlap an earlier reading with the other offset may exist too.
    const earlier = offsetAt(a - 3 * 3_600_000, zone);
    if (earlier !== first) {
      const e = localAsUtcMs - earlier * 60_000;
      if (offsetAt(e, zone) === earlier && e < a) return e;
    }
    return a;
  }
  const b = localAsUtcMs - second * 60_000;
  if (offsetAt(b, zone) === second) return b;
  // A gap: no instant shows this wall time; read it with the offset in force before the change.
  const before = offsetAt(Math.min(a, b) - 3 * 3_600_000, zone);
  return localAsUtcMs - before * 60_000;
}

/** "+09:00", "-05:30", "Z" for an offset in minutes east of UTC. */
export function formatOffset(minutes: number): string {
  if (minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

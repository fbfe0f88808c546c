import type { ConnectionEvent } from '../../core/model/event';

/**
 * An `events` row (migration 0002) as read back. Columns a query leaves out (the raw line when only the rules need
 * the event, say) are simply absent.
 */
export interface EventRow {
  line: number;
  ts_utc: number | null;
  ts_text: string | null;
  zone: string | null;
  proto: string | null;
  src: string | null;
  sport: number | null;
  dst: string | null;
  dport: number | null;
  action: string | null;
  flags: string | null;
  direction: string | null;
  message: string | null;
  format: string | null;
  process: string | null;
  pid: number | null;
  state: string | null;
  iface?: string | null;
  rule?: string | null;
  length?: number | null;
  raw?: string;
}

/** The stored row as the domain's ConnectionEvent (flags are stored as a canonical comma list). */
export function eventFromRow(r: EventRow): ConnectionEvent {
  return {
    time: null,
    ts: r.ts_text,
    tsUtc: r.ts_utc,
    zone: r.zone,
    proto: r.proto ?? '',
    src: r.src ?? '',
    sport: r.sport,
    dst: r.dst ?? '',
    dport: r.dport,
    action: (r.action ?? 'unknown') as ConnectionEvent['action'],
    flags: (r.flags ? r.flags.split(',').filter(Boolean) : []) as ConnectionEvent['flags'],
    direction: r.direction === 'in' || r.direction === 'out' ? r.direction : null,
    iface: r.iface ?? null,
    rule: r.rule ?? null,
    length: r.length ?? null,
    message: r.message,
    format: r.format ?? '',
    process: r.process,
    pid: r.pid,
    state: r.state,
    line: r.line,
    raw: r.raw ?? '',
  };
}

import type { ConnectionEvent, TimeParts } from '../model/event';
import type { LineParser, LineResult, LogFamily } from '../parsers/family';
import { splitHeader } from '../parsers/syslog-prefix';
import { detectLineFamily } from './detect';
import { REASON } from '../model/skip-reasons';
import type { TimeResolver } from './time';

// The pipeline's reason codes live with the kinds the screen words them by; re-exported where the pipeline is used.
export { REASON };

/** Longer lines are cut and kept as unknown: bounded memory for a file without newlines. */
export const MAX_LINE_CHARS = 65_536;

export interface PipelineSink {
  event(e: ConnectionEvent): void;
  unknown(line: number, raw: string, reason: string): void;
  ignored(line: number): void;
}

export interface PipelineOptions {
  /** The file's family (detected or chosen by the user); null = decide every line on its own (live syslog). */
  family: LogFamily | null;
  /** Families tried per line when the file's family does not know a line (mixed syslog files). Empty = none. */
  fallback: readonly LogFamily[];
  time: TimeResolver;
  /** Time for an event whose line states none at all (the receiver's arrival time); default none. */
  arrivalTime?: () => TimeParts | null;
}

export interface Pipeline {
  push(raw: string, line: number): void;
  /** Emits what is still held (events waiting for a `netstat -b` owner line). */
  end(): void;
  /** Line of the oldest event still held back, or null: lines before it are completely handled. */
  heldFrom(): number | null;
}

// Windows `netstat -b` prints the owner after its sockets; socket-table events (no time) wait for it, bounded.
const MAX_PENDING = 256;

function safeParse(parser: LineParser, text: string): LineResult {
  try {
    return parser.parse(text);
  } catch {
    return { kind: 'unknown', reason: REASON.parserError };
  }
}

/**
 * Turns lines into events: the file's family first, then (for lines it does not know) the family that sniffs
 * best on that line or on the message inside its syslog header; then the time resolver places the event.
 */
export function createPipeline(options: PipelineOptions, sink: PipelineSink): Pipeline {
  const primary = options.family;
  const primaryParser = primary ? primary.open() : null;
  const others = new Map<LogFamily, LineParser>();
  const pending: ConnectionEvent[] = [];

  const flush = (): void => {
    for (const e of pending) sink.event(e);
    pending.length = 0;
  };

  const emit = (
    family: LogFamily,
    result: Extract<LineResult, { kind: 'event' }>,
    raw: string,
    line: number,
    headerTime: TimeParts | null,
  ): void => {
    const p = result.event;
    let parts = p.time;
    if (!parts) {
      // The family read only the message; the syslog header around it may still carry the time.
      parts = headerTime ?? (raw.length > 15 ? splitHeader(raw).time : null);
      if (!parts && options.arrivalTime) parts = options.arrivalTime();
    }
    const t = options.time.resolve(parts);
    const e: ConnectionEvent = {
      time: parts,
      proto: p.proto,
      src: p.src,
      sport: p.sport,
      dst: p.dst,
      dport: p.dport,
      action: p.action,
      flags: p.flags,
      direction: p.direction,
      iface: p.iface ?? null,
      rule: p.rule ?? null,
      length: p.length ?? null,
      message: p.message ?? null,
      state: p.state ?? null,
      pid: p.pid ?? null,
      process: p.process ?? null,
      ts: t.ts,
      tsUtc: t.tsUtc,
      zone: t.zone,
      format: family.id,
      line,
      raw,
    };
    if (e.ts === null) {
      if (pending.length >= MAX_PENDING) flush();
      pending.push(e);
    } else {
      if (pending.length) flush();
      sink.event(e);
    }
  };

  const tryFallback = (raw: string): { family: LogFamily; result: LineResult; headerTime: TimeParts | null } | null => {
    if (options.fallback.length === 0) return null;
    const alt = detectLineFamily(raw, options.fallback, primary);
    if (!alt) return null;
    let parser = others.get(alt.family);
    if (!parser) {
      parser = alt.family.open();
      others.set(alt.family, parser);
    }
    const whole = safeParse(parser, raw);
    if (whole.kind !== 'unknown') return { family: alt.family, result: whole, headerTime: null };
    const header = splitHeader(raw);
    if (header.body === raw || header.body === '') return null;
    const inner = safeParse(parser, header.body);
    return inner.kind === 'unknown' ? null : { family: alt.family, result: inner, headerTime: header.time };
  };

  return {
    push(raw, line) {
      if (raw.length === 0 || raw.trim() === '') {
        sink.ignored(line);
        return;
      }
      if (raw.includes('\u0000')) {
        sink.unknown(line, raw.split('\u0000').join(''), REASON.binary);
        return;
      }
      let family = primary;
      let result: LineResult = primaryParser
        ? safeParse(primaryParser, raw)
        : { kind: 'unknown', reason: REASON.noFormat };
      let headerTime: TimeParts | null = null;
      if (result.kind === 'unknown') {
        const alt = tryFallback(raw);
        if (alt) ({ family, result, headerTime } = alt);
      } else if (result.kind === 'ignored' && options.fallback.length > 0) {
        // The file's family may wave through every syslog line it does not own ("not a connection"), while the
        // line is another device's firewall entry relayed into the same file.
        const alt = tryFallback(raw);
        if (alt?.result.kind === 'event') ({ family, result, headerTime } = alt);
      }
      switch (result.kind) {
        case 'event':
          emit(family as LogFamily, result, raw, line, headerTime);
          return;
        case 'ignored':
          sink.ignored(line);
          return;
        case 'owner':
          for (const e of pending) if (!e.process) e.process = result.process;
          flush();
          sink.ignored(line);
          return;
        default:
          sink.unknown(line, raw, result.reason || REASON.noFormat);
      }
    },
    end() {
      flush();
    },
    heldFrom() {
      return pending.length ? (pending[0] as ConnectionEvent).line : null;
    },
  };
}

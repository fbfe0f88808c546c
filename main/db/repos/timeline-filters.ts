import type { LaneMode, TimelineFilters } from '../../../preload/contract/timeline';

/**
 * SQL fragments for the timeline's three row sources, from one set of filters. Values always travel as bound
 * parameters; only fixed column expressions are spliced in.
 */
export interface Fragment {
  sql: string;
  params: unknown[];
}

const list = (values: readonly unknown[]): string => values.map(() => '?').join(', ');
const has = <T>(v: readonly T[] | undefined): v is readonly T[] => v !== undefined && v.length > 0;

/** LIKE pattern for a substring, with % _ \ taken literally (ESCAPE '\'). */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function importSources(f: TimelineFilters): number[] | undefined {
  return f.sources?.filter((s): s is number => typeof s === 'number');
}

/** The live source is wanted (no source filter, or 'live' listed) and no filter excludes socket observations. */
export function wantsLive(f: TimelineFilters): boolean {
  if (has(f.sources) && !f.sources.includes('live')) return false;
  // Sockets have no firewall action: an action filter is a question about log lines.
  return !has(f.actions);
}

export function wantsImports(f: TimelineFilters): boolean {
  return !has(f.sources) || f.sources.some((s) => s !== 'live');
}

/** Port and text cannot be answered from the rollup (it does not keep ports or lines). */
export function needsRawEvents(f: TimelineFilters): boolean {
  return (f.port !== undefined && f.port !== null) || (f.text !== undefined && f.text.trim() !== '');
}

function where(parts: Fragment[]): Fragment {
  const kept = parts.filter((p) => p.sql !== '');
  return { sql: kept.map((p) => p.sql).join(' AND '), params: kept.flatMap((p) => p.params) };
}

function inList(column: string, values: readonly unknown[] | undefined): Fragment {
  return has(values) ? { sql: `${column} IN (${list(values)})`, params: [...values] } : { sql: '', params: [] };
}

/** Rollup rows (table timeline_rollup, no alias). */
export function rollupWhere(f: TimelineFilters): Fragment {
  return where([
    inList('lane', f.owners),
    inList('verdict', f.verdicts),
    inList('proto', f.protos),
    inList('action', f.actions),
    inList('import_id', importSources(f)),
  ]);
}

export const LANE_SQL: Record<'rollup' | 'events' | 'live', Record<LaneMode, string>> = {
  rollup: { owner: 'lane', verdict: 'verdict', process: 'process' },
  events: {
    owner: "coalesce(h.lane, 'unknown')",
    verdict: "coalesce(h.verdict, 'unknown')",
    process: "coalesce(e.process, '')",
  },
  live: {
    owner: "coalesce(h.lane, 'unknown')",
    verdict: "coalesce(h.verdict, 'unknown')",
    process: "coalesce(c.process_name, '')",
  },
};

/** Stored events (alias e) joined to hosts (alias h). */
export function eventsWhere(f: TimelineFilters): Fragment {
  const text = f.text?.trim();
  const pattern = text ? likePattern(text) : null;
  return where([
    inList(LANE_SQL.events.owner, f.owners),
    inList(LANE_SQL.events.verdict, f.verdicts),
    inList("coalesce(e.proto, '')", f.protos),
    inList("coalesce(e.action, '')", f.actions),
    inList('e.import_id', importSources(f)),
    f.port !== undefined && f.port !== null
      ? { sql: '(e.sport = ? OR e.dport = ?)', params: [f.port, f.port] }
      : { sql: '', params: [] },
    pattern
      ? {
          sql: "(e.remote LIKE ? ESCAPE '\\' OR e.process LIKE ? ESCAPE '\\' OR e.raw LIKE ? ESCAPE '\\')",
          params: [pattern, pattern, pattern],
        }
      : { sql: '', params: [] },
  ]);
}

/** Live socket observations (connections alias c, hosts alias h). */
export function liveWhere(f: TimelineFilters): Fragment {
  const text = f.text?.trim();
  const pattern = text ? likePattern(text) : null;
  return where([
    inList(LANE_SQL.live.owner, f.owners),
    inList(LANE_SQL.live.verdict, f.verdicts),
    inList('c.protocol', f.protos),
    f.port !== undefined && f.port !== null
      ? { sql: '(c.remote_port = ? OR c.local_port = ?)', params: [f.port, f.port] }
      : { sql: '', params: [] },
    pattern
      ? {
          sql: "(c.remote_address LIKE ? ESCAPE '\\' OR c.process_name LIKE ? ESCAPE '\\')",
          params: [pattern, pattern],
        }
      : { sql: '', params: [] },
  ]);
}

/** `AND …` to append after a WHERE that already has a condition. */
export function and(fragment: Fragment): string {
  return fragment.sql ? ` AND ${fragment.sql}` : '';
}

import type { Database } from 'better-sqlite3';

/**
 * Everything an import stored (its row's counts and reading, its events, its unknown lines), comparable across
 * databases: ids and clock times left out.
 */
export function storedImport(d: Database, importId: number) {
  return {
    imports: d
      .prepare(
        `SELECT family, family_confidence, encoding, compressed, zone, assumed_year, status, bytes_total, bytes_done,
                lines_total, lines_parsed, lines_ignored, lines_unknown, first_ts, last_ts, error
         FROM imports WHERE id = ?`,
      )
      .get(importId),
    events: d
      .prepare(
        `SELECT line, ts_utc, ts_text, zone, proto, src, sport, dst, dport, action, flags, direction, iface, rule,
                length, message, format, process, pid, state, remote, raw FROM events WHERE import_id = ? ORDER BY line`,
      )
      .all(importId),
    unknown: d.prepare('SELECT line, reason, raw FROM unknown_lines WHERE import_id = ? ORDER BY line').all(importId),
  };
}

import type { AbuseReport } from './model';

export const CSV_HEADER = [
  'timestamp',
  'time_zone',
  'zone_assumed',
  'protocol',
  'source_ip',
  'source_port',
  'destination_ip',
  'destination_port',
  'tcp_flags',
  'log_line',
] as const;

/** RFC 4180: quote a field holding a comma, quote or line break; double the quotes inside. */
function field(v: string | number | boolean | null): string {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The events as CSV (RFC 4180, CRLF line ends), one row per event, the original log line last. */
export function renderCsv(r: AbuseReport): string {
  const lines = [CSV_HEADER.join(',')];
  for (const row of r.rows) {
    lines.push(
      [
        row.time,
        row.zone,
        row.zoneAssumed ? 'yes' : 'no',
        row.proto,
        row.src,
        row.sport,
        row.dst,
        row.dport,
        row.flags,
        row.raw,
      ]
        .map(field)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

import { parseIPv4, parseIPv6Groups } from '../net/ip';

/** Sorts addresses numerically as text: IPv4 before IPv6, each by value ("4" + 8 hex / "6" + 32 hex digits). */
export function ipSortKey(ip: string): string {
  const v4 = parseIPv4(ip);
  if (v4 !== null) return `4${v4.toString(16).padStart(8, '0')}`;
  const g = parseIPv6Groups(ip);
  if (g) return `6${g.map((x) => x.toString(16).padStart(4, '0')).join('')}`;
  return `9${ip}`;
}

/** The fields of a host row the CSV export writes (the Hosts table's columns). */
export interface CsvHost {
  ip: string;
  country: string | null;
  owner: string | null;
  asn: number | null;
  asOrg: string | null;
  events: number;
  firstSeen: number | null;
  lastSeen: number | null;
  verdict: string;
  severity: string;
  title: { en: string; ja: string };
}

const HEADERS = {
  en: [
    'IP',
    'Country',
    'Owner',
    'ASN',
    'AS name',
    'Attempts',
    'First seen (UTC)',
    'Last seen (UTC)',
    'Verdict',
    'Severity',
    'Explanation',
  ],
  ja: ['IPアドレス', '国', '所有者', 'ASN', 'AS名', '回数', '初回 (UTC)', '最終 (UTC)', '判定', '重要度', '説明'],
};

/** RFC 4180: quote fields holding a comma, quote or line break; double inner quotes. */
function cell(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  // A leading = + - @ would run as a formula when the file is opened in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** The host table as CSV (CRLF lines, header in the chosen language; verdict ids stay ids). */
export function hostsCsv(hosts: readonly CsvHost[], lang: 'en' | 'ja'): string {
  const rows = hosts.map((h) => [
    h.ip,
    h.country,
    h.owner,
    h.asn === null ? null : `AS${h.asn}`,
    h.asOrg,
    h.events,
    iso(h.firstSeen),
    iso(h.lastSeen),
    h.verdict,
    h.severity,
    h.title[lang],
  ]);
  return [HEADERS[lang], ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

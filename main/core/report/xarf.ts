import { parseIPv4, parseIPv6Groups } from '../net/ip';
import { renderCsv } from './csv';
import type { AbuseReport } from './model';

/** X-ARF v4 (xarf/xarf-spec schemas/v4, JSON Schema 2020-12), category "connection", type "port_scan". */
export const XARF_VERSION = '4.0.0';
/** Used when the user has not entered an address; RFC 2606 reserves .invalid, so nothing can ever be sent there. */
export const PLACEHOLDER_CONTACT = 'reporter@example.invalid';
const SCHEMA_PROTOCOLS = ['tcp', 'udp', 'icmp', 'sctp'] as const;

export interface XarfEvidence {
  content_type: string;
  description: string;
  payload: string;
  hash?: string;
}

export type XarfReport = Record<string, unknown> & {
  xarf_version: string;
  report_id: string;
  category: 'connection';
  type: 'port_scan';
  evidence: XarfEvidence[];
};

export interface XarfOptions {
  /** Hex SHA-256 of the bytes (injected: core has no crypto). Adds the recommended evidence hash. */
  sha256?: (bytes: Uint8Array) => string;
}

function base64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

function evidence(text: string, contentType: string, description: string, o: XarfOptions): XarfEvidence {
  const bytes = new TextEncoder().encode(text);
  const item: XarfEvidence = { content_type: contentType, description, payload: base64(bytes) };
  if (o.sha256) item.hash = `sha256:${o.sha256(bytes)}`;
  return item;
}

function contact(r: AbuseReport): { org: string; contact: string; domain: string } {
  const email = r.reporter?.email?.trim() || PLACEHOLDER_CONTACT;
  const domain = email.split('@')[1] ?? 'example.invalid';
  return { org: r.reporter?.name?.trim() || 'Private individual', contact: email, domain };
}

const isIp = (s: string): boolean => parseIPv4(s) !== null || parseIPv6Groups(s) !== null;

/** The schema's protocol enum knows tcp/udp/icmp/sctp; ICMPv6 is reported as icmp, the most frequent one wins. */
function schemaProtocol(r: AbuseReport): (typeof SCHEMA_PROTOCOLS)[number] {
  const counts = new Map<string, number>();
  for (const row of r.rows) {
    const p = row.proto === 'icmpv6' ? 'icmp' : row.proto;
    counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  const best = [...counts]
    .filter(([p]) => (SCHEMA_PROTOCOLS as readonly string[]).includes(p))
    .sort((a, b) => b[1] - a[1])[0];
  return (best?.[0] as (typeof SCHEMA_PROTOCOLS)[number] | undefined) ?? 'tcp';
}

/**
 * The report as an X-ARF v4 object. The schema has no TCP-flags field and forbids extra keys inside evidence items,
 * so flags travel as top-level extension properties (the core schema allows them) and in the attached CSV.
 */
export function buildXarf(r: AbuseReport, options: XarfOptions = {}): XarfReport {
  const who = contact(r);
  const first = r.firstSeen?.time ?? r.createdAt;
  const destination = r.destinations.find(isIp);
  const out: XarfReport = {
    xarf_version: XARF_VERSION,
    report_id: r.id,
    timestamp: first,
    reporter: who,
    sender: who,
    source_identifier: r.source,
    category: 'connection',
    type: 'port_scan',
    protocol: schemaProtocol(r),
    first_seen: first,
    evidence_source: 'firewall_logs',
    description: r.summary.en.slice(0, 1000),
    evidence: [
      evidence(
        renderCsv(r),
        'text/csv',
        'Firewall log events: timestamp with offset and zone, protocol, source and destination address and port, TCP flags',
        options,
      ),
      evidence(r.rows.map((x) => x.raw).join('\n') + '\n', 'text/plain', 'Original firewall log lines', options),
    ],
    tcp_flags: r.flagsSeen,
    event_count: r.eventCount,
    destination_ports: r.destinationPorts,
  };
  if (r.lastSeen?.time) out['last_seen'] = r.lastSeen.time;
  if (r.sourcePorts.length === 1 && (r.sourcePorts[0] ?? 0) >= 1) out['source_port'] = r.sourcePorts[0];
  if (destination) out['destination_ip'] = destination;
  if (r.destinationPorts.length === 1 && (r.destinationPorts[0] ?? 0) >= 1)
    out['destination_port'] = r.destinationPorts[0];
  if (r.verdict) out['tags'] = [`netwhy-verdict:${r.verdict.id}`];
  const zone = r.firstSeen?.zone;
  if (zone) out['time_zone'] = zone;
  return out;
}

export function renderXarf(r: AbuseReport, options: XarfOptions = {}): string {
  return JSON.stringify(buildXarf(r, options), null, 2) + '\n';
}

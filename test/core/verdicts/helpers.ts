import type { Attribution, Role } from '../../../main/core/model/attribution';
import type { ConnectionEvent, ParsedEvent } from '../../../main/core/model/event';
import type { LogFamily } from '../../../main/core/parsers/family';
import { analyzeEvents, type AnalyzeContext } from '../../../main/core/verdicts/analyze';

/** Parses real-format lines with their family, the way the import engine does, placing zoneless times in UTC. */
export function eventsOf(family: LogFamily, lines: readonly string[], year = 2024): ConnectionEvent[] {
  const parser = family.open();
  const out: ConnectionEvent[] = [];
  lines.forEach((raw, i) => {
    const r = parser.parse(raw);
    if (r.kind === 'event') out.push(place(r.event, raw, i + 1, family.id, year));
    else if (r.kind === 'owner') {
      // netstat -b names the owner of the rows above it.
      for (let j = out.length - 1; j >= 0 && !out[j]?.process; j--) (out[j] as ConnectionEvent).process = r.process;
    }
  });
  return out;
}

function place(e: ParsedEvent, raw: string, line: number, format: string, year: number): ConnectionEvent {
  const t = e.time;
  const tsUtc = t
    ? Date.UTC(t.year ?? year, (t.month ?? 1) - 1, t.day ?? 1, t.hour, t.minute, t.second) -
      (t.offsetMinutes ?? 0) * 60_000
    : null;
  return {
    ...e,
    ts: tsUtc === null ? null : new Date(tsUtc).toISOString().replace('.000Z', 'Z'),
    tsUtc,
    zone: tsUtc === null ? null : 'UTC',
    format,
    line,
    raw,
  };
}

/** An attribution as the intel service would return it (only the fields the verdicts read matter). */
export function attribution(
  ip: string,
  owner: string | null,
  role: Role,
  asn: number | null,
  asOrg: string | null = null,
): Attribution {
  return {
    ip,
    asn,
    asOrg,
    country: null,
    ptr: null,
    ptrConfirmed: null,
    rdap: null,
    owner,
    role,
    confidence: 'high',
    evidence: [],
  };
}

export const akamaiEdge = (ip: string): Attribution => attribution(ip, 'akamai', 'cdn-edge', 20940, 'AKAMAI-ASN1');
export const akamaiCloud = (ip: string): Attribution =>
  attribution(ip, 'akamai', 'cloud-customer', 63949, 'AKAMAI-LINODE-AP (Akamai Connected Cloud)');
export const residential = (ip: string): Attribution => attribution(ip, null, 'isp', 4713, 'OCN NTT Communications');

export function analyze(events: ConnectionEvent[], attrs: Attribution[], extra: Partial<AnalyzeContext> = {}) {
  return analyzeEvents(events, { attributions: new Map(attrs.map((a) => [a.ip, a])), ...extra });
}

/** Real netfilter (UFW/OpenWrt) line layout with the fields a scenario varies. */
export function netfilterLine(o: {
  time: string;
  src: string;
  dst?: string;
  proto: 'TCP' | 'UDP';
  spt: number;
  dpt: number;
  flags?: string;
  id?: number;
  prefix?: string;
}): string {
  const dst = o.dst ?? '203.0.113.7';
  const tail =
    o.proto === 'TCP'
      ? `PROTO=TCP SPT=${o.spt} DPT=${o.dpt} WINDOW=1024 RES=0x00 ${o.flags ?? 'SYN'} URGP=0`
      : `PROTO=UDP SPT=${o.spt} DPT=${o.dpt} LEN=60`;
  return `${o.time} OpenWrt kernel: [10051.313745] ${o.prefix ?? 'DROP(src wan)'}IN=eth0 OUT= MAC=c2:56:27:73:33:cf:c4:f0:81:b0:93:24:08:00 SRC=${o.src} DST=${dst} LEN=44 TOS=0x00 PREC=0x00 TTL=51 ID=${o.id ?? 8549} PROTO=${tail.slice(6)}`;
}

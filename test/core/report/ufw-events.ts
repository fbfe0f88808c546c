import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Attribution } from '../../../main/core/model/attribution';
import type { ConnectionEvent, TcpFlag } from '../../../main/core/model/event';
import { monthFromName } from '../../../main/core/time/parts';
import { zonedToUtc } from '../../../main/core/time/zone';

export const FIXTURES = join(__dirname, '../../fixtures/report');

/**
 * Reads the ufw fixture lines into events for the pure report tests only (the real parsers are the import
 * helper's; the CLI test goes through them). Zoneless lines are placed in `zone` in `year`, as the import does.
 */
export function ufwEvents(file: string, zone = 'Asia/Tokyo', year = 2026): ConnectionEvent[] {
  return ufwLineEvents(readFileSync(join(FIXTURES, file), 'utf8'), zone, year);
}

/** As ufwEvents, from the text of a log. */
export function ufwLineEvents(text: string, zone = 'Asia/Tokyo', year = 2026): ConnectionEvent[] {
  const lines = text.split('\n').filter(Boolean);
  return lines.map((raw, i) => {
    const kv = (k: string): string | undefined => new RegExp(`\\b${k}=(\\S*)`).exec(raw)?.[1];
    const flags = (['SYN', 'ACK', 'FIN', 'RST', 'PSH', 'URG'] as TcpFlag[]).filter((f) =>
      new RegExp(` ${f}\\b`).test(raw.split('RES=')[1] ?? ''),
    );
    let ts: string;
    let tsUtc: number;
    let eventZone = zone;
    const iso = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.\d+)?([+-]\d{2}:\d{2})/.exec(raw);
    if (iso) {
      ts = `${iso[1]}${iso[2]}`;
      tsUtc = Date.parse(ts);
      // As the import stores a stated offset: in place of the zone name.
      eventZone = iso[2] ?? zone;
    } else {
      const m = /^([A-Z][a-z]{2}) +(\d+) (\d{2}):(\d{2}):(\d{2})/.exec(raw);
      if (!m) throw new Error(`not a syslog line: ${raw}`);
      const month = monthFromName(m[1] ?? '') ?? 1;
      const local = Date.UTC(year, month - 1, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]));
      tsUtc = zonedToUtc(local, zone);
      // As the import stores a zoneless line: local time with the assumed zone's offset, the zone's name.
      const off = Math.round((local - tsUtc) / 60_000);
      const sign = off < 0 ? '-' : '+';
      const a = Math.abs(off);
      ts = `${new Date(local).toISOString().slice(0, 19)}${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
    }
    const proto = (kv('PROTO') ?? '').toLowerCase();
    return {
      time: null,
      ts,
      tsUtc,
      zone: eventZone,
      proto: proto === '2' ? 'igmp' : proto,
      src: kv('SRC') ?? '',
      sport: kv('SPT') ? Number(kv('SPT')) : null,
      dst: kv('DST') ?? '',
      dport: kv('DPT') ? Number(kv('DPT')) : null,
      action: 'drop',
      flags,
      direction: 'in',
      format: 'netfilter',
      line: i + 1,
      raw,
    } satisfies ConnectionEvent;
  });
}

export const SCANNER: Attribution = {
  ip: '45.155.205.10',
  asn: 64500,
  asOrg: 'EXAMPLE-HOSTING',
  country: 'NL',
  ptr: null,
  ptrConfirmed: null,
  rdap: { name: 'EXAMPLE-NET', org: 'Example Hosting B.V.', country: 'NL', abuseEmail: 'abuse@hosting.example' },
  owner: null,
  role: 'hosting',
  confidence: 'medium',
  evidence: [{ kind: 'asn', detail: '45.155.205.10 is announced by AS64500 (EXAMPLE-HOSTING)' }],
};

export const AKAMAI_EDGE: Attribution = {
  ip: '23.205.116.42',
  asn: 20940,
  asOrg: 'Akamai International B.V.',
  country: 'EU',
  ptr: 'a23-205-116-42.deploy.static.akamaitechnologies.com',
  ptrConfirmed: true,
  rdap: null,
  owner: 'akamai',
  role: 'cdn-edge',
  confidence: 'high',
  evidence: [{ kind: 'asn', detail: 'AS20940 is Akamai (AKAMAI-ASN1)', detailJa: 'AS20940 は Akamai (AKAMAI-ASN1)' }],
};

export const hostEvents = (events: ConnectionEvent[], ip: string): ConnectionEvent[] =>
  events.filter((e) => e.src === ip || e.dst === ip);

/**
 * A long scan in the ufw-scan.log format: the fixture's first SYN line (45.155.205.10 -> 198.51.100.7) repeated
 * `count` times, 10 s apart from Nov 21 09:14:03, to destination ports 1, 2, 3 … More events than a report lists.
 */
export function longScanLog(count: number): string {
  const template = readFileSync(join(FIXTURES, 'ufw-scan.log'), 'utf8').split('\n')[0] ?? '';
  const start = Date.UTC(2026, 10, 21, 9, 14, 3);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const clock = new Date(start + i * 10_000).toISOString().slice(11, 19);
    lines.push(template.replace(/^Nov 21 \d{2}:\d{2}:\d{2}/, `Nov 21 ${clock}`).replace(/ DPT=\d+ /, ` DPT=${i + 1} `));
  }
  return lines.join('\n') + '\n';
}

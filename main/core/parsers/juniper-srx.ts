import type { Action, Direction, TimeParts } from '../model/event';
import { normalizeIp } from '../net/ip';
import { parsePort, protocolName } from './common';
import { type Endpoint, makeEvent, splitSlashEndpoint } from './endpoint';
import { stateless, type LineResult, type LogFamily } from './family';
import { directionByAddress } from './judge';
import { parseKeyValues } from './kv';
import { leadingTime } from './syslog-prefix';

/*
 * Juniper SRX session log (Junos "RT_FLOW" system log messages, Junos OS System Log Reference):
 * - standard text: "RT_FLOW: RT_FLOW_SESSION_DENY: session denied SRC/PORT->DST/PORT SERVICE PROTO(ICMPTYPE)
 *   POLICY FROM-ZONE TO-ZONE …" and "… RT_FLOW_SESSION_CREATE: session created SRC/PORT->DST/PORT SERVICE
 *   NATSRC/PORT->NATDST/PORT SRC-NAT-RULE DST-NAT-RULE PROTO POLICY FROM-ZONE TO-ZONE SESSION-ID …"
 *   (newer Junos inserts 0x connection tags and NAT rule types);
 * - structured (RFC 5424): "RT_FLOW - RT_FLOW_SESSION_DENY [junos@2636… source-address="…" source-port="…" …]".
 * SESSION_CLOSE repeats its SESSION_CREATE and prints nothing; APPTRACK_* records describe the same sessions.
 */

const EVENT = /\b(RT_FLOW_SESSION_(?:CREATE|DENY|CLOSE)(?:_LS)?|APPTRACK_SESSION_\w+)\b/;
const UNTRUSTED = /untrust|internet|outside|external|^wan/i;

function timeOf(pre: string): TimeParts | null {
  const t = pre.replace(/^<\d{1,3}>\s*/, '');
  const direct = leadingTime(t);
  if (direct) return direct.time;
  // Some relays prefix a counter ("42 2016-05-25T14:47:23Z host RT_FLOW - …").
  const iso = /\d{4}-\d{2}-\d{2}T\S+\s/.exec(t);
  return iso ? (leadingTime(t.slice(iso.index))?.time ?? null) : null;
}

function byZones(from: string, to: string, src: string, dst: string): Direction {
  if (UNTRUSTED.test(from) && !UNTRUSTED.test(to)) return 'in';
  if (UNTRUSTED.test(to) && !UNTRUSTED.test(from)) return 'out';
  return directionByAddress(src, dst) ?? null;
}

interface Session {
  src: Endpoint;
  dst: Endpoint;
  proto: string;
  policy: string | null;
  from: string;
  to: string;
  iface: string | null;
}

function structured(body: string): Session | null {
  const kv = parseKeyValues(body);
  const src = normalizeIp(kv.get('source-address') ?? '');
  const dst = normalizeIp(kv.get('destination-address') ?? '');
  if (src === null || dst === null) return null;
  return {
    src: { ip: src, port: parsePort(kv.get('source-port')) },
    dst: { ip: dst, port: parsePort(kv.get('destination-port')) },
    proto: protocolName(kv.get('protocol-id') ?? ''),
    policy: kv.get('policy-name') ?? null,
    from: kv.get('source-zone-name') ?? '',
    to: kv.get('destination-zone-name') ?? '',
    iface: kv.get('packet-incoming-interface') ?? null,
  };
}

function flow(token: string | undefined): { src: Endpoint; dst: Endpoint } | null {
  const [a, b] = (token ?? '').split('->');
  const src = splitSlashEndpoint(a ?? '');
  const dst = splitSlashEndpoint(b ?? '');
  return src && dst ? { src, dst } : null;
}

function standard(kind: string, body: string): Session | null {
  const tokens = body
    .replace(/^.*?session (?:denied|created)\s+/, '')
    .split(/\s+/)
    .filter((t) => !/^0x[0-9a-f]+$/i.test(t));
  const f = flow(tokens[0]);
  if (!f) return null;
  let i: number;
  if (kind.includes('DENY')) {
    i = tokens.findIndex((t, k) => k > 0 && /^\d+\(\d+\)$/.test(t));
  } else {
    // After the NAT flow come 2 (older) or 4 (newer) NAT rule fields; the protocol number is the field whose
    // fourth successor is the numeric session id.
    const nat = tokens.findIndex((t, k) => k > 0 && t.includes('->'));
    i = tokens.findIndex((t, k) => k > nat && /^\d+$/.test(t) && /^\d+$/.test(tokens[k + 4] ?? ''));
  }
  if (i < 0) return null;
  // The interface follows the "user(roles)" field, e.g. "N/A(N/A) ge-0/0/0.0".
  const roles = tokens.findIndex((t, k) => k > i + 3 && /^[^()\s]+\([^()\s]*\)$/.test(t));
  return {
    ...f,
    proto: protocolName((tokens[i] ?? '').replace(/\(.*$/, '')),
    policy: tokens[i + 1] ?? null,
    from: tokens[i + 2] ?? '',
    to: tokens[i + 3] ?? '',
    iface: roles < 0 ? null : (tokens[roles + 1] ?? null),
  };
}

export function parseJuniper(line: string): LineResult {
  const m = EVENT.exec(line);
  if (!m) return line.includes('RT_FLOW') ? { kind: 'ignored' } : { kind: 'unknown', reason: 'not an RT_FLOW line' };
  const kind = m[1] ?? '';
  if (kind.startsWith('APPTRACK') || kind.includes('CLOSE')) return { kind: 'ignored' };
  const body = line.slice(m.index + kind.length);
  const s = body.trimStart().startsWith('[') ? structured(body) : standard(kind, body);
  if (!s) return { kind: 'unknown', reason: `${kind}: unexpected layout` };
  const ported = s.proto === 'tcp' || s.proto === 'udp';
  const action: Action = kind.includes('DENY') ? 'deny' : 'allow';
  return {
    kind: 'event',
    event: makeEvent({
      time: timeOf(line.slice(0, m.index)),
      proto: s.proto,
      src: ported ? s.src : { ip: s.src.ip, port: null },
      dst: ported ? s.dst : { ip: s.dst.ip, port: null },
      action,
      direction: byZones(s.from, s.to, s.src.ip, s.dst.ip),
      iface: s.iface,
      rule: s.policy,
      message: `${kind} ${s.from}->${s.to}`,
    }),
  };
}

export const juniperSrx: LogFamily = {
  id: 'juniper-srx',
  name: 'Juniper SRX RT_FLOW',
  example:
    'Sep 29 23:49:20 SRX-1 RT_FLOW: RT_FLOW_SESSION_DENY: session denied 10.0.0.1/54924->192.168.1.1/53 junos-dns-udp 17(0) default-deny(global) trust trust UNKNOWN UNKNOWN N/A(N/A) ge-0/0/0.0 UNKNOWN policy deny',
  sniff(line) {
    if (!line.includes('RT_FLOW') && !line.includes('APPTRACK_')) return 0;
    return EVENT.test(line) ? 0.97 : 0.6;
  },
  open: stateless(parseJuniper),
};

import type { Action, Direction, TimeParts } from '../model/event';
import { normalizeIp } from '../net/ip';
import { parsePort, protocolName } from './common';
import { type Endpoint, makeEvent } from './endpoint';
import { stateless, type LineResult, type LogFamily } from './family';
import { actionFromWords, directionByAddress } from './judge';
import { parseKeyValues } from './kv';

/*
 * SonicWall (SonicOS) enhanced syslog, per SonicWall's "SonicOS Log Events Reference": id=firewall sn=SERIAL
 * time="YYYY-MM-DD hh:mm:ss[ UTC]" fw=IP pri=N c=CAT m=MSGID msg="…" src=IP:PORT:IFACE[:HOST] dst=… proto=tcp/SERVICE.
 * IPv6 endpoints leave the address out of src=/dst= and put it in srcV6=/dstV6=. "Connection Closed" (m=537)
 * repeats its "Connection Opened" (m=98) and prints nothing. X1 is SonicOS's default WAN interface.
 */

const WANISH = /^(?:X1|WAN\d*)$/i;

function endpointOf(text: string | undefined, v6: string | undefined): { ep: Endpoint; iface: string | null } | null {
  if (text === undefined) return null;
  const parts = text.split(':');
  const ip = normalizeIp(parts[0] !== '' ? (parts[0] ?? '') : (v6 ?? ''));
  if (ip === null) return null;
  return { ep: { ip, port: parsePort(parts[1]) }, iface: parts[2] || null };
}

function timeOf(text: string | undefined): TimeParts | null {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})( UTC)?$/.exec(text ?? '');
  if (!m) return null;
  const t: TimeParts = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6]),
  };
  if (m[7]) t.offsetMinutes = 0;
  return t;
}

function actionOf(msg: string, fwAction: string | undefined): Action {
  if (fwAction && fwAction !== 'NA') {
    const a = actionFromWords(fwAction);
    if (a !== 'unknown') return a;
  }
  if (/^Connection Opened|^Web site hit/i.test(msg)) return 'allow';
  return actionFromWords(msg);
}

export function parseSonicwall(line: string): LineResult {
  const start = line.search(/\bid=\S+\s+sn=/);
  if (start < 0) return { kind: 'unknown', reason: 'not a SonicWall record' };
  const kv = parseKeyValues(line.slice(start));
  const msg = kv.get('msg') ?? '';
  if (kv.get('m') === '537' || msg === 'Connection Closed') return { kind: 'ignored' };
  // "ICMP packet dropped" records carry type=/code= but no proto=.
  const protoText = kv.get('proto') ?? (/\bICMP\b/.test(msg) ? 'icmp' : undefined);
  const src = endpointOf(kv.get('src'), kv.get('srcV6'));
  const dst = endpointOf(kv.get('dst'), kv.get('dstV6'));
  // Records without a protocol or a full address pair are about the device (logins, VPN, NTP), not a connection.
  if (protoText === undefined || !src || !dst) return { kind: 'ignored' };
  const proto = protocolName((protoText.split('/')[0] ?? '').trim());
  const ported = proto === 'tcp' || proto === 'udp';
  let direction: Direction = directionByAddress(src.ep.ip, dst.ep.ip) ?? null;
  if (direction === null) {
    const srcZone = kv.get('srcZone') ?? '';
    const dstZone = kv.get('dstZone') ?? '';
    if (WANISH.test(src.iface ?? '') || /^untrusted$/i.test(srcZone)) direction = 'in';
    else if (WANISH.test(dst.iface ?? '') || /^untrusted$/i.test(dstZone)) direction = 'out';
  }
  return {
    kind: 'event',
    event: makeEvent({
      time: timeOf(kv.get('time')),
      proto,
      src: ported ? src.ep : { ip: src.ep.ip, port: null },
      dst: ported ? dst.ep : { ip: dst.ep.ip, port: null },
      action: actionOf(msg, kv.get('fw_action')),
      direction,
      iface: src.iface,
      rule: kv.get('rule') ?? null,
      message: msg || null,
    }),
  };
}

export const sonicwall: LogFamily = {
  id: 'sonicwall',
  name: 'SonicWall (SonicOS)',
  example:
    'id=firewall sn=0000A0AAAA00 time="2022-04-29 10:05:12" fw=172.16.0.2 pri=6 c=262144 m=98 msg="Connection Opened" n=15243934 src=172.16.2.2:4522:X0 dst=81.2.69.143:443:X1 proto=tcp/https sent=60',
  sniff(line) {
    return /\bid=\S+\s+sn=\S+\s+time="/.test(line) ? 0.97 : 0;
  },
  open: stateless(parseSonicwall),
};

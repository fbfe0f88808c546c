import type { TimeParts } from '../model/event';
import { normalizeIp } from '../net/ip';
import { parsePort, parseTcpFlags, protocolName } from './common';
import { intOrNull, makeEvent } from './endpoint';
import { stateless, type LineResult, type LogFamily } from './family';
import { actionFromWords, directionByAddress } from './judge';
import { parseKeyValues } from './kv';

/*
 * Sophos UTM (ex-Astaro) packet filter log, written by ulogd to /var/log/packetfilter.log and sent by syslog:
 * "YYYY:MM:DD-hh:mm:ss host ulogd[pid]: id="2001" … sub="packetfilter" name="Packet dropped" action="drop"
 * fwrule="60001" initf="eth1" srcip=… dstip=… proto="6" length="40" tcpflags="ACK RST" srcport=… dstport=…"
 * (Sophos KB "UTM: packet filter log format"; samples in elastic/integrations' sophos utm tests).
 * Other subsystems (http, dns, dhcpd) share the key=value style but are not connections.
 */

const UTM_TIME = /^(?:<\d{1,3}>)?(\d{4}):(\d{2}):(\d{2})-(\d{2}):(\d{2}):(\d{2})\s/;

function timeOf(line: string): TimeParts | null {
  const m = UTM_TIME.exec(line);
  if (!m) return null;
  return {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6]),
  };
}

export function parseSophosUtm(line: string): LineResult {
  const start = line.indexOf('id="');
  // Other UTM daemons (named, dhcpd) share the UTM time stamp but log no key=value record.
  if (start < 0)
    return UTM_TIME.test(line) ? { kind: 'ignored' } : { kind: 'unknown', reason: 'not a Sophos UTM record' };
  const kv = parseKeyValues(line.slice(start));
  if (kv.get('sub') !== 'packetfilter') return kv.has('sub') ? { kind: 'ignored' } : { kind: 'unknown' };
  const src = normalizeIp(kv.get('srcip') ?? '');
  const dst = normalizeIp(kv.get('dstip') ?? '');
  if (src === null || dst === null)
    return { kind: 'unknown', reason: 'Sophos UTM packet filter record without addresses' };
  const proto = protocolName(kv.get('proto') ?? '');
  const ported = proto === 'tcp' || proto === 'udp';
  return {
    kind: 'event',
    event: makeEvent({
      time: timeOf(line),
      proto,
      src: { ip: src, port: ported ? parsePort(kv.get('srcport')) : null },
      dst: { ip: dst, port: ported ? parsePort(kv.get('dstport')) : null },
      action: actionFromWords(kv.get('action') ?? ''),
      flags: proto === 'tcp' ? parseTcpFlags(kv.get('tcpflags')) : [],
      direction: directionByAddress(src, dst) ?? null,
      iface: kv.get('initf') ?? kv.get('outitf') ?? null,
      rule: kv.get('fwrule') ?? null,
      length: intOrNull(kv.get('length')),
      message: kv.get('name') ?? null,
    }),
  };
}

export const sophosUtm: LogFamily = {
  id: 'sophos-utm',
  name: 'Sophos UTM packet filter',
  example:
    '2023:04:28-00:50:54 sophos-test-vm1 ulogd[12511]: id="2021" severity="info" sys="SecureNet" sub="packetfilter" name="Packet dropped (GEOIP)" action="drop" fwrule="60019" initf="eth6" srcip="67.43.156.2" dstip="89.160.20.129" proto="6" length="88" srcport="443" dstport="42181" tcpflags="ACK PSH"',
  sniff(line) {
    if (!line.includes('sys="') || !line.includes('sub="')) return 0;
    return line.includes('sub="packetfilter"') || UTM_TIME.test(line) ? 0.97 : 0.6;
  },
  open: stateless(parseSophosUtm),
};

import type { Direction, TimeParts } from '../model/event';
import { parseTcpFlags, protocolName } from './common';
import { intOrNull, makeEvent, splitColonEndpoint } from './endpoint';
import { stateless, type LineResult, type LogFamily } from './family';
import { actionFromWords, directionByAddress, isWanInterface } from './judge';
import { leadingTime } from './syslog-prefix';
import { monthFromName } from '../time/parts';

/*
 * MikroTik RouterOS firewall rules with log=yes (wiki.mikrotik.com "Firewall/Filter", help.mikrotik.com "Logging"):
 *   [topics] [log-prefix] chain: in:IFACE out:IFACE, [connection-state:S] src-mac MAC, proto TCP (SYN,ACK),
 *   SRC:PORT->DST:PORT, [NAT (…)->…,] len N
 * The line says nothing about the rule's verdict; only a log-prefix the user chose ("drop", "BLOCKED") can.
 * Times: RouterOS' own log "jan/15 14:30:01" (older dates) or "14:30:01" (today); remote syslog adds its header.
 */

const BODY =
  /([a-z][\w-]*): in:(.+?) out:(.+?),? (?:connection-state:(\S+?),? )?(?:src-mac ([0-9A-Fa-f:]+), )?proto ([\w-]+)(?: \(([^)]*)\))?, (\S+?)->(\S+?)(?:, NAT \S+(?: \S+)*?\)->\S+?)?(?:, len (\d+))?\s*$/;

const NATIVE_DATE = /^\s*([a-z]{3})\/(\d{1,2})(?:\/(\d{4}))? (\d{2}):(\d{2}):(\d{2})\s/;
const NATIVE_CLOCK = /^\s*(\d{2}):(\d{2}):(\d{2})\s/;

function timeOf(pre: string): TimeParts | null {
  let m = NATIVE_DATE.exec(pre);
  const month = m ? monthFromName(m[1] ?? '') : undefined;
  if (m && month !== undefined) {
    const t: TimeParts = { month, day: Number(m[2]), hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6]) };
    if (m[3] !== undefined) t.year = Number(m[3]);
    return t;
  }
  m = NATIVE_CLOCK.exec(pre);
  // RouterOS drops the date from entries of the router's today; the older lines above them keep "nov/02".
  if (m) return { hour: Number(m[1]), minute: Number(m[2]), second: Number(m[3]), today: true };
  return leadingTime(pre.replace(/^<\d{1,3}>/, ''))?.time ?? null;
}

/** The log-prefix: what stands after the "firewall,info" topics and before the chain. */
function prefixOf(pre: string): string | null {
  const tokens = pre.trim().split(/\s+/);
  const topic = tokens.findIndex((t) => /^[a-z]+(?:,[a-z]+)+$/.test(t));
  if (topic < 0) return null;
  const p = tokens
    .slice(topic + 1)
    .join(' ')
    .replace(/:$/, '');
  return p === '' ? null : p;
}

const NO_IFACE = /^\((?:unknown \d+|none)\)$/;

/**
 * RouterOS's default configuration (SOHO devices: hAP, RB951, …) makes ether1 the WAN port and bridges the other
 * ports and the wireless into the LAN. So ether1 is taken for the WAN only when the other side is such a LAN port;
 * a router with SFP or combo uplinks may use ether1 for a LAN. pppoe-out*, lte* and names with "wan" are WAN-like
 * anywhere (isWanInterface).
 */
const isRouterOsLan = (iface: string | null): boolean =>
  iface !== null && /^(?:bridge|wlan|wifi|ether(?:[2-9]|\d{2}))/.test(iface);
const isRouterOsWan = (iface: string | null, other: string | null): boolean =>
  isWanInterface(iface) || (iface === 'ether1' && isRouterOsLan(other));

export function parseMikrotik(line: string): LineResult {
  const m = BODY.exec(line);
  if (!m) return { kind: 'unknown', reason: 'not a RouterOS firewall line' };
  const pre = line.slice(0, m.index);
  const [, chain = '', inIf = '', outIf = '', connState, , protoText = '', paren = '', srcText = '', dstText = ''] = m;
  const src = splitColonEndpoint(srcText);
  const dst = splitColonEndpoint(dstText);
  if (!src || !dst) return { kind: 'unknown', reason: 'RouterOS: bad address' };
  const proto = protocolName(protoText);
  const prefix = prefixOf(pre);
  const inIface = NO_IFACE.test(inIf) ? null : inIf;
  const outIface = NO_IFACE.test(outIf) ? null : outIf;
  let direction: Direction = directionByAddress(src.ip, dst.ip) ?? null;
  if (direction === null) {
    // input = to the router itself (the user's side), output = from it; forward is judged by the WAN interface.
    if (chain === 'input' || isRouterOsWan(inIface, outIface)) direction = 'in';
    else if (chain === 'output' || isRouterOsWan(outIface, inIface)) direction = 'out';
  }
  return {
    kind: 'event',
    event: makeEvent({
      time: timeOf(pre),
      proto,
      src,
      dst,
      action: prefix ? actionFromWords(prefix) : 'unknown',
      flags: proto === 'tcp' ? parseTcpFlags(paren) : [],
      direction,
      iface: inIface ?? outIface,
      rule: prefix ?? chain,
      length: intOrNull(m[10]),
      message: [chain, connState ? `connection-state:${connState}` : '', proto === 'tcp' ? '' : paren]
        .filter((s) => s !== '')
        .join(' '),
    }),
  };
}

export const mikrotik: LogFamily = {
  id: 'mikrotik',
  name: 'MikroTik RouterOS firewall log',
  example:
    'jan/15 14:30:01 firewall,info cs-filter input: in:ether1 out:(unknown 0), src-mac 00:11:22:33:44:55, proto TCP (SYN), 185.220.101.1:45678->192.168.1.1:22, len 60',
  sniff(line) {
    if (!line.includes(' in:') || !line.includes('->') || !line.includes('proto ')) return 0;
    return BODY.test(line) ? 0.95 : 0.3;
  },
  open: stateless(parseMikrotik),
};

import type { Action, Direction } from '../model/event';
import { normalizeIp } from '../net/ip';
import { protocolName, parseTcpFlags } from './common';
import { type Endpoint, intOrNull, makeEvent } from './endpoint';
import { stateless, type LineResult, type LogFamily } from './family';
import { directionByAddress, isWanInterface } from './judge';
import { splitHeader } from './syslog-prefix';

/*
 * pfSense / OPNsense "filterlog" CSV. Field order per Netgate's "Raw Filter Log Format"
 * (docs.netgate.com/pfsense/en/latest/monitoring/raw-filter-log-format.html) and OPNsense's filterlog description.txt:
 *   rule,subrule,anchor,tracker,interface,reason,action,direction,ipversion,
 *   IPv4: tos,ecn,ttl,id,offset,flags,protoid,prototext,length,src,dst,…
 *   IPv6: class,flowlabel,hoplimit,prototext,protoid,length,src,dst,…   (text and number swap places)
 *   TCP/UDP: srcport,dstport,datalength[,tcpflags,seq,ack,window,urg,options]
 */

const CSV_START = /^\d*,\d*,[^,]*,[^,]*,[^,]*,[^,]*,[a-z]*,(?:in|out),[46],/;

function actionOf(text: string): Action {
  if (text === 'pass') return 'allow';
  if (text === 'block') return 'deny';
  if (text === 'reject') return 'reject';
  return 'unknown';
}

function csvOf(line: string): { csv: string; header: ReturnType<typeof splitHeader> | null } | null {
  if (CSV_START.test(line)) return { csv: line, header: null };
  const header = splitHeader(line);
  if (header.tag !== 'filterlog') return null;
  return { csv: header.body.trim(), header };
}

export function parseFilterlog(line: string): LineResult {
  const found = csvOf(line.trim());
  if (!found) return { kind: 'unknown', reason: 'not a filterlog line' };
  const f = found.csv.split(',');
  const [rule = '', , , tracker = '', iface = '', reason = '', actionText = '', dir = '', ipver = ''] = f;
  let protoText: string;
  let protoId: string;
  let lengthAt: number;
  if (ipver === '4') {
    protoId = f[15] ?? '';
    protoText = f[16] ?? '';
    lengthAt = 17;
  } else if (ipver === '6') {
    protoText = f[12] ?? '';
    protoId = f[13] ?? '';
    lengthAt = 14;
  } else {
    return { kind: 'unknown', reason: `filterlog: IP version ${ipver || 'missing'}` };
  }
  const srcIp = f[lengthAt + 1] ?? '';
  const dstIp = f[lengthAt + 2] ?? '';
  // pf's own name wins where it has one: protocol 112 is VRRP by number but CARP on pfSense and OPNsense, which
  // say "carp". The number serves when the text is missing.
  const proto = protoText !== '' ? protocolName(protoText) : protocolName(protoId);
  const ported = proto === 'tcp' || proto === 'udp';
  const srcEp = endpoint(srcIp, ported ? f[lengthAt + 3] : undefined);
  const dstEp = endpoint(dstIp, ported ? f[lengthAt + 4] : undefined);
  if (!srcEp || !dstEp) return { kind: 'unknown', reason: 'filterlog: bad address' };
  const flags = proto === 'tcp' ? parseTcpFlags(f[lengthAt + 6]) : [];
  const byAddress = directionByAddress(srcEp.ip, dstEp.ip);
  // pf's in/out is relative to the interface, so it only speaks for the user when the interface faces the internet.
  const direction: Direction = byAddress ?? (isWanInterface(iface) ? (dir === 'in' ? 'in' : 'out') : null);
  return {
    kind: 'event',
    event: makeEvent({
      time: found.header?.time ?? null,
      proto,
      src: srcEp,
      dst: dstEp,
      action: actionOf(actionText),
      flags,
      direction,
      iface: iface || null,
      rule: tracker || rule || null,
      length: intOrNull(f[lengthAt]),
      message: `${actionText} ${dir} on ${iface} (${reason})`,
    }),
  };
}

// filterlog fields hold bare addresses and ports in separate columns.
function endpoint(ipText: string, portText: string | undefined): Endpoint | null {
  const ip = normalizeIp(ipText);
  if (ip === null) return null;
  return { ip, port: portText === undefined ? null : intOrNull(portText) };
}

export const pfsense: LogFamily = {
  id: 'pfsense',
  name: 'pfSense / OPNsense filterlog',
  example:
    '<134>Jul  3 19:10:30 filterlog[72237]: 146,,,1535324496,igb1.12,match,block,in,4,0x0,,63,12617,0,DF,6,tcp,60,10.170.12.50,1.1.1.1,49724,853,0,S,1891286705,,64240,,mss;sackOK;TS;nop;wscale',
  sniff(line) {
    const t = line.trim();
    if (CSV_START.test(t)) return 0.85;
    if (!t.includes('filterlog')) return 0;
    const found = csvOf(t);
    return found && CSV_START.test(found.csv) ? 0.97 : 0.2;
  },
  open: stateless(parseFilterlog),
};

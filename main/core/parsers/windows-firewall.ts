import type { Action, Direction, TimeParts } from '../model/event';
import { normalizeIp } from '../net/ip';
import { parsePort, parseTcpFlags, protocolName } from './common';
import { intOrNull, makeEvent } from './endpoint';
import type { LineParser, LineResult, LogFamily } from './family';
import { directionByAddress } from './judge';

/*
 * Windows (Defender) Firewall log, pfirewall.log: W3C extended log format. The "#Fields:" header names the columns
 * (Windows 10 1809+ appends "pid"), "#Time Format:" says Local or UTC. Documented in Microsoft's "Configure Windows
 * Firewall logging"; sample rows in log2timeline/plaso test_data/firewall.log. Decoding UTF-16 is the engine's job.
 */

const DEFAULT_FIELDS = [
  'date',
  'time',
  'action',
  'protocol',
  'src-ip',
  'dst-ip',
  'src-port',
  'dst-port',
  'size',
  'tcpflags',
  'tcpsyn',
  'tcpack',
  'tcpwin',
  'icmptype',
  'icmpcode',
  'info',
  'path',
];

const ROW = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [A-Z-]+ /;

const ACTIONS: Record<string, Action> = {
  ALLOW: 'allow',
  OPEN: 'allow',
  'OPEN-INBOUND': 'allow',
  DROP: 'drop',
};

function directionOf(path: string, action: string, src: string, dst: string): Direction {
  // The log is written by the PC's own firewall, so SEND/RECEIVE is already the user's point of view.
  if (path === 'SEND') return 'out';
  if (path === 'RECEIVE' || action === 'OPEN-INBOUND') return 'in';
  // OPEN is a connection this PC opened (one opened from outside is OPEN-INBOUND), even when both ends are public.
  if (action === 'OPEN') return 'out';
  return directionByAddress(src, dst) ?? null;
}

function timeOf(date: string, clock: string, utc: boolean): TimeParts | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2}):(\d{2})$/.exec(clock);
  if (!d || !t) return null;
  const time: TimeParts = {
    year: Number(d[1]),
    month: Number(d[2]),
    day: Number(d[3]),
    hour: Number(t[1]),
    minute: Number(t[2]),
    second: Number(t[3]),
  };
  if (utc) time.offsetMinutes = 0;
  return time;
}

function openWindowsFirewall(): LineParser {
  let fields = DEFAULT_FIELDS;
  let utc = false;
  return {
    parse(raw: string): LineResult {
      const line = raw.replace(/^\uFEFF/, '').trim();
      if (line === '') return { kind: 'ignored' };
      if (line.startsWith('#')) {
        const fm = /^#Fields:\s*(.*)$/i.exec(line);
        if (fm)
          fields = (fm[1] ?? '')
            .trim()
            .split(/\s+/)
            .map((f) => f.toLowerCase());
        const tm = /^#Time Format:\s*(\w+)/i.exec(line);
        if (tm) utc = (tm[1] ?? '').toUpperCase() === 'UTC';
        return { kind: 'ignored' };
      }
      const cols = line.split(/\s+/);
      const get = (name: string): string => {
        const i = fields.indexOf(name);
        const v = i < 0 ? undefined : cols[i];
        return v === undefined || v === '-' ? '' : v;
      };
      const action = get('action').toUpperCase();
      // CLOSE repeats an OPEN line; INFO-EVENTS-LOST counts dropped log records, not packets.
      if (action === 'CLOSE' || action === 'INFO-EVENTS-LOST') return { kind: 'ignored' };
      const src = normalizeIp(get('src-ip'));
      const dst = normalizeIp(get('dst-ip'));
      if (src === null || dst === null) return { kind: 'unknown', reason: 'pfirewall.log: row without addresses' };
      const proto = protocolName(get('protocol'));
      const ported = proto === 'tcp' || proto === 'udp';
      const icmpType = get('icmptype');
      const path = get('path').toUpperCase();
      return {
        kind: 'event',
        event: makeEvent({
          time: timeOf(get('date'), get('time'), utc),
          proto,
          src: { ip: src, port: ported ? parsePort(get('src-port')) : null },
          dst: { ip: dst, port: ported ? parsePort(get('dst-port')) : null },
          action: ACTIONS[action] ?? 'unknown',
          flags: proto === 'tcp' ? parseTcpFlags(get('tcpflags')) : [],
          direction: directionOf(path, action, src, dst),
          length: intOrNull(get('size')),
          message: [action, path, icmpType ? `ICMP type ${icmpType} code ${get('icmpcode') || '?'}` : '']
            .filter((s) => s !== '')
            .join(' '),
          pid: intOrNull(get('pid')),
        }),
      };
    },
  };
}

export const windowsFirewall: LogFamily = {
  id: 'windows-firewall',
  name: 'Windows Firewall (pfirewall.log)',
  example: '2023-11-20 17:53:54 DROP TCP 192.168.10.30 34.120.208.123 61005 443 0 - 0 0 0 - - - SEND 11188',
  sniff(raw) {
    const line = raw.replace(/^\uFEFF/, '');
    if (line.startsWith('#Software: Microsoft Windows Firewall')) return 1;
    if (line.startsWith('#Fields: date time action protocol src-ip')) return 0.98;
    if (line.startsWith('#Version:') || line.startsWith('#Time Format:')) return 0.4;
    return ROW.test(line) && /\s(?:SEND|RECEIVE|FORWARD|-)(?: \d+)?$/.test(line.trimEnd()) ? 0.85 : 0;
  },
  open: openWindowsFirewall,
};

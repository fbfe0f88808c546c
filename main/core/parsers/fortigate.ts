import type { Action, Direction, TimeParts } from '../model/event';
import { normalizeIp } from '../net/ip';
import { parsePort, protocolName } from './common';
import { makeEvent } from './endpoint';
import { stateless, type LineResult, type LogFamily } from './family';
import { directionByAddress, isWanInterface } from './judge';
import { parseKeyValues } from './kv';

/*
 * FortiGate (FortiOS) key=value log, per Fortinet's "FortiOS Log Message Reference": every record starts with
 * date= time= and, since FortiOS 6.2, may carry tz="+0900". Traffic records (type="traffic") are connections;
 * event/utm records are not. action="deny" is a policy block; accept/close/timeout/server-rst/client-rst describe
 * how an allowed session ended.
 */

const SESSION_ENDS = new Set(['accept', 'close', 'timeout', 'server-rst', 'client-rst', 'start', 'dns', 'ip-conn']);

function actionOf(a: string): Action {
  if (a === 'deny' || a === 'block') return 'deny';
  if (a === 'drop') return 'drop';
  if (a === 'reject') return 'reject';
  return SESSION_ENDS.has(a) ? 'allow' : 'unknown';
}

function timeOf(date: string, clock: string, tz: string | undefined): TimeParts | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{1,2}):(\d{2}):(\d{2})$/.exec(clock);
  if (!d || !t) return null;
  const time: TimeParts = {
    year: Number(d[1]),
    month: Number(d[2]),
    day: Number(d[3]),
    hour: Number(t[1]),
    minute: Number(t[2]),
    second: Number(t[3]),
  };
  const z = tz === undefined ? null : /^([+-])(\d{2}):?(\d{2})$/.exec(tz);
  if (z) time.offsetMinutes = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3]));
  return time;
}

export function parseFortigate(line: string): LineResult {
  const start = line.indexOf('date=');
  if (start < 0) return { kind: 'unknown', reason: 'not a FortiGate record' };
  const kv = parseKeyValues(line.slice(start));
  if (kv.get('type') !== 'traffic') return kv.has('logid') ? { kind: 'ignored' } : { kind: 'unknown' };
  const src = normalizeIp(kv.get('srcip') ?? '');
  const dst = normalizeIp(kv.get('dstip') ?? '');
  if (src === null || dst === null) return { kind: 'unknown', reason: 'FortiGate traffic record without addresses' };
  const proto = protocolName(kv.get('proto') ?? '');
  const ported = proto === 'tcp' || proto === 'udp';
  const srcRole = kv.get('srcintfrole');
  const dstRole = kv.get('dstintfrole');
  const srcIntf = kv.get('srcintf') ?? null;
  const dstIntf = kv.get('dstintf') ?? null;
  let direction: Direction = null;
  if (srcRole === 'wan' && dstRole !== 'wan') direction = 'in';
  else if (dstRole === 'wan' && srcRole !== 'wan') direction = 'out';
  else
    direction =
      directionByAddress(src, dst) ?? (isWanInterface(srcIntf) ? 'in' : isWanInterface(dstIntf) ? 'out' : null);
  const action = kv.get('action') ?? '';
  return {
    kind: 'event',
    event: makeEvent({
      time: timeOf(kv.get('date') ?? '', kv.get('time') ?? '', kv.get('tz')),
      proto,
      src: { ip: src, port: ported ? parsePort(kv.get('srcport')) : null },
      dst: { ip: dst, port: ported ? parsePort(kv.get('dstport')) : null },
      action: actionOf(action),
      direction,
      iface: srcIntf,
      rule: kv.get('policyname') ?? kv.get('policyid') ?? null,
      message: kv.get('msg') ?? `${kv.get('subtype') ?? 'traffic'} ${action}`.trim(),
    }),
  };
}

export const fortigate: LogFamily = {
  id: 'fortigate',
  name: 'Fortinet FortiGate',
  example:
    'date=2019-05-10 time=11:37:47 logid="0000000013" type="traffic" subtype="forward" level="notice" vd="vdom1" srcip=10.1.100.11 srcport=58012 srcintf="port12" dstip=81.2.69.142 dstport=80 dstintf="port11" proto=6 action="close" policyid=1',
  sniff(line) {
    const d = line.indexOf('date=');
    if (d < 0 || !line.includes(' time=', d)) return 0;
    if (/\blogid="?\d{10}"?/.test(line)) return 0.97;
    return /\b(?:devname|devid|srcintf|vd)=/.test(line) ? 0.8 : 0.1;
  },
  open: stateless(parseFortigate),
};

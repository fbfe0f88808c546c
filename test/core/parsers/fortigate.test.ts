import { describe, expect, it } from 'vitest';
import { fortigate } from '../../../main/core/parsers/fortigate';
import { eventOf, fixtureLines, parseLines } from './fixture';

const lines = fixtureLines('logs/fortigate.log');

describe('FortiGate key=value', () => {
  const results = parseLines(fortigate, lines);

  it('reads a forward traffic record', () => {
    expect(eventOf(results[0])).toEqual({
      time: { year: 2019, month: 5, day: 10, hour: 11, minute: 37, second: 47 },
      proto: 'tcp',
      src: '10.1.100.11',
      sport: 58012,
      dst: '81.2.69.142',
      dport: 80,
      action: 'allow',
      flags: [],
      direction: 'out',
      iface: 'port12',
      rule: '1',
      length: null,
      message: 'forward close',
      state: null,
      pid: null,
      process: null,
    });
  });

  it('applies tz="-0800" as the stated offset', () => {
    expect(eventOf(results[1]).time).toEqual({
      year: 2021,
      month: 1,
      day: 26,
      hour: 15,
      minute: 51,
      second: 37,
      offsetMinutes: -480,
    });
  });

  it('reads a policy deny behind a <PRI> with its message', () => {
    const e = eventOf(results[2]);
    expect([e.action, e.message, e.time?.offsetMinutes, e.rule]).toEqual([
      'deny',
      'Denied by forward policy check (policy 0)',
      60,
      '0',
    ]);
  });

  it('prints nothing for event (non-traffic) records and reads UDP multicast', () => {
    expect(results[3]).toEqual({ kind: 'ignored' });
    const e = eventOf(results[4]);
    expect([e.proto, e.dport, e.direction]).toEqual(['udp', 7878, null]);
  });

  it('uses the WAN interface role for direction', () => {
    const r = parseLines(fortigate, [
      'date=2024-12-16 time=18:23:00 logid="0000000013" type="traffic" subtype="forward" level="warning" vd="root" srcip=23.1.2.3 srcport=443 srcintf="wan1" srcintfrole="wan" dstip=203.0.113.7 dstport=51234 dstintf="port5" dstintfrole="lan" proto=6 action="deny" policyid=0',
    ]);
    expect(eventOf(r[0]).direction).toBe('in');
  });
});

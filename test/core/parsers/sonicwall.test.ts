import { describe, expect, it } from 'vitest';
import { sonicwall } from '../../../main/core/parsers/sonicwall';
import { eventOf, fixtureLines, parseLines } from './fixture';

const lines = fixtureLines('logs/sonicwall.log');

describe('SonicWall', () => {
  const results = parseLines(sonicwall, lines);

  it('reads a Connection Opened record with the device time, not the relay time', () => {
    expect(eventOf(results[0])).toEqual({
      time: { year: 2022, month: 4, day: 29, hour: 10, minute: 5, second: 12 },
      proto: 'tcp',
      src: '172.16.2.2',
      sport: 4522,
      dst: '81.2.69.143',
      dport: 443,
      action: 'allow',
      flags: [],
      direction: 'out',
      iface: 'X0',
      rule: null,
      length: null,
      message: 'Connection Opened',
      state: null,
      pid: null,
      process: null,
    });
  });

  it('prints nothing for Connection Closed (it repeats Connection Opened)', () => {
    expect(results[1]).toEqual({ kind: 'ignored' });
  });

  it('reads drops arriving from the internet, ICMP without proto= included', () => {
    const xmas = eventOf(results[2]);
    expect([xmas.action, xmas.direction, xmas.src, xmas.dport]).toEqual(['drop', 'in', '175.16.199.1', 81]);
    const icmp = eventOf(results[3]);
    expect([icmp.proto, icmp.action, icmp.direction, icmp.sport, icmp.iface]).toEqual([
      'icmp',
      'drop',
      'in',
      null,
      'WAN',
    ]);
  });

  it('takes IPv6 addresses from srcV6=/dstV6=', () => {
    const e = eventOf(results[4]);
    expect([e.src, e.sport, e.dst, e.dport]).toEqual(['2a02:cf40:add:4002:91f2:a9b2:e09a:6fc6', 28503, '::1', null]);
  });

  it('reads " UTC" times as offset 0 and ignores device events without a protocol', () => {
    expect(eventOf(results[5]).time?.offsetMinutes).toBe(0);
    expect(results[6]).toEqual({ kind: 'ignored' });
  });
});

import { describe, expect, it } from 'vitest';
import { zyxel } from '../../../main/core/parsers/zyxel';
import { event, fixtureLines, parse } from './helpers';

const lines = fixtureLines('zyxel.log');

describe('zyxel family', () => {
  it('reads a ZyNOS filter log with hexadecimal ports and the F(orward) action', () => {
    expect(event(zyxel, lines[0] ?? '')).toEqual({
      time: { month: 7, day: 19, hour: 14, minute: 44, second: 9 },
      proto: 'udp',
      src: '202.132.154.1',
      sport: 0x35,
      dst: '192.168.1.33',
      dport: 0x5d4,
      action: 'allow',
      flags: [],
      direction: 'in',
      rule: 'S03>R01mF',
    });
  });

  it.each([
    [1, { proto: 'icmp', sport: null, dport: null, direction: 'out' }],
    // A broadcast destination is on the user's side, so a public source makes it inbound.
    [2, { sport: 520, dport: 520, dst: '255.255.255.255', direction: 'in' }],
  ] as const)('ZyNOS line %i', (i, expected) => {
    expect(event(zyxel, lines[i] ?? '')).toMatchObject(expected);
  });

  it('reads USG FLEX key="value" lines', () => {
    expect(event(zyxel, lines[5] ?? '')).toMatchObject({
      time: { year: 2026, month: 5, day: 22, hour: 17, minute: 24, second: 8 },
      src: '157.230.49.33',
      sport: 11031,
      dst: '193.149.142.45',
      dport: 23,
      action: 'drop',
      rule: 'Security Policy Control',
      message: 'Match default rule DROP',
    });
    expect(event(zyxel, lines[3] ?? '')).toMatchObject({
      action: 'allow',
      proto: 'tcp',
      direction: 'out',
      iface: 'P5-Phones',
      dport: 443,
    });
    expect(event(zyxel, lines[4] ?? '')).toMatchObject({ action: 'drop', src: '0.0.0.0', sport: 68 });
  });

  it('ignores non-filter categories such as VPN keepalives', () => {
    expect(parse(zyxel, lines[6] ?? '')).toEqual({ kind: 'ignored' });
  });
});

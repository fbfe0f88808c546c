import { describe, expect, it } from 'vitest';
import { macosAlf } from '../../../main/core/parsers/macos-alf';
import { eventOf, fixtureLines, parseLines } from './fixture';

const lines = fixtureLines('logs/macos-alf.log');

describe('macOS Application Firewall', () => {
  const results = parseLines(macosAlf, lines);

  it('recognises per-app summaries without addresses as non-events', () => {
    expect(results.slice(0, 4).map((r) => r.kind)).toEqual(['ignored', 'ignored', 'ignored', 'ignored']);
  });

  it('reads the stealth-mode message, destination first', () => {
    expect(eventOf(results[4])).toEqual({
      time: { month: 8, day: 2, hour: 18, minute: 59, second: 38 },
      proto: 'tcp',
      src: '89.139.144.18',
      sport: 80,
      dst: '70.165.138.163',
      dport: 56266,
      action: 'drop',
      flags: [],
      direction: 'in',
      iface: null,
      rule: null,
      length: null,
      message: 'Stealth Mode connection attempt',
      state: null,
      pid: null,
      process: null,
    });
  });

  it('reads old ipfw deny lines', () => {
    const e = eventOf(results[5]);
    expect([e.proto, e.src, e.sport, e.dst, e.dport, e.action, e.direction, e.iface, e.rule]).toEqual([
      'udp',
      '218.175.227.60',
      35319,
      '70.165.138.163',
      55118,
      'drop',
      'in',
      'en0',
      '35000',
    ]);
  });
});

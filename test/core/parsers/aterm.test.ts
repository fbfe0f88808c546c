import { describe, expect, it } from 'vitest';
import { aterm } from '../../../main/core/parsers/aterm';
import { event, fixtureLines, parse } from './helpers';

describe('NEC Aterm family', () => {
  it('keeps the published masked lines unknown', () => {
    for (const line of fixtureLines('aterm.log')) expect(parse(aterm, line).kind).toBe('unknown');
  });

  it('reads a Refused NATe line (published format, documentation addresses)', () => {
    const e = event(
      aterm,
      '2001/12/01 23:34:56 Refused NATe P:6(TCP) SRC:23.45.6.7 DST:192.168.0.2  SPORT:80 (HTTP) DPORT:63606 (unknown)',
    );
    expect(e).toEqual({
      time: { year: 2001, month: 12, day: 1, hour: 23, minute: 34, second: 56 },
      proto: 'tcp',
      src: '23.45.6.7',
      sport: 80,
      dst: '192.168.0.2',
      dport: 63606,
      action: 'drop',
      flags: [],
      direction: 'in',
      message: 'Refused NATe',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { connectionLine } from '../../../main/core/parsers/connection-line';
import { event, fixtureLines, parse } from './helpers';

const lines = fixtureLines('connection-rejected.log');

describe('"connection rejected" line family', () => {
  it('leaves the published masked lines unknown', () => {
    for (const line of lines) expect(parse(connectionLine, line).kind).toBe('unknown');
  });

  // The published sentence with documentation addresses in place of the user's masking.
  it.each([
    [
      'UDP connection rejected from 203.0.113.9:3478 to 192.168.1.10:61234',
      {
        proto: 'udp',
        src: '203.0.113.9',
        sport: 3478,
        dst: '192.168.1.10',
        dport: 61234,
        action: 'reject',
        direction: 'in',
        time: null,
      },
    ],
    [
      'FIREWALL UDP connection denied from 192.168.1.20:5353 to 192.168.1.30:5353',
      {
        action: 'deny',
        direction: null,
        message: 'FIREWALL UDP connection denied from 192.168.1.20:5353 to 192.168.1.30:5353',
      },
    ],
    [
      '2024/11/21 午後3:04:05 TCP connection rejected from [2001:db8::1]:443 to [2001:db8:2::5]:50000',
      {
        proto: 'tcp',
        src: '2001:db8::1',
        dport: 50000,
        time: { year: 2024, month: 11, day: 21, hour: 15, minute: 4, second: 5 },
      },
    ],
    [
      'Nov 21 09:14:03 router UDP connection rejected from 23.32.1.1:443 to 192.168.0.3:49152',
      { time: { month: 11, day: 21, hour: 9, minute: 14, second: 3 }, sport: 443, direction: 'in' },
    ],
  ] as const)('%s', (line, expected) => {
    expect(event(connectionLine, line)).toMatchObject(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { yamaha } from '../../../main/core/parsers/yamaha';
import { event, fixtureLines, parse } from './helpers';

const lines = fixtureLines('yamaha.log');

describe('yamaha family', () => {
  it('keeps the published (masked) lines as unknown instead of guessing addresses', () => {
    for (const line of lines) expect(parse(yamaha, line).kind).toBe('unknown');
  });

  // The published lines above with RFC 5737 documentation addresses where their authors masked them.
  it('reads an INSPECT line: a session the dynamic filter let out, timed by its own stamp', () => {
    const e = event(
      yamaha,
      '<13> [INSPECT] LAN2[out][200102] TCP 192.0.2.10:40980 > 198.51.100.80:80 (2012/06/19 10:10:44)',
    );
    expect(e).toEqual({
      time: { year: 2012, month: 6, day: 19, hour: 10, minute: 10, second: 44 },
      proto: 'tcp',
      src: '192.0.2.10',
      sport: 40980,
      dst: '198.51.100.80',
      dport: 80,
      action: 'allow',
      flags: [],
      // Both documentation addresses are public: LAN2 is a WAN-side port, [out] leaves toward the internet.
      direction: 'out',
      iface: 'LAN2',
      rule: '200102',
      message: 'INSPECT',
    });
  });

  it('reads a Rejected-at-IN filter line as an inbound drop with the filter number', () => {
    const e = event(yamaha, 'TUNNEL[1] Rejected at IN(300) filter: UDP 203.0.113.5:67 > 192.168.100.1:68');
    expect(e).toMatchObject({
      proto: 'udp',
      src: '203.0.113.5',
      sport: 67,
      dst: '192.168.100.1',
      dport: 68,
      action: 'drop',
      direction: 'in',
      iface: 'TUNNEL[1]',
      rule: '300',
      time: null,
    });
  });

  it('reads the show-log time prefix and IPv6 endpoints printed as address.port', () => {
    const e = event(
      yamaha,
      '2026/09/06 12:33:02: [INSPECT] LAN2[out][31] TCP 2001:db8::10.56609 > 2001:db8:1::443.443 (2026/09/06 12:33:02)',
    );
    expect(e).toMatchObject({ src: '2001:db8::10', sport: 56609, dst: '2001:db8:1::443', dport: 443 });
    expect(e.time).toEqual({ year: 2026, month: 9, day: 6, hour: 12, minute: 33, second: 2 });
  });

  it('ignores other Yamaha syslog lines', () => {
    expect(parse(yamaha, '2026/10/06 12:00:00: IP Tunnel[1] Up')).toEqual({ kind: 'ignored' });
  });
});

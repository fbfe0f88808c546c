import { describe, expect, it } from 'vitest';
import { lancom } from '../../../main/core/parsers/lancom';
import { peplink } from '../../../main/core/parsers/peplink';
import { eventOf, fixtureLines, parseLines } from './fixture';

describe('LANCOM PACKET_ALERT', () => {
  const results = parseLines(lancom, fixtureLines('logs/lancom.log'));

  it('reads the manual example, destination first in the text', () => {
    expect(eventOf(results[0])).toEqual({
      time: null,
      proto: 'tcp',
      src: '10.0.0.37',
      sport: 4353,
      dst: '192.168.200.10',
      dport: 80,
      action: 'drop',
      flags: [],
      direction: null,
      iface: null,
      rule: null,
      length: null,
      message: 'port filter',
      state: null,
      pid: null,
      process: null,
    });
  });

  it('prints nothing for the PACKET_INFO follow-up lines', () => {
    expect(results.slice(1)).toEqual([{ kind: 'ignored' }, { kind: 'ignored' }]);
  });
});

describe('Peplink firewall event', () => {
  const results = parseLines(peplink, fixtureLines('logs/peplink.log'));

  it('reads the manual example', () => {
    const e = eventOf(results[0]);
    expect([e.time, e.proto, e.src, e.sport, e.dst, e.dport, e.action, e.direction, e.iface, e.length]).toEqual([
      { month: 8, day: 13, hour: 23, minute: 47, second: 44 },
      'tcp',
      '20.3.2.1',
      2260,
      '192.168.1.20',
      80,
      'deny',
      'in',
      'WAN1',
      48,
    ]);
  });

  it('keeps a connection name with a space', () => {
    expect(eventOf(results[1]).iface).toBe('Ethernet WAN');
  });
});

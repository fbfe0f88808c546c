import { describe, expect, it } from 'vitest';
import { generic } from '../../../main/core/parsers/generic';
import { event, fixtureLines, parse } from './helpers';

const lines = fixtureLines('generic.log');

describe('generic fallback', () => {
  it('reads two address:port pairs and a verdict word', () => {
    expect(event(generic, lines[0] ?? '')).toEqual({
      time: { month: 4, day: 17, hour: 0, minute: 32, second: 31 },
      proto: 'tcp',
      src: '192.168.25.3',
      sport: 2351,
      dst: '172.16.50.3',
      dport: 111,
      action: 'reject',
      flags: ['SYN'],
      direction: null,
      message:
        'Packet log: input REJECT eth0 PROTO=6 192.168.25.3:2351 172.16.50.3:111 L=60 S=0x00 I=45086 F=0x4000 T=45 SYN (#8)',
    });
    expect(event(generic, lines[1] ?? '')).toMatchObject({
      action: 'reject',
      src: '12.75.147.174',
      dport: 23,
      proto: 'tcp',
    });
  });

  it('understands Japanese verdicts and bracketed IPv6', () => {
    expect(event(generic, '[2001:db8::5]:443 → [2001:db8:1::9]:51000 UDP 破棄')).toMatchObject({
      action: 'drop',
      proto: 'udp',
      src: '2001:db8::5',
      dst: '2001:db8:1::9',
    });
  });

  it('refuses lines without a verdict or without two endpoints, and sniffs low', () => {
    expect(parse(generic, 'connect 192.0.2.1:80 198.51.100.2:443').kind).toBe('unknown');
    expect(parse(generic, 'blocked 192.0.2.1:80').kind).toBe('unknown');
    expect(generic.sniff(lines[0] ?? '')).toBe(0.2);
    expect(generic.sniff('no addresses here, blocked')).toBe(0);
  });
});

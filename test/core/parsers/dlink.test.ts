import { describe, expect, it } from 'vitest';
import { dlink } from '../../../main/core/parsers/dlink';
import { event, fixtureLines } from './helpers';

const lines = fixtureLines('dlink.log');

describe('dlink family', () => {
  it('reads "no active connection" drops with the flags the router names and its own clock', () => {
    expect(event(dlink, lines[2] ?? '')).toEqual({
      time: { year: 2006, month: 9, day: 17, hour: 8, minute: 18, second: 54 },
      proto: 'tcp',
      src: '192.168.0.200',
      sport: 139,
      dst: '192.168.88.1',
      dport: 2536,
      action: 'drop',
      flags: ['SYN', 'ACK'],
      direction: 'out',
      message: 'no active connection (SYN:ACK)',
    });
  });

  it('reads spoofing drops without ports', () => {
    expect(event(dlink, lines[0] ?? '')).toMatchObject({
      src: '192.168.88.1',
      dst: '64.12.29.72',
      sport: null,
      dport: null,
      action: 'drop',
      direction: 'out',
      message: 'IP address spoofing',
    });
    expect(event(dlink, lines[1] ?? '')).toMatchObject({ direction: null });
  });
});

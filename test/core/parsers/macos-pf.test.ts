import { describe, expect, it } from 'vitest';
import { macosPf } from '../../../main/core/parsers/macos-pf';
import { eventOf, fixtureLines, parseLines } from './fixture';

const lines = fixtureLines('logs/pf.log');

describe('pf log printed by tcpdump', () => {
  const results = parseLines(macosPf, lines);

  it('reads the OpenBSD -ttt stamp and old-style TCP flags', () => {
    expect(eventOf(results[0])).toEqual({
      time: { month: 3, day: 30, hour: 15, minute: 47, second: 5, millisecond: 522 },
      proto: 'tcp',
      src: '127.0.0.1',
      sport: 48784,
      dst: '127.0.0.1',
      dport: 23,
      action: 'deny',
      flags: ['SYN'],
      direction: 'in',
      iface: 'lo0',
      rule: '4',
      length: null,
      message: 'block in on lo0 (match)',
      state: null,
      pid: null,
      process: null,
    });
  });

  it('takes the packet time, not the syslog relay time, and reads "ack" as ACK', () => {
    const e = eventOf(results[1]);
    expect(e.time).toEqual({ month: 3, day: 30, hour: 15, minute: 32, second: 33, millisecond: 483 });
    expect([e.flags, e.action, e.direction, e.src, e.sport]).toEqual([
      ['ACK', 'PSH'],
      'allow',
      'in',
      '140.211.166.3',
      6667,
    ]);
  });

  it('reads UDP, truncated TCP, IGMP without ports, and application-decoded UDP', () => {
    expect([eventOf(results[2]).proto, eventOf(results[2]).dport]).toEqual(['udp', 1030]);
    const trunc = eventOf(results[3]);
    expect([trunc.proto, trunc.time, trunc.dport]).toEqual([
      'tcp',
      { month: 2, day: 16, hour: 16, minute: 43, second: 20 },
      139,
    ]);
    const igmp = eventOf(results[4]);
    expect([igmp.proto, igmp.sport, igmp.dst]).toEqual(['igmp', null, '224.0.0.22']);
    const ntp = eventOf(results[5]);
    expect([ntp.proto, ntp.dport, ntp.direction]).toEqual(['udp', 123, 'out']);
  });

  it('reads current tcpdump ("rule 10/0(match):", "Flags [S]") and treats macOS -ttt deltas as no time', () => {
    const e = eventOf(results[6]);
    expect([e.time, e.proto, e.flags, e.rule, e.iface, e.dport]).toEqual([null, 'tcp', ['SYN'], '10', 'en0', 22]);
    const udp = eventOf(results[7]);
    expect([udp.time, udp.proto, udp.direction]).toEqual([null, 'udp', 'out']);
  });

  it('keeps time of day when the first bare stamp is not zero (tcpdump without -ttt)', () => {
    const r = parseLines(macosPf, [
      '09:14:03.000100 rule 0/0(match): block in on en0: 23.1.2.3.443 > 192.168.1.2.51234: Flags [R.], seq 1, ack 1, win 0, length 0',
    ]);
    const e = eventOf(r[0]);
    expect([e.time, e.flags, e.direction]).toEqual([
      { hour: 9, minute: 14, second: 3, millisecond: 0 },
      ['ACK', 'RST'],
      'in',
    ]);
  });

  it('reads IPv6 addresses with the port after the last dot', () => {
    const r = parseLines(macosPf, [
      ' 00:00:00.000000 rule 1/0(match): block in on en0: 2001:db8::1.443 > 2001:db8::2.51234: Flags [F.], seq 1, ack 1, win 0, length 0',
    ]);
    const e = eventOf(r[0]);
    expect([e.src, e.sport, e.dst, e.dport]).toEqual(['2001:db8::1', 443, '2001:db8::2', 51234]);
  });
});

import { describe, expect, it } from 'vitest';
import { netgear } from '../../../main/core/parsers/netgear';
import { event, fixtureLines, parse } from './helpers';

const lines = fixtureLines('netgear.log');

describe('netgear family', () => {
  it('reads an ACK Scan as a dropped inbound lone ACK from the source port', () => {
    expect(event(netgear, lines[0] ?? '')).toEqual({
      time: { year: 2016, month: 2, day: 22, hour: 4, minute: 42, second: 22 },
      proto: 'tcp',
      src: '195.179.119.177',
      sport: 80,
      dst: '',
      dport: null,
      action: 'drop',
      flags: ['ACK'],
      direction: 'in',
      message: 'DoS Attack: ACK Scan',
    });
  });

  it.each([
    [4, { flags: ['SYN', 'ACK'], sport: 80, src: '68.40.255.235', proto: 'tcp' }],
    [5, { flags: ['RST'], sport: 443, src: '108.160.172.237' }],
    // Chargen names no TCP flags and may be TCP or UDP.
    [6, { flags: [], proto: 'unknown', sport: 57022 }],
    [14, { flags: ['SYN', 'ACK'], time: { year: 2017, month: 4, day: 1, hour: 22, minute: 12, second: 34 } }],
  ] as const)('DoS line %i', (i, expected) => {
    expect(event(netgear, lines[i] ?? '')).toMatchObject({ action: 'drop', direction: 'in', ...expected });
  });

  it.each([
    [8, { src: '77.247.108.110', sport: 55413, dst: '10.0.0.5', dport: 443 }],
    [
      10,
      { src: '11.22.33.123', dport: 59018, time: { year: 2021, month: 5, day: 7, hour: 0, minute: 37, second: 22 } },
    ],
    [12, { src: '178.151.23.164', dst: '192.168.0.112', dport: 445, time: { year: 2012, month: 1, day: 27 } }],
    [13, { src: '81.13.90.74', sport: 2701, dst: '10.0.0.101' }],
  ] as const)('LAN access from remote line %i is an allowed inbound connection', (i, expected) => {
    expect(event(netgear, lines[i] ?? '')).toMatchObject({ action: 'allow', direction: 'in', ...expected });
  });

  it('ignores router housekeeping entries', () => {
    for (const i of [1, 2, 3, 7, 9, 11]) expect(parse(netgear, lines[i] ?? '')).toEqual({ kind: 'ignored' });
  });

  it('reads the syslog form whose time is in the syslog header', () => {
    // Built from the format string in NETGEAR's GPL ipt_DLOG.c: "[DoS attack: %s] from source: %u.%u.%u.%u:%hu".
    const e = event(netgear, 'Nov 21 09:14:03 192.168.1.1 [DoS attack: RST Scan] from source: 23.45.6.7:443');
    expect(e).toMatchObject({
      time: { month: 11, day: 21, hour: 9, minute: 14, second: 3 },
      src: '23.45.6.7',
      sport: 443,
      flags: ['RST'],
    });
    expect(e.time?.year).toBeUndefined();
  });

  it('sniffs its lines high and netfilter lines at zero', () => {
    for (const line of lines) expect(netgear.sniff(line)).toBeGreaterThanOrEqual(0.7);
    expect(
      netgear.sniff(
        'Mar  8 21:16:30 ubnt kernel: [WAN_LOCAL-default-D]IN=eth0 OUT= SRC=55.177.77.154 DST=44.10.100.101',
      ),
    ).toBe(0);
  });
});

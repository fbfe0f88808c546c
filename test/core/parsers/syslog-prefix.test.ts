import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leadingTime, splitHeader, splitHeaderUncached } from '../../../main/core/parsers/syslog-prefix';

describe('splitHeader', () => {
  it.each([
    [
      'Nov 21 09:14:03 host kernel: [12345.678] [UFW BLOCK] IN=eth0',
      {
        time: { month: 11, day: 21, hour: 9, minute: 14, second: 3 },
        host: 'host',
        tag: 'kernel',
        uptime: true,
        body: '[UFW BLOCK] IN=eth0',
      },
    ],
    [
      '<4>Jan  5 20:17:05 MainFirewall kernel: [LAN_LOCAL-default-A]IN=eth0.90',
      {
        time: { month: 1, day: 5, hour: 20, minute: 17, second: 5 },
        host: 'MainFirewall',
        tag: 'kernel',
        body: '[LAN_LOCAL-default-A]IN=eth0.90',
      },
    ],
    // ASUSWRT writes no host.
    ['Oct 12 20:24:53 kernel: DROP IN=eth0', { host: null, tag: 'kernel', body: 'DROP IN=eth0' }],
    // OpenWrt logread: ctime with year, facility.level, tag.
    [
      'Mon Mar 23 13:16:49 2026 kern.warn kernel: [311423.870453] reject wan in: IN=eth1',
      {
        time: { year: 2026, month: 3, day: 23, hour: 13, minute: 16, second: 49 },
        host: 'kern.warn',
        tag: 'kernel',
        body: 'reject wan in: IN=eth1',
      },
    ],
    // RFC 3339 with fraction and offset.
    [
      '2018-02-14T22:36:37.851865+01:00 HOSTNAME kernel: x',
      {
        time: { year: 2018, month: 2, day: 14, hour: 22, minute: 36, second: 37, millisecond: 851, offsetMinutes: 60 },
        tag: 'kernel',
        body: 'x',
      },
    ],
    // RFC 5424: HOSTNAME APP-NAME PROCID MSGID SD.
    [
      '<134>1 2024-06-15T07:30:15.000Z fw-1 kernel - - - ACCEPT IN=eth0 OUT=eth1',
      {
        time: { year: 2024, month: 6, day: 15, hour: 7, minute: 30, second: 15, millisecond: 0, offsetMinutes: 0 },
        host: 'fw-1',
        tag: 'kernel',
        body: 'ACCEPT IN=eth0 OUT=eth1',
      },
    ],
    // BSD header with a year after the clock (ZyXEL USG).
    [
      '<142>May 22 17:24:08 2026 usgflex700h src="1"',
      {
        time: { year: 2026, month: 5, day: 22, hour: 17, minute: 24, second: 8 },
        tag: null,
        body: 'usgflex700h src="1"',
      },
    ],
    // Without a tag nothing after the time is taken: it may be the message itself.
    [
      'Nov 21 09:14:03 UDP connection rejected from x',
      { tag: null, host: null, body: 'UDP connection rejected from x' },
    ],
    ['[ 1732.118004] reject wan in: IN=wan0', { time: null, uptime: true, body: 'reject wan in: IN=wan0' }],
    [
      '2012/06/19 10:10:44: [INSPECT] x',
      { time: { year: 2012, month: 6, day: 19, hour: 10, minute: 10, second: 44 }, body: '[INSPECT] x' },
    ],
    [
      '2024年11月21日 午後3:04 UDP x',
      { time: { year: 2024, month: 11, day: 21, hour: 15, minute: 4, second: 0 }, body: 'UDP x' },
    ],
    ['no header here', { time: null, host: null, tag: null, uptime: false, body: 'no header here' }],
  ] as const)('%s', (line, expected) => {
    expect(splitHeader(line)).toMatchObject(expected);
  });

  it('states no year or offset the line does not state', () => {
    const t = leadingTime('Feb  4 23:33:37 x')?.time;
    expect(t).toEqual({ month: 2, day: 4, hour: 23, minute: 33, second: 37 });
  });
});

describe('splitHeader memo (consecutive lines sharing a header)', () => {
  const FIXTURES = join(__dirname, '../../fixtures');
  const fixtureLines = (): string[] =>
    ['logs', 'scenarios']
      .flatMap((d) => readdirSync(join(FIXTURES, d)).map((f) => join(FIXTURES, d, f)))
      .filter((f) => f.endsWith('.log'))
      .flatMap((f) => readFileSync(f, 'utf8').split(/\r?\n/));

  // Each line is read through the memo left by the line before it, then by the full reading (which remembers this
  // line's header), then through the memo again: all three must agree.
  const agreesLineByLine = (lines: string[]): void => {
    for (const line of lines) {
      const afterPrevious = splitHeader(line);
      const reference = splitHeaderUncached(line);
      expect(afterPrevious, line).toEqual(reference);
      expect(splitHeader(line), line).toEqual(reference);
    }
  };

  it('reads every fixture line exactly as the full reading does', () => {
    const lines = fixtureLines();
    expect(lines.length).toBeGreaterThan(500);
    agreesLineByLine(lines);
  });

  it('does not carry a header over to a line that only starts like it', () => {
    const base = 'Nov  1 00:00:00 router kernel: ';
    const sequences = [
      // Same header, then: no tag at all, an RFC 5424-looking third token, extra spaces, a tab, trailing text only.
      [`${base}[1.0] DROP IN=eth0`, 'Nov  1 00:00:00 DROP IN=eth0 OUT='],
      [`${base}[1.0] DROP IN=eth0`, `${base}123 msgid - body`],
      [`${base}[1.0] DROP IN=eth0`, `${base}  [2.0] two spaces`],
      [`${base}[1.0] DROP IN=eth0`, 'Nov  1 00:00:00 router kernel:\t[2.0] tab'],
      [`${base}[1.0] DROP IN=eth0`, 'Nov  1 00:00:00 router kernel: '],
      [`${base}[1.0] DROP IN=eth0`, ` ${base}[2.0] leading space`],
      [`${base}[1.0] DROP IN=eth0`, `${base}- - [x] five-four-two-four`],
      ['<4>Nov  1 00:00:00 router kernel: a', '<4>Nov  1 00:00:00 router kernel: 12 b c [d] e'],
    ];
    for (const lines of sequences) agreesLineByLine(lines);
  });

  it('hands out a fresh time object for each line', () => {
    const a = splitHeader('Nov  1 00:00:00 router kernel: one');
    const b = splitHeader('Nov  1 00:00:00 router kernel: two');
    expect(b.body).toBe('two');
    expect(b.time).toEqual(a.time);
    expect(b.time).not.toBe(a.time);
  });
});

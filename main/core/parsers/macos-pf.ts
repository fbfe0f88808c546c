import type { Action, Direction, Protocol, TcpFlag, TimeParts } from '../model/event';
import { parseTcpFlags } from './common';
import { makeEvent, splitDotEndpoint } from './endpoint';
import type { LineParser, LineResult, LogFamily } from './family';
import { directionByAddress } from './judge';
import { leadingTime } from './syslog-prefix';
import { monthFromName } from '../time/parts';

/*
 * pf packet log as tcpdump prints it: `tcpdump -n -e -ttt -r /var/log/pflog` (pflogd(8)). The pflog header comes from
 * tcpdump's print-pflog.c: older builds print "rule 4/(match) block in on xl0:", current ones "rule 10/0(match):
 * block in on en0:". TCP flags are "Flags [S.]" now and "S 123:123(0) … ack" in old builds.
 * -ttt means "Mon DD hh:mm:ss.us" on OpenBSD but a delta since the previous packet on macOS/tcpdump.org, which
 * starts at 00:00:00.000000; a file whose first stamp is that zero is read as deltas (no absolute time).
 */

const HEAD =
  /rule ([^\s/]+)\/(\d*)\(([a-z-]+)\):? (pass|block|match|scrub|nat|rdr|binat) (in|out|in\/out) on ([^\s:]+): (\S+) > (\S+?):(?:\s+|$)(.*)$/;

const ISO_END = /(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?\s*$/;
const BSD_END = /([A-Z][a-z]{2}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?\s*$/;
const CLOCK_END = /(?:^|\s)(\d{2}):(\d{2}):(\d{2})\.(\d{6})\s*$/;

function ms(f: string | undefined): number | undefined {
  return f === undefined ? undefined : Number(f.padEnd(3, '0').slice(0, 3));
}

function withMs(t: TimeParts, f: string | undefined): TimeParts {
  const m = ms(f);
  if (m !== undefined) t.millisecond = m;
  return t;
}

interface Proto {
  proto: Protocol;
  flags: TcpFlag[];
}

/** What the text after "src > dst:" says about the protocol. */
function protocolOf(rest: string, ported: boolean): Proto {
  const nf = /^Flags \[([^\]]*)\]/.exec(rest);
  if (nf) return { proto: 'tcp', flags: parseTcpFlags((nf[1] ?? '').replace('.', 'A')) };
  const of = /^([SFRPUWE]+|\.)\s+(?:\d+:\d+\(\d+\)|ack|win)/.exec(rest);
  if (of) {
    // Old tcpdump prints ACK as a separate "ack N" field and "." for a segment with no other flag.
    const letters = (of[1] ?? '').replace('.', '') + (/\back \d+/.test(rest) || of[1] === '.' ? 'A' : '');
    return { proto: 'tcp', flags: parseTcpFlags(letters) };
  }
  if (rest.includes('[|tcp]')) return { proto: 'tcp', flags: [] };
  if (/^(?:UDP\b|udp \d)/.test(rest)) return { proto: 'udp', flags: [] };
  if (/^ICMP6|^icmp6/.test(rest)) return { proto: 'icmpv6', flags: [] };
  if (/^(?:ICMP|icmp)\b/.test(rest)) return { proto: 'icmp', flags: [] };
  if (/^igmp/i.test(rest)) return { proto: 'igmp', flags: [] };
  // Ports but no TCP flags: tcpdump always prints flags for TCP, so this is UDP decoded as its application (NTP, DNS…).
  return { proto: ported ? 'udp' : 'unknown', flags: [] };
}

/** "1.2.3.4.443" has a port; "1.2.3.4" has none; IPv6 "fe80::1.546" has one after its dot. */
function hasPort(text: string): boolean {
  return text.includes(':') ? text.includes('.') : text.split('.').length === 5;
}

function actionOf(text: string): Action {
  if (text === 'pass') return 'allow';
  if (text === 'block') return 'deny';
  return 'unknown';
}

function openPf(): LineParser {
  let deltas: boolean | null = null;
  return {
    parse(line: string): LineResult {
      const m = HEAD.exec(line);
      if (!m) return { kind: 'unknown', reason: 'not a pflog line' };
      const pre = line.slice(0, m.index);
      const [, rule = '', , reason = '', actionText = '', dir = '', iface = '', srcText = '', dstText = '', rest = ''] =
        m;
      const ported = hasPort(srcText);
      const src = splitDotEndpoint(srcText, ported);
      const dst = splitDotEndpoint(dstText, hasPort(dstText));
      if (!src || !dst) return { kind: 'unknown', reason: 'pflog: bad address' };
      let time: TimeParts | null = null;
      let t = ISO_END.exec(pre);
      if (t) {
        time = withMs(
          {
            year: Number(t[1]),
            month: Number(t[2]),
            day: Number(t[3]),
            hour: Number(t[4]),
            minute: Number(t[5]),
            second: Number(t[6]),
          },
          t[7],
        );
      } else if ((t = BSD_END.exec(pre)) && monthFromName(t[1] ?? '') !== undefined) {
        time = withMs(
          {
            month: monthFromName(t[1] ?? ''),
            day: Number(t[2]),
            hour: Number(t[3]),
            minute: Number(t[4]),
            second: Number(t[5]),
          },
          t[6],
        );
      } else if ((t = CLOCK_END.exec(pre))) {
        if (deltas === null) deltas = `${t[1]}${t[2]}${t[3]}${t[4]}` === '000000000000';
        if (!deltas) time = withMs({ hour: Number(t[1]), minute: Number(t[2]), second: Number(t[3]) }, t[4]);
      } else {
        time = leadingTime(pre.replace(/^<\d{1,3}>/, ''))?.time ?? null;
      }
      const { proto, flags } = protocolOf(rest, ported);
      // On a Mac pf filters the Mac's own traffic, so pf's in/out is the user's view when addresses cannot tell.
      const direction: Direction =
        directionByAddress(src.ip, dst.ip) ?? (dir === 'in' ? 'in' : dir === 'out' ? 'out' : null);
      return {
        kind: 'event',
        event: makeEvent({
          time,
          proto,
          src,
          dst,
          action: actionOf(actionText),
          flags,
          direction,
          iface,
          rule,
          message: `${actionText} ${dir} on ${iface} (${reason})`,
        }),
      };
    },
  };
}

export const macosPf: LogFamily = {
  id: 'pf',
  name: 'macOS / BSD pf log (tcpdump -n -e -ttt -r /var/log/pflog)',
  example:
    ' 00:00:00.000000 rule 10/0(match): block in on en0: 192.168.1.50.54321 > 192.168.1.100.22: Flags [S], seq 123456789, win 65535, length 0',
  sniff(line) {
    return HEAD.test(line) ? 0.95 : 0;
  },
  open: openPf,
};

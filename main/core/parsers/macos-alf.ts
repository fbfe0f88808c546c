import type { Action } from '../model/event';
import { protocolName } from './common';
import { makeEvent, splitColonEndpoint } from './endpoint';
import { stateless, type LineResult, type LogFamily } from './family';
import { splitHeader } from './syslog-prefix';

/*
 * macOS Application Firewall (ALF) in /var/log/appfirewall.log or the system log:
 * - socketfilterfw per-app summaries ("Dropbox: Allow (in:0 out:2)", "netbiosd: Deny UDP CONNECT (in:13 out:0)")
 *   name no addresses, so they are recognised but print nothing (format: log2timeline/plaso appfirewall parser);
 * - the kernel's stealth-mode message, format string from XNU bsd/netinet/tcp_input.c and udp_usrreq.c:
 *   "Stealth Mode connection attempt to TCP %s:%d from %s:%d" (destination first!);
 * - Mac OS X 10.4 and older firewalled with ipfw: "ipfw: 35000 Deny UDP a:p b:p in via en0".
 * The newer "detail" logging option's wording is not documented publicly and is not read here.
 */

const STEALTH = /Stealth Mode connection attempt to (TCP|UDP) (\S+) from (\S+?)\s*$/;
const IPFW =
  /\bipfw:\s+(\d+) (Deny|Accept|Reject|Reset|Unreach \w+|Count) (TCP|UDP|ICMP(?::\S+)?) (\S+) (\S+) (in|out) via (\S+)/;
const SUMMARY = /socketfilterfw\[\d+\]|: (?:Allow|Deny)\b.*\((?:in|out):\d+/;

function ipfwAction(word: string): Action {
  if (word === 'Accept') return 'allow';
  if (word === 'Deny') return 'drop';
  if (word === 'Reject' || word === 'Reset' || word.startsWith('Unreach')) return 'reject';
  return 'unknown';
}

export function parseAlf(line: string): LineResult {
  const header = splitHeader(line);
  const body = header.body;
  const s = STEALTH.exec(body);
  if (s) {
    const dst = splitColonEndpoint(s[2] ?? '');
    const src = splitColonEndpoint(s[3] ?? '');
    if (!src || !dst) return { kind: 'unknown', reason: 'ALF: bad address' };
    return {
      kind: 'event',
      event: makeEvent({
        time: header.time,
        proto: protocolName(s[1] ?? ''),
        src,
        dst,
        // Stealth mode means the Mac answered nothing: the packet was dropped silently.
        action: 'drop',
        direction: 'in',
        message: 'Stealth Mode connection attempt',
      }),
    };
  }
  const f = IPFW.exec(line);
  if (f) {
    const src = splitColonEndpoint(f[4] ?? '');
    const dst = splitColonEndpoint(f[5] ?? '');
    if (!src || !dst) return { kind: 'unknown', reason: 'ipfw: bad address' };
    const protoText = (f[3] ?? '').split(':')[0] ?? '';
    return {
      kind: 'event',
      event: makeEvent({
        time: header.time,
        proto: protocolName(protoText),
        src,
        dst,
        action: ipfwAction(f[2] ?? ''),
        direction: f[6] === 'in' ? 'in' : 'out',
        iface: f[7] ?? null,
        rule: f[1] ?? null,
        message: `ipfw ${f[2]}`,
      }),
    };
  }
  if (SUMMARY.test(line) || /Stealth Mode connection attempt/.test(body)) return { kind: 'ignored' };
  return { kind: 'unknown', reason: 'not an Application Firewall line' };
}

export const macosAlf: LogFamily = {
  id: 'macos-alf',
  name: 'macOS Application Firewall (appfirewall.log)',
  example:
    'Aug  2 18:59:38 ram ipfw: Stealth Mode connection attempt to TCP 70.165.138.163:56266 from 89.139.144.18:80',
  sniff(line) {
    if (line.includes('Stealth Mode connection attempt')) return 0.95;
    if (line.includes('socketfilterfw[')) return 0.9;
    return IPFW.test(line) ? 0.9 : 0;
  },
  open: stateless(parseAlf),
};

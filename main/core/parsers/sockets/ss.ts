import { splitColonEndpoint } from '../endpoint';
import type { LineParser, LineResult, LogFamily } from '../family';
import { isUnconnected, ListeningPorts, socketEvent, socketState } from './table';
import { unmapV4 } from './unmap';

/*
 * iproute2 `ss -tunap` (recorded on this project's machine, iproute2 6.1.0):
 *   Netid State     Recv-Q Send-Q Local Address:Port  Peer Address:Port Process
 *   tcp   ESTAB     0      0          127.0.0.1:56354    127.0.0.1:8443  users:(("node",pid=8504,fd=21))
 *   udp   UNCONN    0      0      127.0.0.53%lo:5353       0.0.0.0:*     users:(("python3",pid=8604,fd=3))
 *   tcp   ESTAB     0      0              [::1]:45546        [::1]:9443  users:(("node",pid=8504,fd=23))
 * With a single protocol (-t or -u alone) ss drops the Netid column; such rows are read as TCP unless UNCONN.
 * "%lo" is the device a socket is bound to; IPv4 peers of dual-stack sockets appear as [::ffff:a.b.c.d].
 */

const NETIDS = new Set(['tcp', 'udp', 'raw', 'u_str', 'u_dgr', 'u_seq', 'p_raw', 'p_dgr', 'nl', 'mptcp', 'sctp']);
const HEADER = /^(?:Netid\s+)?State\s+Recv-Q\s+Send-Q\s+Local Address/;

function openSs(): LineParser {
  const listening = new ListeningPorts();
  return {
    parse(raw: string): LineResult {
      const line = raw.replace(/\r$/, '');
      if (line.trim() === '' || HEADER.test(line)) return { kind: 'ignored' };
      // -e / -i print details on indented continuation lines.
      if (/^\s/.test(line)) return { kind: 'ignored' };
      const tokens = line.trim().split(/\s+/);
      let netid: string | undefined;
      if (NETIDS.has(tokens[0] ?? '')) netid = tokens.shift();
      const state = socketState(tokens[0]);
      if (state === null || !/^\d+$/.test(tokens[1] ?? '') || !/^\d+$/.test(tokens[2] ?? '')) {
        return { kind: 'unknown', reason: 'not an ss row' };
      }
      if (netid !== undefined && netid !== 'tcp' && netid !== 'udp') return { kind: 'ignored' };
      const proto = netid === 'udp' || (netid === undefined && state === 'UNCONN') ? 'udp' : 'tcp';
      const localText = tokens[3] ?? '';
      const foreignText = tokens[4] ?? '';
      const local = splitColonEndpoint(localText);
      const foreign = splitColonEndpoint(foreignText);
      if (state === 'LISTEN' || state === 'UNCONN' || isUnconnected(foreign)) {
        if (state === 'LISTEN') listening.add(proto, local?.port ?? null);
        return { kind: 'ignored' };
      }
      if (!local || !foreign) return { kind: 'unknown', reason: 'ss row with host or service names: use -n' };
      const proc = /users:\(\("((?:[^"\\]|\\.)*)",pid=(\d+)/.exec(tokens.slice(5).join(' '));
      return {
        kind: 'event',
        event: socketEvent(
          proto,
          unmapV4(local),
          unmapV4(foreign),
          state,
          proc ? Number(proc[2]) : null,
          proc ? (proc[1] ?? null) : null,
          listening,
        ),
      };
    },
  };
}

export const ss: LogFamily = {
  id: 'ss',
  name: 'Linux ss -tunap',
  example: 'tcp   ESTAB     0      0      192.168.1.20:51234      23.1.2.3:443   users:(("firefox",pid=1234,fd=56))',
  sniff(line) {
    if (HEADER.test(line)) return 0.97;
    const t = line.trim().split(/\s+/);
    const i = NETIDS.has(t[0] ?? '') ? 1 : 0;
    const st = socketState(t[i]);
    if (st === null || !/^\d+$/.test(t[i + 1] ?? '') || !/^\d+$/.test(t[i + 2] ?? '')) return 0;
    // ss spells states ESTAB / TIME-WAIT / UNCONN, which netstat never prints.
    return /^(?:ESTAB|UNCONN|[A-Z]+-[A-Z-]+)$/.test(t[i] ?? '') || i === 1 ? 0.9 : 0.5;
  },
  open: openSs,
};

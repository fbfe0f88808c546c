import { splitColonEndpoint } from '../endpoint';
import type { LineParser, LineResult, LogFamily } from '../family';
import { isUnconnected, ListeningPorts, socketEvent, socketState } from './table';
import { unmapV4 } from './unmap';

/*
 * Linux net-tools `netstat -tunap` and `netstat -natvu` (recorded on this project's machine, net-tools 2.10):
 *   Active Internet connections (servers and established)
 *   Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name
 *   tcp6       0      0 ::1:9443                :::*                    LISTEN      8504/node
 *   udp        0      0 127.0.0.1:5514          0.0.0.0:*                           8504/node
 * -p adds "PID/Program name" ("-" when the socket belongs to another user or is in TIME_WAIT); -v adds no column.
 * IPv6 addresses have no brackets (the port follows the last colon). Without -W (--wide) net-tools shortens
 * "address:port" to 23 characters by cutting the address, so such IPv6 rows are not trusted.
 */

const ROW = /^(tcp6?|udp6?|udpl6?|raw6?)\s+(\d+)\s+(\d+)\s+(\S+)\s+(\S+)\s*(.*)$/;
const HEADER = /^(?:Active (?:Internet|UNIX domain) connections|Proto\s+Recv-Q\s+Send-Q)/;

function openNetstatLinux(): LineParser {
  const listening = new ListeningPorts();
  return {
    parse(raw: string): LineResult {
      const line = raw.replace(/\r$/, '');
      if (line.trim() === '' || HEADER.test(line)) return { kind: 'ignored' };
      const m = ROW.exec(line);
      if (!m) return { kind: 'unknown', reason: 'not a netstat row' };
      const family = m[1] ?? '';
      if (family.startsWith('raw')) return { kind: 'ignored' };
      const proto = family.startsWith('tcp') ? 'tcp' : 'udp';
      const localText = m[4] ?? '';
      const foreignText = m[5] ?? '';
      if (family.endsWith('6') && (localText.length >= 23 || foreignText.length >= 23)) {
        return { kind: 'unknown', reason: 'IPv6 address may be cut short by netstat: paste `netstat -tunapW` output' };
      }
      const local = splitColonEndpoint(localText);
      const foreign = splitColonEndpoint(foreignText);
      if (!local) return { kind: 'unknown', reason: 'netstat row with host or service names: use -n' };
      const rest = (m[6] ?? '')
        .trim()
        .split(/\s+/)
        .filter((t) => t !== '');
      const state = socketState(rest[0]);
      if (state !== null) rest.shift();
      const owner = /^(\d+)\/(.*)$/.exec(rest.join(' '));
      if (state === 'LISTEN' || isUnconnected(foreign)) {
        if (state === 'LISTEN') listening.add(proto, local.port);
        return { kind: 'ignored' };
      }
      if (!foreign) return { kind: 'unknown', reason: 'netstat row with host or service names: use -n' };
      return {
        kind: 'event',
        event: socketEvent(
          proto,
          unmapV4(local),
          unmapV4(foreign),
          state,
          owner ? Number(owner[1]) : null,
          owner ? (owner[2] ?? '').trim() || null : null,
          listening,
        ),
      };
    },
  };
}

export const netstatLinux: LogFamily = {
  id: 'netstat-linux',
  name: 'Linux netstat -tunap / -natvu',
  example: 'tcp        0      0 192.168.1.20:51234        23.1.2.3:443            ESTABLISHED 1234/firefox',
  sniff(line) {
    if (/^Active Internet connections/.test(line)) return 0.95;
    if (/^Proto\s+Recv-Q\s+Send-Q\s+Local Address/.test(line)) return 0.95;
    return ROW.test(line) ? 0.85 : 0;
  },
  open: openNetstatLinux,
};

import { splitColonEndpoint } from '../endpoint';
import type { LineParser, LineResult, LogFamily } from '../family';
import { isUnconnected, ListeningPorts, socketEvent, socketState } from './table';

/*
 * Windows `netstat -ano` and `netstat -ano -b` (also -abno, -anob …). Layout (cmd.exe, any Windows since XP):
 *   Active Connections            (Japanese: "アクティブな接続")
 *     Proto  Local Address          Foreign Address        State           PID
 *     TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       748
 *     UDP    [::1]:62261            *:*                                    1036
 * With -b the owner follows its socket rows: an optional service-name line ("  RpcSs"), then " [svchost.exe]",
 * or " Can not obtain ownership information". Japanese Windows translates the headings but prints the TCP states
 * in English (sample: win2012r2.com netstat article), so English state names are all that is read.
 */

const ROW = /^\s*(TCP|UDP)\s+(\S+)\s+(\S+)(?:\s+([A-Z_0-9]+))?(?:\s+(\d+))?\s*$/;
const HEADER = /^\s*(?:Active Connections|Proto\s+Local Address|アクティブな接続|プロトコル\s+ローカル)/;

function openNetstatWindows(): LineParser {
  const listening = new ListeningPorts();
  return {
    parse(raw: string): LineResult {
      const line = raw.replace(/\r$/, '');
      if (line.trim() === '' || HEADER.test(line)) return { kind: 'ignored' };
      // A pasted prompt line ("C:\\>netstat -abno", ">netstat -ano", "PS C:\\>").
      if (/^\s*(?:PS )?(?:[A-Za-z]:\\[^>]*)?>/.test(line)) return { kind: 'ignored' };
      const m = ROW.exec(line);
      if (m) {
        const proto = m[1] === 'TCP' ? 'tcp' : 'udp';
        // UDP rows have no state column, so their fourth field is the PID.
        const stateWord = proto === 'tcp' ? m[4] : undefined;
        const pidText = proto === 'tcp' ? m[5] : (m[5] ?? (m[4] && /^\d+$/.test(m[4]) ? m[4] : undefined));
        const local = splitColonEndpoint(m[2] ?? '');
        const foreignText = m[3] ?? '';
        const foreign = foreignText === '*:*' ? null : splitColonEndpoint(foreignText);
        if (!local || (foreign === null && foreignText !== '*:*')) {
          return { kind: 'unknown', reason: 'netstat row with host or service names: paste `netstat -ano` output' };
        }
        const state = socketState(stateWord);
        if (state === 'LISTEN' || isUnconnected(foreign)) {
          if (state === 'LISTEN') listening.add(proto, local.port);
          return { kind: 'ignored' };
        }
        if (!foreign) return { kind: 'ignored' };
        const pid = pidText === undefined ? null : Number(pidText);
        return { kind: 'event', event: socketEvent(proto, local, foreign, state, pid, null, listening) };
      }
      const t = line.trim();
      const exe = /^\[(.+)\]$/.exec(t);
      if (exe) return { kind: 'owner', process: exe[1] ?? '' };
      // A lone word under a row is the service hosted by the process named on the next line (-b).
      if (/^\S+$/.test(t)) return { kind: 'ignored' };
      // "Can not obtain ownership information" (or its translation): the rows above have no known owner.
      return { kind: 'owner', process: '' };
    },
  };
}

export const netstatWindows: LogFamily = {
  id: 'netstat-windows',
  name: 'Windows netstat -ano [-b]',
  example: '  TCP    192.168.1.10:52413     140.82.121.4:443       ESTABLISHED     9012',
  sniff(line) {
    if (/^\s*(?:Active Connections|アクティブな接続)\s*$/.test(line)) return 0.9;
    if (/^\s*(?:Proto\s+Local Address\s+Foreign Address\s+State\s+PID|プロトコル\s+ローカル アドレス)/.test(line)) {
      return 0.95;
    }
    if (/^\s*(?:Can not obtain ownership information|\[[^\]]+\.exe\])\s*$/i.test(line)) return 0.8;
    return /^\s*(?:TCP|UDP)\s+\S+:\S+\s+\S+:\S+/.test(line) && ROW.test(line.replace(/\r$/, '')) ? 0.85 : 0;
  },
  open: openNetstatWindows,
};

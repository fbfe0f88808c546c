import { countEvidence, evidence, ownerEvidence, ownerVars } from '../describe';
import type { LocalSocket, RuleInput, RuleMatch, TextVars, VerdictRule } from '../types';

/** TCP states in which the LOCAL program is the one holding the connection open (RFC 9293 §3.3.2). */
const STALE_STATES = new Set(['CLOSE_WAIT', 'LAST_ACK']);

function staleSockets({ group, world }: RuleInput): LocalSocket[] {
  const live = world.sockets.filter((s) => s.remoteAddress === group.remote && STALE_STATES.has(s.state));
  if (live.length) return live;
  // Pasted netstat rows arrive as events; they carry the state and, with -b, the process.
  return group.packets
    .filter((p) => p.socketRow && STALE_STATES.has((p.event.state ?? '').toUpperCase()))
    .map((p) => ({
      protocol: 'tcp',
      family: p.remote.includes(':') ? 6 : 4,
      localAddress: p.local ?? '',
      localPort: p.localPort ?? 0,
      remoteAddress: p.remote,
      remotePort: p.remotePort,
      state: (p.event.state ?? '').toUpperCase(),
      pid: p.event.pid ?? null,
      processName: p.event.process ?? null,
      processPath: null,
      source: 'log',
    }));
}

function minutes(s: LocalSocket, now: number | null): number | null {
  if (s.stateSince == null || now === null) return null;
  return Math.max(0, Math.round((now - s.stateSince) / 60_000));
}

export const staleLocal: VerdictRule = {
  id: 'stale-local.half-closed',
  verdict: 'stale-local',
  severity: 'notice',
  match(input): RuleMatch | null {
    const sockets = staleSockets(input);
    const s = sockets[0];
    if (!s) return null;
    const process = s.processName ?? 'an unidentified program';
    const processJa = s.processName ?? '特定できないプログラム';
    const pid = s.pid === null ? '' : ` (PID ${s.pid})`;
    const pidJa = s.pid === null ? '' : `（PID ${s.pid}）`;
    const mins = minutes(s, input.world.now);
    const ev = [
      evidence(
        'state',
        `${sockets.length} connection(s) in ${s.state} on this PC, local port ${s.localPort} → ${s.remoteAddress}:${s.remotePort ?? '-'}`,
        `このPCで ${s.state} の接続が ${sockets.length} 件（ローカルポート ${s.localPort} → ${s.remoteAddress}:${s.remotePort ?? '-'}）`,
      ),
      evidence('process', `Program: ${process}${pid}`, `プログラム: ${processJa}${pidJa}`),
      ...ownerEvidence(input.group.attribution, input.world.sites.get(input.group.remote)),
    ];
    if (mins !== null)
      ev.push(evidence('timing', `In this state for ${mins} min`, `この状態が ${mins} 分続いています`));
    if (input.group.packets.length) ev.push(countEvidence(input.group.packets));
    const vars: TextVars = {
      ...ownerVars(input.group.attribution),
      process: process + pid,
      processJa: processJa + pidJa,
      processName: process,
      processNameJa: processJa,
      state: s.state,
      remote: input.group.remote,
      count: sockets.length,
      stateMeaning:
        s.state === 'LAST_ACK'
          ? 'LAST_ACK means the program closed its end late and is waiting for the final acknowledgement.'
          : 'CLOSE_WAIT means the other side has already said goodbye and is waiting for this program to close its end.',
      stateMeaningJa:
        s.state === 'LAST_ACK'
          ? 'LAST_ACK は、プログラムが遅れて自分の側を閉じ、最後の確認応答を待っている状態です。'
          : 'CLOSE_WAIT は、相手側がすでに通信を終えていて、このプログラムが自分の側を閉じるのを待っている状態です。',
    };
    return { evidence: ev, vars };
  },
  templates: {
    title: {
      en: 'A program on this PC is keeping a finished connection open',
      ja: 'このPCのプログラムが、終わった接続を閉じずに残しています',
    },
    explanation: {
      en: '{process} on this PC still holds {count} connection(s) to {remote} ({owner}) in the {state} state. {stateMeaning} The server has finished; the connection stays only because the program on this PC has not closed it. That is a small bug or an idle wait inside that program — not an attack, and nothing from outside is getting in.',
      ja: 'このPCの {processJa} が、{remote}（{ownerJa}）への接続 {count} 件を {state} の状態のまま持ち続けています。{stateMeaningJa}相手のサーバーはもう通信を終えていて、接続が残っているのはこのPCのプログラムが閉じていないためです。これはそのプログラムの小さな不具合か待ち時間によるもので、攻撃ではなく、外から何かが入り込んでいるわけでもありません。',
    },
    advice: {
      en: 'Nothing is at risk. If such connections pile up, restart or update {processName}; if it is software you no longer use (for example Akamai NetSession), uninstall it.',
      ja: '危険はありません。このような接続がたまっていく場合は {processNameJa} を再起動するか更新してください。もう使っていないソフト（たとえば Akamai NetSession）なら、アンインストールしてかまいません。',
    },
  },
};

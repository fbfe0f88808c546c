import { countEvidence, evidence, ownerEvidence, ownerVars, plural } from '../describe';
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

interface StateText {
  meaning: string;
  meaningJa: string;
  /** Whether anything is wrong, and with whom. */
  why: string;
  whyJa: string;
}

const NOT_AN_ATTACK = 'It is not an attack, and nothing from outside is getting in.';
const NOT_AN_ATTACK_JA = '攻撃ではなく、外から何かが入り込んでいるわけでもありません。';

// In CLOSE_WAIT the program has not closed its end (its bug or its wait); in LAST_ACK it has, and the PC only waits
// for the server's last acknowledgement, which the system gives up on after a timeout (RFC 9293 §3.3.2).
function stateText(state: string): StateText {
  if (state === 'CLOSE_WAIT')
    return {
      meaning:
        'CLOSE_WAIT means the other side has already said goodbye, and this PC is waiting for the program to close its end.',
      meaningJa:
        'CLOSE_WAIT は、相手側がすでに通信を終え、このPCがプログラムの側から接続を閉じるのを待っている状態です。',
      why: 'The server has finished; the connection stays only because the program on this PC has not closed it. That is a small bug or an idle wait inside that program — not an attack, and nothing from outside is getting in.',
      whyJa:
        '接続が残っているのは、このPCのプログラムがまだ閉じていないためです。これはそのプログラムの小さな不具合か待ち時間によるもので、攻撃ではなく、外から何かが入り込んでいるわけでもありません。',
    };
  if (state === 'LAST_ACK')
    return {
      meaning:
        'LAST_ACK means the server said goodbye first, the program on this PC has closed its end too, and the PC is now waiting for the server to acknowledge that.',
      meaningJa:
        'LAST_ACK は、相手のサーバーが先に通信を終え、このPCのプログラムも自分の側を閉じたあと、サーバーからの最後の確認応答を待っている状態です。',
      why: `The program has done its part. If that acknowledgement was lost (the server or your router may already have forgotten the connection), the PC gives up after a short while and the entry disappears by itself. ${NOT_AN_ATTACK}`,
      whyJa: `プログラムは自分の役目を終えています。確認応答が届かなかった場合も（サーバーやルーターがすでに接続を忘れていることがあります）、PCはしばらくすると待つのをやめ、この接続は自然に消えます。${NOT_AN_ATTACK_JA}`,
    };
  return {
    meaning: `${state} is one of the states a TCP connection passes through while it is being closed.`,
    meaningJa: `${state} は、TCP の接続が閉じられる途中の状態のひとつです。`,
    why: `The connection is being closed on this PC. ${NOT_AN_ATTACK}`,
    whyJa: `このPCで接続を閉じている途中です。${NOT_AN_ATTACK_JA}`,
  };
}

/** The program as the texts name it: by name, else by the PID alone (a plain `netstat -ano`), else not at all. */
function programTexts(s: LocalSocket): TextVars {
  const name = s.processName;
  const pid = s.pid;
  if (name) {
    const pidText = pid === null ? '' : ` (PID ${pid})`;
    const pidJa = pid === null ? ' ' : `（PID ${pid}）`;
    return {
      subject: `${name}${pidText}`,
      subjectJa: ` ${name}${pidJa}`,
      program: `${name}${pidText}`,
      programJa: `${name}${pid === null ? '' : pidJa}`,
      fix: `restart or update ${name}`,
      fixJa: `${name} を再起動するか更新してください`,
    };
  }
  if (pid !== null)
    // A PID without a name comes from Windows' `netstat -ano` (Linux and macOS tables without a name have no PID).
    return {
      subject: `The program with PID ${pid}`,
      subjectJa: ` PID ${pid} のプログラム`,
      program: `not named in the input (PID ${pid})`,
      programJa: `名前の記録なし（PID ${pid}）`,
      fix: `find the program in Task Manager (Details tab, PID column: ${pid}) and restart or update it`,
      fixJa: `タスク マネージャーの「詳細」タブの PID 列で ${pid} のプログラムを探し、再起動するか更新してください`,
    };
  return {
    subject: 'A program',
    subjectJa: 'プログラムのひとつ',
    program: 'not named in the input',
    programJa: '名前の記録なし',
    fix: 'find which program holds them ("netstat -ano -b" in an administrator command prompt shows it on Windows) and restart or update it',
    fixJa:
      '管理者のコマンド プロンプトで「netstat -ano -b」を実行してどのプログラムか確かめ、再起動するか更新してください',
  };
}

function adviceTexts(state: string, p: TextVars): TextVars {
  if (state === 'CLOSE_WAIT')
    return {
      advice: `Nothing is at risk. If such connections pile up, ${p.fix}; if it is software you no longer use (for example Akamai NetSession), uninstall it.`,
      adviceJa: `危険はありません。このような接続がたまっていく場合は、${p.fixJa}。もう使っていないソフト（たとえば Akamai NetSession）なら、アンインストールしてかまいません。`,
    };
  return {
    advice: `Nothing is at risk, and such connections go away by themselves. Only if they keep piling up, ${p.fix}.`,
    adviceJa: `危険はありません。このような接続は自然に消えます。それでも次々にたまっていく場合だけ、${p.fixJa}。`,
  };
}

export const staleLocal: VerdictRule = {
  id: 'stale-local.half-closed',
  verdict: 'stale-local',
  severity: 'notice',
  match(input): RuleMatch | null {
    const all = staleSockets(input);
    // CLOSE_WAIT is the one the local program is responsible for: it leads when a host has both states.
    const first = all.find((x) => x.state === 'CLOSE_WAIT') ?? all[0];
    if (!first) return null;
    const sockets = all.filter((x) => x.state === first.state);
    const s = sockets.find((x) => x.processName) ?? first;
    const program = programTexts(s);
    const mins = minutes(s, input.world.now);
    const ev = [
      evidence(
        'state',
        `${plural(sockets.length, 'connection')} in ${s.state} on this PC, local port ${s.localPort} → ${s.remoteAddress}:${s.remotePort ?? '-'}`,
        `このPCで ${s.state} の接続が ${sockets.length} 件（ローカルポート ${s.localPort} → ${s.remoteAddress}:${s.remotePort ?? '-'}）`,
      ),
    ];
    const others = all.length - sockets.length;
    if (others)
      ev.push(
        evidence(
          'state',
          `${plural(others, 'more connection')} in ${[...new Set(all.filter((x) => x.state !== s.state).map((x) => x.state))].join(', ')}`,
          `ほかに ${[...new Set(all.filter((x) => x.state !== s.state).map((x) => x.state))].join('、')} の接続が ${others} 件`,
        ),
      );
    ev.push(
      evidence('process', `Program: ${program.program}`, `プログラム: ${program.programJa}`),
      ...ownerEvidence(input.group.attribution, input.world.sites.get(input.group.remote)),
    );
    if (mins !== null)
      ev.push(evidence('timing', `In this state for ${mins} min`, `この状態が ${mins} 分続いています`));
    if (input.group.packets.length) ev.push(countEvidence(input.group.packets));
    const text = stateText(s.state);
    const vars: TextVars = {
      ...ownerVars(input.group.attribution),
      ...program,
      ...adviceTexts(s.state, program),
      state: s.state,
      remote: input.group.remote,
      count: sockets.length,
      connections: plural(sockets.length, 'connection'),
      stateMeaning: text.meaning,
      stateMeaningJa: text.meaningJa,
      stateWhy: text.why,
      stateWhyJa: text.whyJa,
    };
    return { evidence: ev, vars };
  },
  templates: {
    title: {
      en: 'A finished connection is still open on this PC',
      ja: 'このPCに、終わった接続が残っています',
    },
    explanation: {
      en: '{subject} on this PC still has {connections} to {remote} ({owner}) in the {state} state. {stateMeaning} {stateWhy}',
      ja: 'このPCの{subjectJa}の、{remote}（{ownerJa}）への接続 {count} 件が、{state} の状態のまま残っています。{stateMeaningJa}{stateWhyJa}',
    },
    advice: { en: '{advice}', ja: '{adviceJa}' },
  },
};

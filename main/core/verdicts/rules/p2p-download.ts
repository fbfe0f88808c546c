import { countEvidence, evidence, ownerEvidence, ownerVars } from '../describe';
import { isNetSessionProcess } from '../netsession';
import type { Packet } from '../packets';
import type { P2pPort, RuleMatch, VerdictRule, World } from '../types';

function p2pPortOf(p: Packet, world: World): P2pPort | null {
  if (p.localPort === null) return null;
  const entry = world.p2pPorts.get(p.localPort);
  if (!entry) return null;
  // A NetSession process on the port explains any protocol; a crowd of peers only UDP.
  return entry.process || p.proto === 'udp' ? entry : null;
}

/**
 * Akamai NetSession Interface peer traffic (DOMAIN.md §3): its process on this PC, or many Akamai / home peers
 * reaching one high port over UDP. Matched by process name, not by a port number (none is documented).
 */
export const p2pDownload: VerdictRule = {
  id: 'p2p-download.netsession',
  verdict: 'p2p-download',
  severity: 'notice',
  match({ group, world }): RuleMatch | null {
    const byPort = group.packets.filter((p) => p.inbound !== false && p2pPortOf(p, world) !== null);
    const own = group.packets.filter((p) => p.socketRow && isNetSessionProcess(p.event.process));
    const live = world.sockets.filter((s) => s.remoteAddress === group.remote && isNetSessionProcess(s.processName));
    if (!byPort.length && !own.length && !live.length) return null;
    const first = byPort[0];
    const entry = first ? p2pPortOf(first, world) : null;
    const proc = entry?.process ?? live[0] ?? null;
    const processName = proc?.processName ?? own[0]?.event.process ?? null;
    const pid = proc?.pid ?? own[0]?.event.pid ?? null;
    const port = entry?.port ?? proc?.localPort ?? own[0]?.localPort ?? 0;
    const proto = proc?.protocol ?? first?.proto ?? 'udp';
    const peers = entry?.peers.size ?? 1;
    const pidText = pid === null ? '' : ` (PID ${pid})`;
    // Live sockets are this PC's; a pasted netstat or a log naming the program may be another PC's. Either way the
    // router's log shows packets to its own public address, passed on by port number (routers usually keep UDP
    // ports), so "most likely", as the link to this PC says it (link.ts).
    const onThisPc = proc?.source === 'live';
    const why = processName
      ? `${onThisPc ? 'On this PC' : 'In what you imported'}, ${processName}${pidText} uses ${proto.toUpperCase()} port ${port}, so these packets were most likely meant for it.`
      : `${peers} different addresses (Akamai servers and home connections) reached the same port ${port}, the pattern of peer-to-peer downloading.`;
    const whyJa = processName
      ? `${onThisPc ? 'このPCでは' : '読み込んだ記録では'} ${processName}${pid === null ? ' ' : `（PID ${pid}）`}が ${proto.toUpperCase()} ポート ${port} を使っているので、これらのパケットはおそらくそのプログラム宛てでした。`
      : `${peers} 個の異なるアドレス（Akamai のサーバーや家庭の回線）が同じポート ${port} に届いており、ピアツーピア型ダウンロードの特徴と一致します。`;
    const vars = {
      ...ownerVars(group.attribution),
      remote: group.remote,
      port,
      proto: proto.toUpperCase(),
      why,
      whyJa,
    };
    const ev = [
      processName
        ? evidence(
            'process',
            `${processName}${pidText}${onThisPc ? ' on this PC' : ' (in what you imported)'}, ${proto.toUpperCase()} port ${port}`,
            `${onThisPc ? 'このPCの' : '読み込んだ記録の'} ${processName}${pid === null ? '' : `（PID ${pid}）`}、${proto.toUpperCase()} ポート ${port}`,
          )
        : evidence('count', `${peers} peers reached UDP port ${port}`, `${peers} 個のピアが UDP ポート ${port} に到達`),
    ];
    if (byPort.length) ev.push(countEvidence(byPort));
    ev.push(...ownerEvidence(group.attribution, world.sites.get(group.remote)));
    return { evidence: ev, vars };
  },
  templates: {
    title: {
      en: 'Peer-to-peer downloads by Akamai NetSession',
      ja: 'Akamai NetSession によるピアツーピアのダウンロード',
    },
    explanation: {
      en: "{remote} ({owner}) exchanged {proto} packets with port {port} of your network. {why} This is how the Akamai NetSession Interface works: a download manager installed along with software from companies such as Adobe, Autodesk or some game publishers. It fetches files from Akamai servers and from other users' PCs, so those peers contact the port it opened; a router that has no record of them blocks and logs them. It is legitimate software, not an intrusion — but often leftover software you no longer need.",
      ja: '{remote}（{ownerJa}）が、あなたのネットワークのポート {port} と {proto} のパケットをやり取りしました。{whyJa}これは Akamai NetSession Interface の仕組みです。Adobe、Autodesk、一部のゲーム会社などのソフトと一緒にインストールされるダウンロード管理ソフトで、Akamai のサーバーだけでなく他の利用者のPC（ピア）からもファイルを取得します。そのためピアが、このソフトの開いたポートに接続してきます。ルーターはその記録がないと遮断してログに残します。正規のソフトウェアで侵入ではありませんが、もう必要のない「残りもの」のソフトであることがよくあります。',
    },
    advice: {
      en: 'If you do not need it: on Windows open Settings → Apps (or Programs and Features) and uninstall "Akamai NetSession Interface"; on a Mac run its uninstaller. Programs that bundled it may install it again. Otherwise no action is needed.',
      ja: '不要なら、Windows では「設定」→「アプリ」（または「プログラムと機能」）から「Akamai NetSession Interface」をアンインストールしてください。Mac では付属のアンインストーラーを実行します。同梱していたソフトが再インストールすることがあります。必要なソフトなら対応は不要です。',
    },
  },
};

import {
  countEvidence,
  evidence,
  flagList,
  isServerNetwork,
  ownerEvidence,
  ownerVars,
  plural,
  portList,
  portsPhrase,
} from '../describe';
import { isWebReply } from '../packets';
import type { Evidence } from '../../model/attribution';
import type { RuleMatch, TextVars, VerdictRule } from '../types';

// What the packets were and why they came: TCP carries flags (the ACK-scan story), QUIC is UDP and carries none.
const TAIL = 'They are the tail end of ordinary web or app connections made by devices on your network';
const TAIL_JA = 'これはあなたのネットワーク内の機器が行った普通の Web やアプリの通信の「後始末」のパケットです。';
const TCP_LATE =
  'an acknowledgement, reset or closing packet that arrived after your router had already forgotten the connection (its timer ran out, or it saw the connection close first)';
const TCP_LATE_JA =
  '確認応答・リセット・終了のパケットが、ルーターがその接続をすでに忘れた後（タイマー切れ、または先に終了を見た後）に届いたものです。';
const QUIC_LATE =
  'QUIC packets that arrived after your router had stopped expecting them (routers forget a UDP conversation after a short quiet spell, often 30 seconds to a few minutes)';
const QUIC_LATE_JA =
  'ルーターは UDP の会話を、やり取りがしばらく（多くは 30 秒〜数分）途切れると忘れてしまいます。その後に届いたサーバーの QUIC パケットです。';
const QUIC_KIND = 'as QUIC (the UDP-based protocol of HTTP/3, which browsers and apps use to load pages and video)';
const QUIC_KIND_JA =
  'QUIC（ブラウザーやアプリがページや動画の読み込みに使う、UDP ベースの HTTP/3 の通信方式）のパケット';
const ACK_SCAN_LABEL = 'The router then labels it "ACK scan" or "DoS attack", but nothing was scanning you.';
const ACK_SCAN_LABEL_JA =
  'ルーターはこれを「ACK スキャン」や「DoS 攻撃」と表示しますが、スキャンされていたわけではありません。';

function story(tcpFlags: string, quic: boolean): TextVars {
  if (!quic)
    return {
      kind: `with the TCP flags ${tcpFlags}`,
      kindJa: `TCP フラグ ${tcpFlags} のパケットが`,
      story: `${TAIL}: ${TCP_LATE}. ${ACK_SCAN_LABEL}`,
      storyJa: `${TAIL_JA}${TCP_LATE_JA}${ACK_SCAN_LABEL_JA}`,
    };
  if (!tcpFlags)
    return {
      kind: QUIC_KIND,
      kindJa: `${QUIC_KIND_JA}が`,
      story: `${TAIL}: ${QUIC_LATE}. The router then blocks and logs them, sometimes as an attack, but nothing was scanning you.`,
      storyJa: `${TAIL_JA}${QUIC_LATE_JA}ルーターはこれを遮断して記録し、攻撃と表示することもありますが、スキャンされていたわけではありません。`,
    };
  return {
    kind: `with the TCP flags ${tcpFlags}, and ${QUIC_KIND}`,
    kindJa: `TCP フラグ ${tcpFlags} のパケットと ${QUIC_KIND_JA}が合わせて`,
    story: `${TAIL}: ${TCP_LATE}, or ${QUIC_LATE}. ${ACK_SCAN_LABEL}`,
    storyJa: `${TAIL_JA}TCP のものは、${TCP_LATE_JA}また、${QUIC_LATE_JA}${ACK_SCAN_LABEL_JA}`,
  };
}

/**
 * A late or stray packet from a server's port 80/443 after the router forgot the connection (DOMAIN.md §5):
 * the router calls it "ACK Scan" / "DoS Attack", however many there are. UDP from 443 is QUIC (HTTP/3).
 */
export const cdnReply: VerdictRule = {
  id: 'cdn-reply.late-packet',
  verdict: 'cdn-reply',
  severity: 'info',
  match({ group, world }): RuleMatch | null {
    if (!isServerNetwork(group.attribution)) return null;
    const packets = group.packets.filter(isWebReply);
    if (!packets.length) return null;
    const remotePorts = packets.map((p) => p.remotePort ?? 0);
    const localPorts = packets.map((p) => p.localPort).filter((p): p is number => p !== null);
    const flags = flagList(packets);
    const quic = packets.some((p) => p.proto === 'udp');
    const vars = {
      ...ownerVars(group.attribution),
      remote: group.remote,
      count: packets.length,
      port: portList(remotePorts),
      webPort: portsPhrase(remotePorts),
      packets: plural(packets.length, 'packet'),
      ...story(flags, quic),
      label: packets.find((p) => p.event.message)?.event.message ?? '',
    };
    const ev: Evidence[] = [
      evidence(
        'port',
        `From server ${vars.webPort} to ${localPorts.length ? portsPhrase(localPorts) : 'your network'}`,
        `サーバー側ポート ${vars.port} から${localPorts.length ? `ポート ${portList(localPorts)} ` : 'あなたのネットワーク'}へ`,
      ),
    ];
    if (flags)
      ev.push(
        evidence(
          'flags',
          `TCP flags: ${flags} (part of a conversation, not an opening SYN)`,
          `TCP フラグ: ${flags}（接続を始める SYN ではなく、会話の一部）`,
        ),
      );
    if (quic)
      ev.push(
        evidence(
          'protocol',
          'UDP from server port 443: QUIC (HTTP/3), the server answering a connection from your side',
          'サーバー側ポート 443 からの UDP: QUIC（HTTP/3）。こちら側から始めた接続へのサーバーの応答',
        ),
      );
    ev.push(countEvidence(packets), ...ownerEvidence(group.attribution, world.sites.get(group.remote)));
    return { evidence: ev, vars };
  },
  templates: {
    title: {
      en: 'Late server replies ({ownerShort}) — harmless',
      ja: '{ownerShortJa} のサーバーからの遅れた応答 — 心配いりません',
    },
    explanation: {
      en: '{packets} came from {remote} ({owner}), a content-delivery or cloud server, from its web {webPort} {kind}. {story} This happens to everyone who browses the web.',
      ja: '{remote}（{ownerJa}）から、コンテンツ配信／クラウドのサーバーの Web 用ポート {port} より、{kindJa} {count} 個届きました。{storyJa}Web を使っていれば誰にでも起こることです。',
    },
    advice: {
      en: 'No action needed. Do not report these: the server was only answering your own devices.',
      ja: '対応は不要です。報告もしないでください。サーバーはあなたの機器に返事をしていただけです。',
    },
  },
};

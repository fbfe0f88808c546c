import { countEvidence, evidence, flagList, isServerNetwork, ownerEvidence, ownerVars, portList } from '../describe';
import { isWebReply } from '../packets';
import type { RuleMatch, VerdictRule } from '../types';

/**
 * A late or stray packet from a server's port 80/443 after the router forgot the connection (DOMAIN.md §5):
 * the router calls it "ACK Scan" / "DoS Attack", however many there are.
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
    const flags = flagList(packets) || 'UDP (QUIC)';
    const vars = {
      ...ownerVars(group.attribution),
      remote: group.remote,
      count: packets.length,
      port: portList(remotePorts),
      flags,
      label: packets.find((p) => p.event.message)?.event.message ?? '',
    };
    return {
      evidence: [
        evidence(
          'port',
          `From server port ${vars.port} to ${localPorts.length ? `port(s) ${portList(localPorts)}` : 'your network'}`,
          `サーバー側ポート ${vars.port} から${localPorts.length ? `ポート ${portList(localPorts)}` : 'あなたのネットワーク'}へ`,
        ),
        evidence(
          'flags',
          `TCP flags: ${flags} (part of a conversation, not an opening SYN)`,
          `TCPフラグ: ${flags}（接続を始める SYN ではなく、会話の一部）`,
        ),
        countEvidence(packets),
        ...ownerEvidence(group.attribution, world.sites.get(group.remote)),
      ],
      vars,
    };
  },
  templates: {
    title: {
      en: 'Late server replies ({ownerShort}) — harmless',
      ja: '{ownerShortJa} のサーバーからの遅れた応答 — 心配いりません',
    },
    explanation: {
      en: '{count} packet(s) came from {remote} ({owner}), a content-delivery or cloud server, from its web port {port} with the flags {flags}. They are the tail end of ordinary web or app connections made by devices on your network: an acknowledgement, reset or closing packet that arrived after your router had already forgotten the connection (its timer ran out, or it saw the connection close first). The router then labels it "ACK scan" or "DoS attack", but nothing was scanning you. This happens to everyone who browses the web.',
      ja: '{remote}（{ownerJa}）から、コンテンツ配信／クラウドのサーバーの Web 用ポート {port} より、フラグ {flags} のパケットが {count} 個届きました。これはあなたのネットワーク内の機器が行った普通の Web やアプリの通信の「後始末」のパケットです。確認応答・リセット・終了のパケットが、ルーターがその接続をすでに忘れた後（タイマー切れ、または先に終了を見た後）に届いたものです。ルーターはこれを「ACK スキャン」や「DoS 攻撃」と表示しますが、スキャンされていたわけではありません。Web を使っていれば誰にでも起こることです。',
    },
    advice: {
      en: 'No action needed. Do not report these: the server was only answering your own devices.',
      ja: '対応は不要です。報告もしないでください。サーバーはあなたの機器に返事をしていただけです。',
    },
  },
};

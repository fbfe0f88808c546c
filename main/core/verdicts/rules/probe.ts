import {
  portStoryEvidence,
  countEvidence,
  evidence,
  ownerEvidence,
  ownerVars,
  packetKinds,
  plural,
  portList,
  portsPhrase,
} from '../describe';
import { isScanShaped, type Packet } from '../packets';
import { THRESHOLDS } from '../thresholds';
import type { RuleMatch, TextVars, VerdictRule } from '../types';

/**
 * UDP to one of our temporary ports is most likely a late answer to a conversation a device of ours started (the
 * router forgot it), not someone knocking: a port scan aims at service ports. SYNs stay unsolicited wherever they go.
 */
function lateUdpReplies(packets: readonly Packet[]): boolean {
  return packets.every((p) => p.proto === 'udp' && p.localPort !== null && p.localPort >= THRESHOLDS.ephemeralPort);
}

function texts(count: number, target: string, targetJa: string, reply: boolean): TextVars {
  if (reply)
    return {
      titleKind: 'Stray UDP packets',
      titleKindJa: ' UDP パケット',
      titleVerdict: 'most likely late replies',
      titleVerdictJa: '遅れて届いた応答と思われます',
      attempt: `sent ${plural(count, 'UDP packet')} to ${target}`,
      attemptJa: `から、${targetJa}へ UDP のパケットが ${count} 個届きました`,
      story:
        'Devices on your network pick ports in that range for their own outgoing connections (apps, games, video calls, QUIC web traffic), so such a packet is most likely the other side answering a conversation one of your devices started, arriving after your router had stopped waiting for it (routers forget a UDP conversation after a short quiet spell). It is not a port scan, and nothing got in: your router blocked or logged it.',
      storyJa:
        'この範囲のポートは、あなたのネットワーク内の機器が自分から外へ接続するときに一時的に使うものです（アプリ、ゲーム、ビデオ通話、QUIC による Web 閲覧など）。そのため、機器が始めた会話への相手からの応答が、ルーターが待つのをやめた後（ルーターは UDP の会話を、やり取りが少し途切れると忘れます）に届いた可能性が高いです。ポートスキャンではなく、何かが入り込んだわけでもありません。ルーターが遮断・記録しただけです。',
      advice:
        'No action needed. If the same port of yours keeps receiving such packets from many addresses, look at which program on this PC uses it (the Connections screen).',
      adviceJa:
        '対応は不要です。同じポートに多くのアドレスから届き続ける場合は、このPCのどのプログラムがそのポートを使っているか（「接続」画面）を確認してください。',
    };
  return {
    titleKind: 'Unsolicited attempts',
    titleKindJa: '一方的な接続の試み',
    titleVerdict: 'background noise',
    titleVerdictJa: 'ネット上の雑音です',
    attempt: `tried ${count === 1 ? 'once' : `${count} times`} to reach ${target} without being asked`,
    attemptJa: `が、こちらから求めていないのに${targetJa}へ ${count} 回接続しようとしました`,
    story: `That is too little to count as a port scan (NetWhy calls ${THRESHOLDS.scanWeight / THRESHOLDS.weightPrivilegedPort} ports below ${THRESHOLDS.highPort}, or ${THRESHOLDS.scanWeight} higher ones, tried within an hour a scan). Automated programs knock on every address on the internet all day long; your router blocked or logged these.`,
    storyJa: `ポートスキャンと呼ぶほどの量ではありません（NetWhy は 1 時間以内に ${THRESHOLDS.highPort} 未満のポート ${THRESHOLDS.scanWeight / THRESHOLDS.weightPrivilegedPort} 個、またはそれ以上のポート ${THRESHOLDS.scanWeight} 個が試されたときにスキャンと判断します）。インターネット上では自動化されたプログラムが一日中すべてのアドレスをノックして回っており、ルーターがそれを遮断・記録しただけです。`,
    advice:
      'No action needed while your router blocks them. Remove port forwarding you do not use. If the same address keeps coming back, you can report it.',
    adviceJa:
      'ルーターが遮断している限り、対応は不要です。使っていないポート転送は削除してください。同じアドレスが何度も来るようなら報告してもかまいません。',
  };
}

/**
 * Inbound attempts that stay below the scan thresholds: the internet's background noise — or, for UDP to our
 * temporary ports, most likely late replies.
 */
export const probe: VerdictRule = {
  id: 'probe.below-scan-threshold',
  verdict: 'probe',
  severity: 'notice',
  match({ group, world }): RuleMatch | null {
    const packets = group.packets.filter(isScanShaped);
    if (!packets.length) return null;
    const kinds = packetKinds(packets);
    const reply = lateUdpReplies(packets);
    const localPorts = packets.map((p) => p.localPort).filter((p): p is number => p !== null);
    const ports = portList(localPorts);
    const many = new Set(localPorts).size > 1;
    // Some logs name no port of ours (an IPv6 line with the address alone): then the sentence names none.
    const target = ports ? `${portsPhrase(localPorts)} of your network` : 'your network';
    const targetJa = ports ? `あなたのネットワークのポート ${ports} ` : 'あなたのネットワーク';
    const vars = {
      ...ownerVars(group.attribution),
      remote: group.remote,
      count: packets.length,
      ...texts(packets.length, target, targetJa, reply),
    };
    return {
      evidence: [
        ...(ports
          ? [
              reply
                ? evidence('port', `${many ? 'Ports' : 'Port'} reached: ${ports}`, `届いた先のポート: ${ports}`)
                : evidence('port', `${many ? 'Ports' : 'Port'} tried: ${ports}`, `試されたポート: ${ports}`),
            ]
          : []),
        evidence('flags', `Packet kinds: ${kinds.en}`, `パケットの種類: ${kinds.ja}`),
        ...portStoryEvidence(packets),
        countEvidence(packets),
        ...ownerEvidence(group.attribution, world.sites.get(group.remote)),
      ],
      vars,
    };
  },
  templates: {
    title: {
      en: '{titleKind} from {remote} — {titleVerdict}',
      ja: '{remote} からの{titleKindJa} — {titleVerdictJa}',
    },
    explanation: {
      en: '{remote} ({owner}) {attempt}. {story}',
      ja: '{remote}（{ownerJa}）{attemptJa}。{storyJa}',
    },
    advice: { en: '{advice}', ja: '{adviceJa}' },
  },
};

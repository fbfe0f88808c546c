import {
  portStoryEvidence,
  countEvidence,
  evidence,
  ownerEvidence,
  ownerVars,
  packetKinds,
  portList,
} from '../describe';
import { isScanShaped } from '../packets';
import { THRESHOLDS } from '../thresholds';
import type { RuleMatch, VerdictRule } from '../types';

/** Unsolicited inbound attempts that stay below the scan thresholds: the internet's background noise. */
export const probe: VerdictRule = {
  id: 'probe.below-scan-threshold',
  verdict: 'probe',
  severity: 'notice',
  match({ group, world }): RuleMatch | null {
    const packets = group.packets.filter(isScanShaped);
    if (!packets.length) return null;
    const kinds = packetKinds(packets);
    const ports = portList(packets.map((p) => p.localPort).filter((p): p is number => p !== null));
    const vars = {
      ...ownerVars(group.attribution),
      remote: group.remote,
      count: packets.length,
      // Some logs name no port of ours (an IPv6 line with the address alone): then the sentence names none.
      target: ports ? `port(s) ${ports} of your network` : 'your network',
      targetJa: ports ? `あなたのネットワークのポート ${ports} ` : 'あなたのネットワーク',
      threshold: `${THRESHOLDS.scanWeight}`,
    };
    return {
      evidence: [
        ...(ports ? [evidence('port', `Ports tried: ${ports}`, `試されたポート: ${ports}`)] : []),
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
      en: 'Unsolicited attempts from {remote} — background noise',
      ja: '{remote} からの一方的な接続の試み — ネット上の雑音です',
    },
    explanation: {
      en: '{remote} ({owner}) tried {count} time(s) to reach {target} without being asked. That is too little to count as a port scan (NetWhy calls it a scan at weight {threshold}: seven service ports or 21 high ports within an hour). Automated programs knock on every address on the internet all day long; your router blocked or logged these.',
      ja: '{remote}（{ownerJa}）が、頼まれてもいないのに{targetJa}へ {count} 回接続しようとしました。ポートスキャンと呼ぶほどの量ではありません（NetWhy は 1 時間以内にサービス用ポート 7 個、または上位ポート 21 個分の重み {threshold} に達したときにスキャンと判定します）。インターネット上では自動化されたプログラムが一日中すべてのアドレスをノックして回っており、ルーターがそれを遮断・記録しただけです。',
    },
    advice: {
      en: 'No action needed while your router blocks them. Remove port forwarding you do not use. If the same address keeps coming back, you can report it.',
      ja: 'ルーターが遮断している限り、対応は不要です。使っていないポート転送は削除してください。同じアドレスが何度も来るようなら報告してもかまいません。',
    },
  },
};

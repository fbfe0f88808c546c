import { portStoryEvidence, countEvidence, evidence, ownerEvidence, ownerVars, portList } from '../describe';
import type { RuleMatch, VerdictRule } from '../types';

/** Nothing above fits: say what is known, never guess. */
export const unknown: VerdictRule = {
  id: 'unknown.no-rule',
  verdict: 'unknown',
  severity: 'notice',
  match({ group, world }): RuleMatch {
    const protos = [...new Set(group.packets.map((p) => p.proto.toUpperCase()))].join(', ') || '?';
    const ports = portList(group.packets.map((p) => p.localPort).filter((p): p is number => p !== null)) || '?';
    const remotePorts = portList(group.packets.map((p) => p.remotePort).filter((p): p is number => p !== null)) || '?';
    const inbound = group.packets.filter((p) => p.inbound === true).length;
    const vars = {
      ...ownerVars(group.attribution),
      remote: group.remote,
      count: group.packets.length,
      protos,
      ports,
      remotePorts,
      inbound,
    };
    return {
      evidence: [
        evidence(
          'port',
          `${protos}: remote port(s) ${remotePorts} → local port(s) ${ports}`,
          `${protos}: 相手側ポート ${remotePorts} → こちら側ポート ${ports}`,
        ),
        ...portStoryEvidence(group.packets),
        ...(group.packets.length ? [countEvidence(group.packets)] : []),
        ...ownerEvidence(group.attribution, world.sites.get(group.remote)),
      ],
      vars,
    };
  },
  templates: {
    title: { en: 'Traffic NetWhy cannot classify', ja: 'NetWhy が分類できなかった通信' },
    explanation: {
      en: 'NetWhy could not match this traffic to a known pattern. What is known: {count} log line(s) with {remote} ({owner}), protocol {protos}, remote port(s) {remotePorts}, local port(s) {ports}, {inbound} of them sent by the remote side.',
      ja: 'NetWhy はこの通信を既知のパターンに当てはめられませんでした。分かっていること：{remote}（{ownerJa}）との記録が {count} 行、プロトコルは {protos}、相手側ポートは {remotePorts}、こちら側ポートは {ports}、そのうち相手側から送られたものは {inbound} 行です。',
    },
    advice: {
      en: 'If it worries you, look at which program on this PC uses the local port (the Connections screen) and check the owner of the address.',
      ja: '気になる場合は、このPCのどのプログラムがそのポートを使っているか（「接続」画面）と、アドレスの持ち主を確認してください。',
    },
  },
};

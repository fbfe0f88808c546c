import {
  portStoryEvidence,
  countEvidence,
  evidence,
  ownerEvidence,
  ownerVars,
  plural,
  portList,
  portsPhrase,
  protoLabel,
} from '../describe';
import type { RuleMatch, VerdictRule } from '../types';

// Protocols with port numbers; 'unknown' too, since the log may just not have said which protocol it was.
const PORTED = new Set(['tcp', 'udp', 'sctp', 'dccp', 'udplite', 'unknown', '']);

/** Nothing above fits: say what is known, never guess. */
export const unknown: VerdictRule = {
  id: 'unknown.no-rule',
  verdict: 'unknown',
  severity: 'notice',
  match({ group, world }): RuleMatch {
    const protos = [...new Map(group.packets.map((p) => protoLabel(p.proto)).map((l) => [l.en, l])).values()];
    const protoEn = protos.map((p) => p.en).join(', ') || 'unknown';
    const protoJa = protos.map((p) => p.ja).join('、') || '不明';
    const localPorts = group.packets.map((p) => p.localPort).filter((p): p is number => p !== null);
    const remoteList = group.packets.map((p) => p.remotePort).filter((p): p is number => p !== null);
    const ports = portList(localPorts);
    const remotePorts = portList(remoteList);
    const remotePortsPhrase = portsPhrase(remoteList);
    // ICMP and the like have no ports: say so instead of "port ?"; a port the log left out is simply not named.
    const portless = group.packets.length > 0 && group.packets.every((p) => !PORTED.has(p.proto.toLowerCase()));
    const known = [
      remotePorts
        ? {
            en: `remote ${remotePortsPhrase}`,
            ja: `相手側ポート ${remotePorts}`,
            jaIs: `相手側ポートは ${remotePorts}`,
          }
        : null,
      ports
        ? { en: `local ${portsPhrase(localPorts)}`, ja: `こちら側ポート ${ports}`, jaIs: `こちら側ポートは ${ports}` }
        : null,
    ].filter((x) => x !== null);
    const portsEn = portless
      ? 'a protocol without ports'
      : known.length
        ? known.map((k) => k.en).join(' → ')
        : 'no port in the log';
    const portsJa = portless
      ? 'ポートのないプロトコル'
      : known.length
        ? known.map((k) => k.ja).join(' → ')
        : 'ポートの記録なし';
    const inbound = group.packets.filter((p) => p.inbound === true).length;
    const vars = {
      ...ownerVars(group.attribution),
      remote: group.remote,
      count: group.packets.length,
      lines: plural(group.packets.length, 'log line'),
      protos: protoEn,
      protosJa: protoJa,
      portsKnown: portless ? ' (which has no ports)' : known.map((k) => `, ${k.en}`).join(''),
      portsKnownJa: portless ? '（ポートのないプロトコル）' : known.map((k) => `、${k.jaIs}`).join(''),
      inbound,
      fromRemote:
        group.packets.length === 1
          ? inbound
            ? 'sent by the remote side'
            : 'not sent by the remote side'
          : `${inbound} of them sent by the remote side`,
    };
    return {
      evidence: [
        evidence('port', `${protoEn}: ${portsEn}`, `${protoJa}: ${portsJa}`),
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
      en: 'NetWhy could not match this traffic to a known pattern. What is known: {lines} with {remote} ({owner}), protocol {protos}{portsKnown}, {fromRemote}.',
      ja: 'NetWhy はこの通信を既知のパターンに当てはめられませんでした。分かっていること：{remote}（{ownerJa}）との記録が {count} 行、プロトコルは {protosJa}{portsKnownJa}、そのうち相手側から送られたものは {inbound} 行です。',
    },
    advice: {
      en: 'If it worries you, look at which program on this PC uses the local port (the Connections screen) and check the owner of the address.',
      ja: '気になる場合は、このPCのどのプログラムがそのポートを使っているか（「接続」画面）と、アドレスの持ち主を確認してください。',
    },
  },
};

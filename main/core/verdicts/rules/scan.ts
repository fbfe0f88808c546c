import {
  countEvidence,
  evidence,
  isAkamaiCloud,
  isServerNetwork,
  ownerEvidence,
  ownerVars,
  packetKinds,
} from '../describe';
import { isScanShaped } from '../packets';
import { THRESHOLDS } from '../thresholds';
import type { RuleMatch, ScanFinding, TextVars, VerdictRule } from '../types';
import { whenPhrase } from '../when';

/**
 * The count behind the verdict, with the bar it crossed in words a non-expert can check: the scanlogd weights
 * ("weight 238; scan from 21") meant nothing to the people reading the host panel.
 */
function scanCount(finding: ScanFinding): [string, string] {
  const minutes = THRESHOLDS.scanWindowMs / 60_000;
  const seen: [string, string] = [
    `${finding.packets} scan-shaped packets to ${finding.targets} address:port targets within ${minutes} min`,
    `${minutes} 分以内に ${finding.targets} 個の宛先（アドレス:ポート）へスキャン型のパケット ${finding.packets} 個`,
  ];
  const sevenPorts = THRESHOLDS.scanWeight / THRESHOLDS.weightPrivilegedPort;
  const byWeight = finding.weight >= THRESHOLDS.scanWeight && finding.packets >= THRESHOLDS.scanMinPackets;
  return byWeight
    ? [
        `${seen[0]}; NetWhy calls ${sevenPorts} ports below ${THRESHOLDS.highPort}, or ${THRESHOLDS.scanWeight} higher ones, tried within that time a scan (the scanlogd tool's bar)`,
        `${seen[1]}。この時間内に ${THRESHOLDS.highPort} 未満のポート ${sevenPorts} 個、またはそれ以上のポート ${THRESHOLDS.scanWeight} 個が試されたらスキャンと判断します（scanlogd と同じ基準）`,
      ]
    : [
        `${seen[0]}, with flag combinations no ordinary program sends (a stealth scan shows itself by those alone)`,
        `${seen[1]}。通常のプログラムが送らないフラグの組み合わせで、それだけでスキャンと分かります`,
      ];
}

export const scan: VerdictRule = {
  id: 'scan.psad-thresholds',
  verdict: 'scan',
  severity: 'warning',
  match({ group, world }): RuleMatch | null {
    const finding = world.scans.get(group.remote);
    if (!finding) return null;
    const packets = group.packets.filter(isScanShaped);
    if (!packets.length) return null;
    const a = group.attribution;
    const hosts = finding.hosts > 1 ? ` on ${finding.hosts} addresses` : '';
    const hostsJa = finding.hosts > 1 ? `${finding.hosts} 個のアドレスにまたがる ` : '';
    const when = whenPhrase(finding.first, finding.last);
    const stealth = finding.stealth
      ? " Some packets carried flag combinations that no normal program sends (NULL, XMAS or SYN+FIN) — a scanner's trick to slip past firewalls."
      : '';
    const stealthJa = finding.stealth
      ? '一部のパケットには、通常のプログラムが決して送らないフラグの組み合わせ（NULL、XMAS、SYN+FIN）が使われていました。ファイアウォールをすり抜けるためのスキャナーの手口です。'
      : '';
    const cloud = isAkamaiCloud(a)
      ? " The address belongs to Akamai Connected Cloud (formerly Linode), which rents virtual servers to anyone: this is one customer's server, not Akamai's content network."
      : isServerNetwork(a)
        ? " The address belongs to a hosting or cloud network that rents servers to the public: one customer's server is doing this, not the provider itself."
        : '';
    const cloudJa = isAkamaiCloud(a)
      ? 'このアドレスは、誰でも仮想サーバーを借りられる Akamai Connected Cloud（旧 Linode）のものです。Akamai のコンテンツ配信網ではなく、その利用者の一人のサーバーが送っています。'
      : isServerNetwork(a)
        ? 'このアドレスは、サーバーを一般に貸し出しているホスティング／クラウド事業者のものです。事業者自身ではなく、利用者の一人のサーバーが送っています。'
        : '';
    const vars: TextVars = {
      ...ownerVars(a),
      remote: group.remote,
      count: finding.packets,
      ports: finding.ports.length,
      portList: finding.portList,
      hosts,
      hostsJa,
      stealth,
      stealthJa,
      cloud,
      cloudJa,
      when: when.en,
      // "…が、2026年3月12日 3:20〜3:23（UTC+9）に、" — or straight on to the ports when the log has no times.
      whenJa: when.ja ? `${when.ja}、` : '',
    };
    const kinds = packetKinds(packets);
    const ev = [
      evidence('count', ...scanCount(finding)),
      evidence('port', `Ports: ${finding.portList}`, `ポート: ${finding.portList}`),
      evidence('flags', `Packet kinds: ${kinds.en}`, `パケットの種類: ${kinds.ja}`),
      countEvidence(packets),
      ...ownerEvidence(a, world.sites.get(group.remote)),
    ];
    return { evidence: ev, vars };
  },
  templates: {
    title: { en: 'Port scan from {remote}', ja: '{remote} からのポートスキャン' },
    explanation: {
      en: '{remote} ({owner}) sent {count} connection attempts to {ports} different ports{hosts}{when}. That is what a port scanner does: it knocks on many doors to find one that answers.{stealth}{cloud} Your router or firewall logged the attempts; a scan by itself does not mean anyone got in.',
      ja: '{remote}（{ownerJa}）が、{whenJa}{hostsJa}{ports} 種類のポートへ {count} 回の接続を試みました。これはポートスキャンの典型で、応答するドアを探して次々にノックする行為です。{stealthJa}{cloudJa}ルーターやファイアウォールが記録していますが、スキャンされただけで侵入されたことにはなりません。',
    },
    advice: {
      en: "Keep the router firewall on and remove port forwarding you do not need. This is worth reporting to the network's abuse contact — NetWhy can prepare the report.",
      ja: 'ルーターのファイアウォールを有効にしたまま、不要なポート転送は削除してください。このアドレスの管理者の不正利用窓口（abuse 連絡先）へ報告する価値があります。NetWhy で報告書を作成できます。',
    },
  },
};

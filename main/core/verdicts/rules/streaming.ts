import { countEvidence, evidence, isAkamai, ownerEvidence, ownerVars, plural } from '../describe';
import type { Packet } from '../packets';
import type { RuleMatch, VerdictRule } from '../types';

interface StreamSignature {
  service: string;
  serviceJa: string;
  matches(p: Packet, akamai: boolean): boolean;
}

const inRange = (n: number | null, lo: number, hi: number): boolean => n !== null && n >= lo && n <= hi;

/**
 * The legacy media ports of Akamai's end-user FAQ and the vendors' firewall guides (DOMAIN.md §4):
 * service.real.com/firewall/adminfw.html, Apple QTSS guide, Windows Media firewall docs (KB 189416).
 * Matched on the SERVER side of the flow, so someone knocking on the user's own port 554 is not "streaming".
 */
const SIGNATURES: StreamSignature[] = [
  {
    service: 'QuickTime streaming (RTP from server port 2000/2001 to player ports 6970-6999)',
    serviceJa: 'QuickTime のストリーミング（サーバーのポート 2000/2001 からプレーヤーのポート 6970〜6999 への RTP）',
    matches: (p) => p.proto === 'udp' && inRange(p.remotePort, 2000, 2001) && inRange(p.localPort, 6970, 6999),
  },
  {
    service: 'RTSP (port 554), the control channel of RealPlayer and QuickTime streams',
    serviceJa: 'RTSP（ポート 554、RealPlayer や QuickTime のストリームを制御する通信）',
    matches: (p) => p.remotePort === 554,
  },
  {
    service: 'Windows Media MMS (port 1755)',
    serviceJa: 'Windows Media の MMS（ポート 1755）',
    matches: (p) => p.remotePort === 1755,
  },
  {
    service: 'RealPlayer (port 7070)',
    serviceJa: 'RealPlayer（ポート 7070）',
    matches: (p) => p.remotePort === 7070,
  },
  {
    service: 'RealPlayer over HTTP port 8080 ("cloaking")',
    serviceJa: 'HTTP のポート 8080 を使う RealPlayer（クローキング）',
    // 8080 is every proxy's port too: only an Akamai server on it counts (Akamai's FAQ lists it).
    matches: (p, akamai) => akamai && p.remotePort === 8080,
  },
  {
    service: 'RealPlayer / QuickTime media data (UDP to player ports 6970-7170)',
    serviceJa: 'RealPlayer／QuickTime のメディアデータ（プレーヤーのポート 6970〜7170 への UDP）',
    matches: (p) => p.proto === 'udp' && p.inbound === true && inRange(p.localPort, 6970, 7170),
  },
];

/** "UDP 2000 (server) ↔ 6970 (this network)", leaving out a port the log did not name (Netgear names one). */
function portPair(p: Packet): { en: string; ja: string } {
  const proto = p.proto.toUpperCase();
  const server = p.remotePort === null ? '' : ` ${p.remotePort}`;
  return {
    en: `${proto}${server} (server) ↔ ${p.localPort === null ? 'this network' : `${p.localPort} (this network)`}`,
    ja: `${proto}${server}（サーバー）↔ ${p.localPort === null ? 'こちら側' : `${p.localPort}（こちら側）`}`,
  };
}

export const streaming: VerdictRule = {
  id: 'streaming.legacy-media-ports',
  verdict: 'streaming',
  severity: 'info',
  match({ group, world }): RuleMatch | null {
    const akamai = isAkamai(group.attribution);
    for (const sig of SIGNATURES) {
      const packets = group.packets.filter((p) => sig.matches(p, akamai));
      const p = packets[0];
      if (!p) continue;
      const vars = {
        ...ownerVars(group.attribution),
        remote: group.remote,
        service: sig.service,
        serviceJa: sig.serviceJa,
        count: packets.length,
        lines: plural(packets.length, 'log line'),
      };
      return {
        evidence: [
          evidence('port', `${portPair(p).en}: ${sig.service}`, `${portPair(p).ja}: ${sig.serviceJa}`),
          countEvidence(packets),
          ...ownerEvidence(group.attribution, world.sites.get(group.remote)),
        ],
        vars,
      };
    }
    return null;
  },
  templates: {
    title: {
      en: 'Media streaming on a classic streaming port',
      ja: '昔ながらのストリーミング用ポートでの動画・音声配信',
    },
    explanation: {
      en: "In {lines}, {remote} ({owner}) used {service}. These ports come from the era of RealPlayer, QuickTime and Windows Media, and Akamai's own FAQ lists them for streams it delivers. Media arrives on separate ports from the request, so a router may not recognise it and logs or blocks it. It is a media player receiving a stream, not an attack.",
      ja: '{remote}（{ownerJa}）との通信（ログ {count} 行）は、{serviceJa}によるものです。これらは RealPlayer、QuickTime、Windows Media の時代からあるポートで、Akamai 自身の FAQ にも同社が配信するストリーム用として載っています。映像や音声は要求とは別のポートで届くため、ルーターが正体を判断できずに記録・遮断することがあります。メディアプレーヤーが配信を受け取っているだけで、攻撃ではありません。',
    },
    advice: {
      en: 'No action needed. If a video or radio stream did not play, allowing the media ports in the router may help.',
      ja: '対応は不要です。動画やラジオの再生がうまくいかなかった場合は、ルーターでこれらのポートを許可すると改善することがあります。',
    },
  },
};

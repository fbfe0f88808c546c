/**
 * Special-purpose address ranges, recognised without any lookup (IANA IPv4/IPv6 Special-Purpose Address
 * Registries, RFC 6890). Nothing in these ranges is ever looked up online: they do not belong to anybody on the
 * internet, and asking a resolver about a private address leaks a little of the home network.
 */
import type { Role } from '../model/attribution';
import type { LocalizedText } from '../model/verdict';
import { parseAddress, parsePrefix, prefixContains, type ParsedAddress, type Prefix } from './address';

export interface SpecialRange {
  prefix: string;
  role: Role;
  /** Short name of the range. */
  name: LocalizedText;
  /** What it means for someone reading a log. */
  meaning: LocalizedText;
  reference: string;
}

const PRIVATE_MEANING: LocalizedText = {
  en: 'A private address: a device inside a home or company network, never a server on the internet.',
  ja: 'プライベートアドレスです。家庭や社内のネットワーク内の機器で、インターネット上のサーバーではありません。',
};
const DOC_MEANING: LocalizedText = {
  en: 'Reserved for examples in documentation; real traffic never uses it.',
  ja: '説明書や例示のために予約されたアドレスで、実際の通信には使われません。',
};
const RESERVED_MEANING: LocalizedText = {
  en: 'A reserved address that is not used on the public internet.',
  ja: 'インターネット上では使われない予約済みアドレスです。',
};

const RANGES: readonly SpecialRange[] = [
  // IPv4
  {
    prefix: '0.0.0.0/8',
    role: 'reserved',
    name: { en: '"This network" / unspecified', ja: '「このネットワーク」/ 未指定' },
    meaning: {
      en: '0.0.0.0 means "any address" or "not yet known" (a listening socket, a DHCP request); not a remote host.',
      ja: '0.0.0.0 は「すべてのアドレス」や「まだ決まっていない」を表します（待ち受け中のソケットや DHCP 要求）。通信相手ではありません。',
    },
    reference: 'RFC 1122 §3.2.1.3',
  },
  {
    prefix: '10.0.0.0/8',
    role: 'private',
    name: { en: 'Private network', ja: 'プライベートネットワーク' },
    meaning: PRIVATE_MEANING,
    reference: 'RFC 1918',
  },
  {
    prefix: '100.64.0.0/10',
    role: 'cgnat',
    name: { en: 'Carrier-grade NAT (shared address space)', ja: 'キャリアグレード NAT（共有アドレス空間）' },
    meaning: {
      en: "Your provider's shared address space between its NAT and your router (CGNAT); the traffic comes from your provider's network, not from the internet directly.",
      ja: 'プロバイダーの NAT とお使いのルーターの間で使われる共有アドレス（CGNAT）です。インターネットから直接ではなく、プロバイダーの網内からの通信です。',
    },
    reference: 'RFC 6598',
  },
  {
    prefix: '127.0.0.0/8',
    role: 'loopback',
    name: { en: 'Loopback (this PC)', ja: 'ループバック（このPC自身）' },
    meaning: {
      en: 'Loopback: a program on this PC talking to another program on this same PC. Nothing leaves the computer.',
      ja: 'ループバックです。このPC上のプログラム同士の通信で、外部には出ません。',
    },
    reference: 'RFC 1122 §3.2.1.3',
  },
  {
    prefix: '169.254.0.0/16',
    role: 'link-local',
    name: { en: 'Link-local (automatic address)', ja: 'リンクローカル（自動割り当てアドレス）' },
    meaning: {
      en: 'Link-local: a device that gave itself an address because no DHCP server answered; only reachable on the same cable or Wi-Fi.',
      ja: 'リンクローカルです。DHCP の応答がなかった機器が自分で付けたアドレスで、同じケーブルや Wi-Fi の中でしか届きません。',
    },
    reference: 'RFC 3927',
  },
  {
    prefix: '172.16.0.0/12',
    role: 'private',
    name: { en: 'Private network', ja: 'プライベートネットワーク' },
    meaning: PRIVATE_MEANING,
    reference: 'RFC 1918',
  },
  {
    prefix: '192.0.0.0/24',
    role: 'reserved',
    name: { en: 'IETF protocol assignments', ja: 'IETF プロトコル用' },
    meaning: RESERVED_MEANING,
    reference: 'RFC 6890',
  },
  {
    prefix: '192.0.2.0/24',
    role: 'documentation',
    name: { en: 'Documentation (TEST-NET-1)', ja: 'ドキュメント用（TEST-NET-1）' },
    meaning: DOC_MEANING,
    reference: 'RFC 5737',
  },
  {
    prefix: '192.88.99.0/24',
    role: 'reserved',
    name: { en: 'Former 6to4 relay anycast', ja: '旧 6to4 リレー用エニーキャスト' },
    meaning: RESERVED_MEANING,
    reference: 'RFC 7526',
  },
  {
    prefix: '192.168.0.0/16',
    role: 'private',
    name: { en: 'Private network', ja: 'プライベートネットワーク' },
    meaning: PRIVATE_MEANING,
    reference: 'RFC 1918',
  },
  {
    prefix: '198.18.0.0/15',
    role: 'reserved',
    name: { en: 'Benchmarking', ja: 'ベンチマーク試験用' },
    meaning: {
      en: 'Reserved for network equipment benchmark tests; some VPN and proxy apps use it internally.',
      ja: 'ネットワーク機器の性能試験用に予約されたアドレスです。一部の VPN やプロキシアプリが内部で使います。',
    },
    reference: 'RFC 2544',
  },
  {
    prefix: '198.51.100.0/24',
    role: 'documentation',
    name: { en: 'Documentation (TEST-NET-2)', ja: 'ドキュメント用（TEST-NET-2）' },
    meaning: DOC_MEANING,
    reference: 'RFC 5737',
  },
  {
    prefix: '203.0.113.0/24',
    role: 'documentation',
    name: { en: 'Documentation (TEST-NET-3)', ja: 'ドキュメント用（TEST-NET-3）' },
    meaning: DOC_MEANING,
    reference: 'RFC 5737',
  },
  {
    prefix: '224.0.0.0/4',
    role: 'multicast',
    name: { en: 'Multicast', ja: 'マルチキャスト' },
    meaning: {
      en: 'Multicast: one packet to a group of listeners, typically device discovery on the home network (mDNS, SSDP/UPnP).',
      ja: 'マルチキャストです。複数の受信者宛ての通信で、家庭内の機器検出（mDNS、SSDP/UPnP）などに使われます。',
    },
    reference: 'RFC 5771',
  },
  {
    prefix: '255.255.255.255/32',
    role: 'reserved',
    name: { en: 'Broadcast', ja: 'ブロードキャスト' },
    meaning: {
      en: 'Limited broadcast: a packet to every device on the local network (DHCP, device discovery).',
      ja: '同じネットワーク上のすべての機器宛ての通信です（DHCP や機器検出）。',
    },
    reference: 'RFC 919',
  },
  {
    prefix: '240.0.0.0/4',
    role: 'reserved',
    name: { en: 'Reserved (former class E)', ja: '予約済み（旧クラス E）' },
    meaning: RESERVED_MEANING,
    reference: 'RFC 1112 §4',
  },
  // IPv6
  {
    prefix: '::/128',
    role: 'reserved',
    name: { en: 'Unspecified address', ja: '未指定アドレス' },
    meaning: {
      en: ':: means "any address" (a listening socket); not a remote host.',
      ja: ':: は「すべてのアドレス」を表します（待ち受け中のソケット）。通信相手ではありません。',
    },
    reference: 'RFC 4291 §2.5.2',
  },
  {
    prefix: '::1/128',
    role: 'loopback',
    name: { en: 'Loopback (this PC)', ja: 'ループバック（このPC自身）' },
    meaning: {
      en: 'Loopback: a program on this PC talking to another program on this same PC. Nothing leaves the computer.',
      ja: 'ループバックです。このPC上のプログラム同士の通信で、外部には出ません。',
    },
    reference: 'RFC 4291 §2.5.3',
  },
  {
    prefix: '100::/64',
    role: 'reserved',
    name: { en: 'Discard-only', ja: '破棄専用' },
    meaning: RESERVED_MEANING,
    reference: 'RFC 6666',
  },
  {
    prefix: '2001:2::/48',
    role: 'reserved',
    name: { en: 'Benchmarking', ja: 'ベンチマーク試験用' },
    meaning: RESERVED_MEANING,
    reference: 'RFC 5180',
  },
  {
    prefix: '2001:db8::/32',
    role: 'documentation',
    name: { en: 'Documentation', ja: 'ドキュメント用' },
    meaning: DOC_MEANING,
    reference: 'RFC 3849',
  },
  {
    prefix: '3fff::/20',
    role: 'documentation',
    name: { en: 'Documentation', ja: 'ドキュメント用' },
    meaning: DOC_MEANING,
    reference: 'RFC 9637',
  },
  {
    prefix: 'fc00::/7',
    role: 'private',
    name: { en: 'Unique local (private) addresses', ja: 'ユニークローカル（プライベート）アドレス' },
    meaning: PRIVATE_MEANING,
    reference: 'RFC 4193',
  },
  {
    prefix: 'fe80::/10',
    role: 'link-local',
    name: { en: 'Link-local', ja: 'リンクローカル' },
    meaning: {
      en: 'Link-local: every IPv6 device has one; only reachable on the same cable or Wi-Fi (router adverts, neighbour discovery).',
      ja: 'リンクローカルです。すべての IPv6 機器が持つアドレスで、同じケーブルや Wi-Fi の中でしか届きません（ルーター広告、近隣探索）。',
    },
    reference: 'RFC 4291 §2.5.6',
  },
  {
    prefix: 'fec0::/10',
    role: 'private',
    name: { en: 'Site-local (deprecated)', ja: 'サイトローカル（廃止）' },
    meaning: PRIVATE_MEANING,
    reference: 'RFC 3879',
  },
  {
    prefix: 'ff00::/8',
    role: 'multicast',
    name: { en: 'Multicast', ja: 'マルチキャスト' },
    meaning: {
      en: 'Multicast: one packet to a group of listeners, typically device discovery on the home network (mDNS, SSDP/UPnP).',
      ja: 'マルチキャストです。複数の受信者宛ての通信で、家庭内の機器検出（mDNS、SSDP/UPnP）などに使われます。',
    },
    reference: 'RFC 4291 §2.7',
  },
];

interface CompiledRange {
  range: SpecialRange;
  prefix: Prefix;
}

// Most specific first, so 255.255.255.255/32 wins over 240.0.0.0/4 and ::1/128 over anything wider.
const COMPILED: readonly CompiledRange[] = RANGES.map((range) => {
  const prefix = parsePrefix(range.prefix);
  if (!prefix) throw new Error(`bad special range ${range.prefix}`);
  return { range, prefix };
}).sort((a, b) => b.prefix.bits - a.prefix.bits);

/** The special-purpose range an address is in, or null for an ordinary (global) address. */
export function specialRangeOf(address: ParsedAddress | string): SpecialRange | null {
  const a = typeof address === 'string' ? parseAddress(address) : address;
  if (!a) return null;
  for (const c of COMPILED) if (prefixContains(c.prefix, a)) return c.range;
  return null;
}

export const SPECIAL_RANGES: readonly SpecialRange[] = RANGES;

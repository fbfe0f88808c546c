import type { Role } from '../model/attribution';
import type { LocalizedText } from '../model/verdict';

/** What each role means, as a phrase ("a CDN edge server") used in evidence and the CLI. */
export const ROLE_TEXT: Record<Role, LocalizedText> = {
  'cdn-edge': { en: 'a CDN edge server (content delivery)', ja: 'CDN のエッジサーバー（コンテンツ配信）' },
  'cloud-customer': {
    en: "a rented cloud server (run by the provider's customer, not the provider)",
    ja: 'クラウドの貸しサーバー（運用者は事業者ではなくその利用者）',
  },
  'ddos-scrubbing': {
    en: "a DDoS-scrubbing network carrying its customers' traffic",
    ja: '顧客の通信を中継する DDoS 対策網',
  },
  'private-relay': { en: 'an iCloud Private Relay egress', ja: 'iCloud プライベートリレーの出口' },
  dns: { en: 'a DNS server', ja: 'DNS サーバー' },
  isp: { en: 'an internet provider’s network', ja: 'インターネットプロバイダーのネットワーク' },
  hosting: { en: 'a rented server at a hosting company', ja: 'ホスティング事業者の貸しサーバー' },
  private: { en: 'a private (home or company) address', ja: 'プライベート（家庭・社内）アドレス' },
  loopback: { en: 'this PC itself (loopback)', ja: 'このPC自身（ループバック）' },
  'link-local': {
    en: 'a link-local address on the local network',
    ja: 'ローカルネットワーク上のリンクローカルアドレス',
  },
  cgnat: { en: "your provider's shared (CGNAT) address space", ja: 'プロバイダーの共有（CGNAT）アドレス空間' },
  documentation: { en: 'a documentation-only address', ja: 'ドキュメント専用アドレス' },
  multicast: { en: 'a multicast group', ja: 'マルチキャストグループ' },
  reserved: { en: 'a reserved address', ja: '予約済みアドレス' },
  unknown: { en: 'unknown', ja: '不明' },
};

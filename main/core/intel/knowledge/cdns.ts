/**
 * Other CDNs and clouds users meet in the same logs, so Akamai is not the only network NetWhy recognises.
 * Well-known AS numbers (PeeringDB / RIR AS names) and the DNS names the providers document for their servers;
 * anything not confirmed in a published source is marked certain: false.
 */
import type { AsnInfo, HostnameRule, ProviderKnowledge } from './types';

const asn = (n: number, name: string, role: AsnInfo['role'], certain: boolean, note?: AsnInfo['note']): AsnInfo =>
  note ? { asn: n, name, role, certain, note } : { asn: n, name, role, certain };

const host = (suffix: string, role: HostnameRule['role'], certain: boolean, en: string, ja: string): HostnameRule => ({
  suffix,
  role,
  certain,
  what: { en, ja },
});

export const CLOUDFLARE: ProviderKnowledge = {
  owner: 'cloudflare',
  displayName: { en: 'Cloudflare', ja: 'Cloudflare' },
  asns: [asn(13335, 'CLOUDFLARENET', 'cdn-edge', true), asn(209242, 'CLOUDFLARESPECTRUM', 'cdn-edge', false)],
  hostnames: [
    host('one.one.one.one', 'dns', true, "Cloudflare's public DNS resolver", 'Cloudflare の公開 DNS リゾルバー'),
    host('cdn.cloudflare.net', 'cdn-edge', true, 'a Cloudflare CDN name', 'Cloudflare の CDN 用の名前'),
    host('cloudflare.net', 'cdn-edge', true, 'a Cloudflare name', 'Cloudflare の名前'),
    host('cloudflare.com', 'cdn-edge', true, 'a Cloudflare name', 'Cloudflare の名前'),
  ],
  orgs: [{ pattern: /cloudflare/i, role: 'cdn-edge' }],
  sources: ['PeeringDB AS13335', 'cloudflare.com/ips'],
};

export const FASTLY: ProviderKnowledge = {
  owner: 'fastly',
  displayName: { en: 'Fastly', ja: 'Fastly' },
  asns: [asn(54113, 'FASTLY', 'cdn-edge', true)],
  hostnames: [
    host('fastly.net', 'cdn-edge', true, 'a Fastly CDN name', 'Fastly の CDN 用の名前'),
    host('fastlylb.net', 'cdn-edge', true, 'a Fastly load-balancer name', 'Fastly の負荷分散用の名前'),
  ],
  orgs: [{ pattern: /fastly/i, role: 'cdn-edge' }],
  sources: ['PeeringDB AS54113', 'api.fastly.com/public-ip-list'],
};

const GOOGLE_MIXED = {
  en: "Google's own services (Search, YouTube, Gmail) and some Google Cloud customers' servers share this network.",
  ja: 'Google 自身のサービス（検索、YouTube、Gmail）と一部の Google Cloud 利用者のサーバーが同じネットワークにあります。',
};

export const GOOGLE: ProviderKnowledge = {
  owner: 'google',
  displayName: { en: 'Google', ja: 'Google' },
  asns: [
    asn(15169, 'GOOGLE', 'cdn-edge', false, GOOGLE_MIXED),
    asn(36040, 'YOUTUBE', 'cdn-edge', true),
    asn(396982, 'GOOGLE-CLOUD-PLATFORM', 'cloud-customer', true),
    asn(19527, 'GOOGLE-2', 'cdn-edge', false),
    asn(139070, 'GOOGLE-AS-AP', 'cdn-edge', false),
  ],
  hostnames: [
    host('dns.google', 'dns', true, "Google's public DNS resolver", 'Google の公開 DNS リゾルバー'),
    host('1e100.net', 'cdn-edge', true, 'the reverse-DNS name of Google servers', 'Google のサーバーの逆引き名'),
    host(
      'googleusercontent.com',
      'cloud-customer',
      true,
      'a Google Cloud customer server',
      'Google Cloud 利用者のサーバー',
    ),
    host('googlevideo.com', 'cdn-edge', true, 'a YouTube video server', 'YouTube の動画配信サーバー'),
    host('gvt1.com', 'cdn-edge', true, 'a Google download server', 'Google のダウンロード配信サーバー'),
  ],
  orgs: [{ pattern: /google|youtube/i, role: 'cdn-edge' }],
  sources: ['PeeringDB AS15169', 'gstatic.com/ipranges/goog.json'],
};

export const AMAZON: ProviderKnowledge = {
  owner: 'amazon',
  displayName: { en: 'Amazon (AWS / CloudFront)', ja: 'Amazon（AWS／CloudFront）' },
  asns: [
    asn(16509, 'AMAZON-02', 'cloud-customer', false, {
      en: 'Carries both AWS customers’ servers and the CloudFront CDN; reverse DNS tells them apart.',
      ja: 'AWS 利用者のサーバーと CloudFront CDN の両方があり、逆引き名で区別できます。',
    }),
    asn(14618, 'AMAZON-AES', 'cloud-customer', true),
  ],
  hostnames: [
    host('cloudfront.net', 'cdn-edge', true, 'an Amazon CloudFront edge server', 'Amazon CloudFront のエッジサーバー'),
    host(
      'amazonaws.com',
      'cloud-customer',
      true,
      'an AWS customer server (EC2 and others)',
      'AWS 利用者のサーバー（EC2 など）',
    ),
  ],
  orgs: [
    { pattern: /cloudfront/i, role: 'cdn-edge' },
    { pattern: /amazon|\baws\b/i, role: 'cloud-customer' },
  ],
  sources: ['PeeringDB AS16509', 'ip-ranges.amazonaws.com/ip-ranges.json'],
};

export const MICROSOFT: ProviderKnowledge = {
  owner: 'microsoft',
  displayName: { en: 'Microsoft / Azure', ja: 'Microsoft／Azure' },
  asns: [
    asn(8075, 'MICROSOFT-CORP-MSN-AS-BLOCK', 'cdn-edge', false, {
      en: "Microsoft's own services (Windows Update, Office, Teams) and many Azure customers' servers share this network.",
      ja: 'Microsoft 自身のサービス（Windows Update、Office、Teams）と多くの Azure 利用者のサーバーが同じネットワークにあります。',
    }),
  ],
  hostnames: [
    host('msedge.net', 'cdn-edge', true, 'a Microsoft edge server', 'Microsoft のエッジサーバー'),
    host('azureedge.net', 'cdn-edge', true, 'an Azure CDN name', 'Azure CDN の名前'),
    host('azurefd.net', 'cdn-edge', true, 'an Azure Front Door name', 'Azure Front Door の名前'),
    host('trafficmanager.net', 'dns', true, 'Azure Traffic Manager (DNS)', 'Azure Traffic Manager（DNS）'),
    host('cloudapp.azure.com', 'cloud-customer', true, 'an Azure customer server', 'Azure 利用者のサーバー'),
    host('cloudapp.net', 'cloud-customer', true, 'an Azure customer server', 'Azure 利用者のサーバー'),
    host('windowsupdate.com', 'cdn-edge', true, 'a Windows Update server', 'Windows Update のサーバー'),
  ],
  orgs: [{ pattern: /microsoft|azure/i, role: 'cdn-edge' }],
  sources: ['PeeringDB AS8075', 'Azure IP Ranges and Service Tags'],
};

export const APPLE: ProviderKnowledge = {
  owner: 'apple',
  displayName: { en: 'Apple', ja: 'Apple' },
  asns: [asn(714, 'APPLE-ENGINEERING', 'cdn-edge', true), asn(6185, 'APPLE-AUSTIN', 'cdn-edge', false)],
  hostnames: [
    host('aaplimg.com', 'cdn-edge', true, 'an Apple CDN edge server', 'Apple の CDN エッジサーバー'),
    host('apple-dns.net', 'cdn-edge', false, 'an Apple CDN name', 'Apple の CDN 用の名前'),
    host('cdn-apple.com', 'cdn-edge', true, 'an Apple CDN name', 'Apple の CDN 用の名前'),
    host('apple.com', 'cdn-edge', true, 'an Apple name', 'Apple の名前'),
    host('icloud.com', 'cdn-edge', true, 'an iCloud name', 'iCloud の名前'),
  ],
  orgs: [{ pattern: /^apple\b|apple inc|apple-engineering/i, role: 'cdn-edge' }],
  sources: ['PeeringDB AS714', 'support.apple.com/101555 (Apple networks)'],
};

/** Rented-server hosts often seen in scans; knowing them helps an abuse report reach the right desk. */
export const HOSTING: readonly ProviderKnowledge[] = (
  [
    ['digitalocean', 'DigitalOcean', 14061, 'DIGITALOCEAN-ASN', /digitalocean/i],
    ['ovh', 'OVHcloud', 16276, 'OVH', /\bovh/i],
    ['hetzner', 'Hetzner', 24940, 'HETZNER-AS', /hetzner/i],
    ['vultr', 'Vultr', 20473, 'AS-CHOOPA', /vultr|choopa/i],
  ] as const
).map(([owner, name, n, asName, pattern]) => ({
  owner,
  displayName: { en: name, ja: name },
  asns: [asn(n, asName, 'hosting', true)],
  hostnames: [],
  orgs: [{ pattern, role: 'hosting' as const }],
  sources: [`PeeringDB AS${n}`],
}));

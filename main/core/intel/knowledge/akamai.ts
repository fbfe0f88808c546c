/**
 * Akamai: autonomous systems, DNS names and organisation names (shared/DOMAIN.md §1-2). AS names from RIPEstat /
 * public CDN-range scripts (schniggie/cdn-ranges, SM443/IP-Prefix-List), PeeringDB AS20940, manrs.org participant 146.
 * Roles the sources do not confirm are marked certain: false and weigh less.
 */
import type { AsnInfo, HostnameRule, ProviderKnowledge } from './types';

const edge = (asn: number, name: string, certain = false): AsnInfo => ({ asn, name, role: 'cdn-edge', certain });

const CITY_SITE = {
  en: 'An Akamai city site; its exact use is not documented.',
  ja: 'Akamai の都市拠点用 AS です。具体的な用途は公表されていません。',
};

const ASNS: AsnInfo[] = [
  edge(20940, 'AKAMAI-ASN1 (Akamai International B.V.)', true),
  edge(16625, 'AKAMAI-AS (Akamai Technologies, Inc.)', true),
  edge(12222, 'AKAMAI'),
  edge(21342, 'AKAMAI-ASN2'),
  edge(21399, 'AKAMAI3'),
  edge(21357, 'AKAMAI-MAPPING'),
  ...(
    [
      [31107, 'AKAMAI-NY'],
      [31108, 'AKAMAI-VA'],
      [31109, 'AKAMAI-LA'],
      [31110, 'AKAMAI-SJC'],
      [31377, 'AKAMAI-BOS'],
      [43639, 'AKAMAI-AMS2'],
      [34164, 'AKAMAI-LON'],
      [34850, 'AKAMAI-MUC'],
      [35204, 'AKAMAI-DUB'],
      [39836, 'AKAMAI-FRA'],
    ] as const
  ).map(([asn, name]) => ({ ...edge(asn, name), note: CITY_SITE })),
  // AS33905 is a city site that is seen announcing edge addresses.
  edge(33905, 'AKAMAI-AMS', true),
  edge(24319, 'AKAMAI-TYO-AP'),
  edge(55770, 'AKAMAI-AP'),
  {
    asn: 23903,
    name: 'AKAMAI-AS-BANGLORE',
    role: 'unknown',
    certain: false,
    note: { en: "Akamai's office network in Bangalore.", ja: 'Akamai のバンガロールのオフィス用ネットワークです。' },
  },
  {
    asn: 393560,
    name: 'AKAMAI-TEST',
    role: 'unknown',
    certain: false,
    note: { en: 'An Akamai test network.', ja: 'Akamai の試験用ネットワークです。' },
  },
  ...[16702, 18680, 18717, 20189, 22207, 23454, 23455, 30675, 35993, 35994].map((asn) => edge(asn, 'AKAMAI-AS')),
  {
    asn: 36183,
    name: 'AKAMAI-AS',
    role: 'private-relay',
    certain: true,
    note: {
      en: 'Akamai runs iCloud Private Relay egress here (172.225.x.x): traffic of Apple users hidden behind the relay.',
      ja: 'Akamai が iCloud プライベートリレーの出口（172.225.x.x）として運用しています。リレーを使う Apple ユーザーの通信です。',
    },
  },
  {
    asn: 32787,
    name: 'PROLEXIC-TECHNOLOGIES-DDOS-MITIGATION-NETWORK',
    role: 'ddos-scrubbing',
    certain: true,
    note: {
      en: "Prolexic, Akamai's DDoS-scrubbing network (bought 2014): it carries its customers' traffic, so the real sender is an Akamai customer.",
      ja: 'この AS は Akamai の DDoS 対策網 Prolexic（2014 年買収）で、顧客の通信を中継します。実際の送信元は Akamai の顧客です。',
    },
  },
  {
    asn: 63949,
    name: 'AKAMAI-LINODE-AP (Akamai Connected Cloud)',
    role: 'cloud-customer',
    certain: true,
    note: {
      en: 'Akamai Connected Cloud, formerly Linode (bought 2022): virtual servers rented by anyone. Not the Akamai CDN.',
      ja: 'この AS は Akamai Connected Cloud（旧 Linode、2022 年買収）で、誰でも借りられる仮想サーバーです。Akamai の CDN ではありません。',
    },
  },
  // Tagged as Akamai by public CDN lists only.
  ...[17204, 22452, 26008, 33047, 49846, 55409, 133103].map((asn): AsnInfo => ({
    ...edge(asn, 'listed as Akamai by CDN range lists'),
    ownerUncertain: true,
  })),
];

const ipDashed = String.raw`\d{1,3}-\d{1,3}-\d{1,3}-\d{1,3}`;

const HOSTNAMES: HostnameRule[] = [
  {
    suffix: 'deploy.static.akamaitechnologies.com',
    pattern: new RegExp(`^a${ipDashed}\\.deploy\\.static\\.akamaitechnologies\\.com$`),
    role: 'cdn-edge',
    certain: true,
    what: {
      en: 'the reverse-DNS name Akamai gives its edge (CDN) servers',
      ja: 'Akamai がエッジ（CDN）サーバーに付ける逆引き名',
    },
  },
  {
    suffix: 'deploy.akamaitechnologies.com',
    role: 'cdn-edge',
    certain: true,
    what: {
      en: 'the older reverse-DNS name of Akamai edge (CDN) servers',
      ja: 'Akamai のエッジ（CDN）サーバーの旧形式の逆引き名',
    },
  },
  {
    suffix: 'akamaitechnologies.com',
    role: 'cdn-edge',
    certain: false,
    what: { en: "a name in Akamai's own zone", ja: 'Akamai 自身のドメインの名前' },
  },
  ...(
    [
      ['akamaiedge.net', 'an Akamai edge map name (Enhanced TLS)', 'Akamai のエッジ割り当て名（Enhanced TLS）'],
      ['akamai.net', 'an Akamai edge map name', 'Akamai のエッジ割り当て名'],
      ['edgekey.net', 'an Akamai edge hostname (Enhanced TLS)', 'Akamai のエッジホスト名（Enhanced TLS）'],
      ['edgesuite.net', 'an Akamai edge hostname (Standard TLS)', 'Akamai のエッジホスト名（Standard TLS）'],
      ['akamaized.net', 'an Akamai edge hostname (shared certificate)', 'Akamai のエッジホスト名（共有証明書）'],
      ['akamaihd.net', 'an Akamai media delivery name', 'Akamai のメディア配信用の名前'],
      ['akamaistream.net', 'an Akamai streaming name', 'Akamai のストリーミング用の名前'],
      ['akamaitech.net', 'an Akamai delivery name', 'Akamai の配信用の名前'],
    ] as const
  ).map(([suffix, en, ja]): HostnameRule => ({ suffix, role: 'cdn-edge', certain: true, what: { en, ja } })),
  {
    suffix: 'srip.net',
    role: 'cdn-edge',
    certain: false,
    what: { en: 'a name in an Akamai-operated zone', ja: 'Akamai が運用するドメインの名前' },
  },
  {
    suffix: 'akadns.net',
    role: 'dns',
    certain: true,
    what: { en: 'Akamai DNS / global traffic management', ja: 'Akamai の DNS／グローバル負荷分散' },
  },
  {
    suffix: 'akam.net',
    role: 'dns',
    certain: true,
    what: { en: "Akamai's authoritative DNS servers", ja: 'Akamai の権威 DNS サーバー' },
  },
  {
    suffix: 'members.linode.com',
    pattern: /^li\d+-\d+\.members\.linode\.com$/,
    role: 'cloud-customer',
    certain: true,
    what: {
      en: 'a rented Linode / Akamai Connected Cloud virtual server',
      ja: 'Linode／Akamai Connected Cloud の貸し仮想サーバー',
    },
  },
  {
    suffix: 'ip.linodeusercontent.com',
    role: 'cloud-customer',
    certain: true,
    what: {
      en: 'a rented Linode / Akamai Connected Cloud virtual server',
      ja: 'Linode／Akamai Connected Cloud の貸し仮想サーバー',
    },
  },
];

export const AKAMAI: ProviderKnowledge = {
  owner: 'akamai',
  displayName: { en: 'Akamai', ja: 'Akamai' },
  asns: ASNS,
  hostnames: HOSTNAMES,
  orgs: [
    { pattern: /linode|akamai connected cloud/i, role: 'cloud-customer' },
    { pattern: /prolexic/i, role: 'ddos-scrubbing' },
    { pattern: /akamai/i, role: 'cdn-edge' },
  ],
  sources: ['shared/DOMAIN.md §1-2', 'PeeringDB AS20940', 'RIPEstat AS names', 'techdocs.akamai.com edge hostnames'],
};

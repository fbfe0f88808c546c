/** Who an address belongs to, with the evidence that says so (issue 4). */
export type Owner =
  'akamai' | 'cloudflare' | 'fastly' | 'google' | 'amazon' | 'microsoft' | 'apple' | 'linode' | string;

export type Role =
  | 'cdn-edge'
  | 'cloud-customer'
  | 'ddos-scrubbing'
  | 'private-relay'
  | 'dns'
  | 'isp'
  | 'hosting'
  | 'private'
  | 'loopback'
  | 'link-local'
  | 'cgnat'
  | 'documentation'
  | 'multicast'
  | 'reserved'
  | 'unknown';

export type Confidence = 'high' | 'medium' | 'low';

export type EvidenceKind =
  | 'special-range'
  | 'asn'
  | 'ptr'
  | 'ptr-forward-confirm'
  | 'rdap'
  | 'prefix-list'
  | 'process'
  | 'port'
  | 'flags'
  | 'count'
  | 'dns-cache'
  | 'state'
  | 'timing';

export interface Evidence {
  kind: EvidenceKind | string;
  /** Plain English detail; UIs may translate by kind + params. */
  detail: string;
  /** Japanese rendering of the same detail. */
  detailJa?: string;
}

export interface RdapSummary {
  name: string | null;
  org: string | null;
  country: string | null;
  abuseEmail: string | null;
}

export interface Attribution {
  ip: string;
  asn: number | null;
  asOrg: string | null;
  country: string | null;
  ptr: string | null;
  ptrConfirmed: boolean | null;
  rdap: RdapSummary | null;
  owner: Owner | null;
  role: Role;
  confidence: Confidence;
  evidence: Evidence[];
}

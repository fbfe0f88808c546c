/** What NetWhy knows about providers, and the lookups over it: by AS number, by DNS name, by registered name. */
import type { Owner } from '../../model/attribution';
import { AKAMAI } from './akamai';
import { AMAZON, APPLE, CLOUDFLARE, FASTLY, GOOGLE, HOSTING, MICROSOFT } from './cdns';
import type { AsnInfo, HostnameRule, OrgRule, ProviderKnowledge } from './types';

export type { AsnInfo, HostnameRule, OrgRule, ProviderKnowledge } from './types';
export { NETSESSION_PROCESSES, isNetSessionProcess } from './netsession';
export { PUBLIC_RESOLVERS } from './resolvers';

export const PROVIDERS: readonly ProviderKnowledge[] = [
  AKAMAI,
  CLOUDFLARE,
  FASTLY,
  GOOGLE,
  AMAZON,
  MICROSOFT,
  APPLE,
  ...HOSTING,
];

export interface AsnMatch extends AsnInfo {
  owner: Owner;
  provider: ProviderKnowledge;
}

export interface HostnameMatch extends HostnameRule {
  owner: Owner;
  provider: ProviderKnowledge;
  name: string;
}

export interface OrgMatch extends OrgRule {
  owner: Owner;
  provider: ProviderKnowledge;
}

const BY_ASN = new Map<number, AsnMatch>();
for (const provider of PROVIDERS)
  for (const a of provider.asns) BY_ASN.set(a.asn, { ...a, owner: provider.owner, provider });

export function knownAsn(asn: number | null | undefined): AsnMatch | null {
  return asn === null || asn === undefined ? null : (BY_ASN.get(asn) ?? null);
}

// Longest zone first so "deploy.static.akamaitechnologies.com" wins over "akamaitechnologies.com".
const HOST_RULES = PROVIDERS.flatMap((provider) => provider.hostnames.map((rule) => ({ rule, provider }))).sort(
  (a, b) => b.rule.suffix.length - a.rule.suffix.length,
);

/** Normalises a DNS name as resolvers return it: lowercase, no trailing dot. */
export function normalizeHostname(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

/** The provider a DNS name (PTR or CNAME target) belongs to, or null. */
export function matchHostname(name: string | null | undefined): HostnameMatch | null {
  if (!name) return null;
  const n = normalizeHostname(name);
  for (const { rule, provider } of HOST_RULES) {
    if (n !== rule.suffix && !n.endsWith(`.${rule.suffix}`)) continue;
    if (rule.pattern && !rule.pattern.test(n)) continue;
    return { ...rule, owner: provider.owner, provider, name: n };
  }
  return null;
}

/** The provider a registered organisation or network name (AS name, RDAP) points to, or null. */
export function matchOrgName(name: string | null | undefined): OrgMatch | null {
  if (!name) return null;
  for (const provider of PROVIDERS)
    for (const org of provider.orgs) if (org.pattern.test(name)) return { ...org, owner: provider.owner, provider };
  return null;
}

export function providerName(owner: Owner | null): string | null {
  if (!owner) return null;
  return PROVIDERS.find((p) => p.owner === owner)?.displayName.en ?? owner;
}

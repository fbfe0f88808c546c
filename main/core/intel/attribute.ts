/**
 * Combines what is known about an address into one Attribution: who runs it, in what role, how sure we are, and
 * every piece of evidence in both languages. Pure: the lookups happen elsewhere and arrive as inputs.
 *
 * How sure (never more than the evidence shows):
 * - a special-purpose range is certain (high) and needs nothing else;
 * - an AS number in the knowledge table alone: high when its role is confirmed, medium when not, low when only
 *   third-party CDN lists call it the provider's;
 * - a reverse-DNS (PTR) name alone: medium when the name resolves back to the address (forward-confirmed), low when
 *   not, because whoever holds an address block can write any PTR name for it;
 * - two independent sources naming the same provider (AS, confirmed PTR, RDAP registration): high.
 * Akamai servers inside ISPs (AANP) carry the ISP's AS number, so a confirmed Akamai PTR over an ISP's AS still
 * says Akamai, with both pieces of evidence shown.
 */
import type { Attribution, Confidence, Evidence, Owner, RdapSummary, Role } from '../model/attribution';
import { embeddedIpv4, parseAddress } from './address';
import * as text from './evidence-text';
import { knownAsn, matchHostname, matchOrgName, PUBLIC_RESOLVERS, type HostnameMatch } from './knowledge';
import { specialRangeOf } from './special-ranges';

/** One record of the offline IP database (IPDB: main/core/intel/ipdb.ts). */
export interface IpdbRecord {
  asn: number | null;
  asOrg: string | null;
  country: string | null;
}

export type LookupStatus = 'ok' | 'none' | 'error' | 'skipped';

export interface PtrInput {
  status: LookupStatus;
  /** The PTR name (lowercase, no trailing dot) when status is 'ok'. */
  name: string | null;
  /** The name's A/AAAA records contain the address; null when that could not be checked. */
  confirmed: boolean | null;
}

export interface RdapInput {
  status: LookupStatus;
  summary: RdapSummary | null;
  /** Which registry answered ("rdap.apnic.net"). */
  server?: string | null;
}

export interface AttributionInput {
  ip: string;
  ipdb?: IpdbRecord | null;
  ptr?: PtrInput | null;
  rdap?: RdapInput | null;
  /** False when online lookups were not made (setting off, --offline): said so in the evidence. */
  online?: boolean;
}

const LEVELS: readonly Confidence[] = ['low', 'medium', 'high'];
const level = (c: Confidence): number => LEVELS.indexOf(c);
const atLeast = (a: Confidence, b: Confidence): Confidence => (level(a) >= level(b) ? a : b);

interface Claim {
  owner: Owner;
  role: Role;
  confidence: Confidence;
  source: 'asn' | 'asn-org' | 'ptr' | 'rdap' | 'resolver';
}

export class InvalidAddressError extends Error {}

/** Attribution of an address from the evidence given. Throws InvalidAddressError for text that is no address. */
export function attributeAddress(input: AttributionInput): Attribution {
  const parsed = parseAddress(input.ip);
  if (!parsed) throw new InvalidAddressError(`Not an IP address: ${input.ip}`);

  const inner = embeddedIpv4(parsed);
  if (inner) {
    const v4 = attributeAddress({ ...input, ip: inner.ipv4 });
    return { ...v4, ip: parsed.text, evidence: [text.embedded(parsed.text, inner.ipv4, inner.via), ...v4.evidence] };
  }

  const special = specialRangeOf(parsed);
  if (special)
    return {
      ip: parsed.text,
      asn: null,
      asOrg: null,
      country: null,
      ptr: null,
      ptrConfirmed: null,
      rdap: null,
      owner: null,
      role: special.role,
      confidence: 'high',
      evidence: [text.specialRange(special)],
    };

  const ipdb = input.ipdb ?? null;
  const ptr = input.ptr?.status === 'ok' ? input.ptr : null;
  const rdap = input.rdap?.status === 'ok' ? input.rdap.summary : null;
  const evidence: Evidence[] = [];
  const claims: Claim[] = [];

  const resolver = PUBLIC_RESOLVERS.get(parsed.text);
  if (resolver) {
    claims.push({ owner: resolver.owner, role: 'dns', confidence: 'high', source: 'resolver' });
    evidence.push(text.publicResolver(parsed.text, resolver.name));
  }

  // AS number from the offline database.
  const asMatch = knownAsn(ipdb?.asn);
  const asOrgMatch = asMatch ? null : matchOrgName(ipdb?.asOrg);
  if (asMatch) {
    const confidence: Confidence = asMatch.ownerUncertain ? 'low' : asMatch.certain ? 'high' : 'medium';
    claims.push({ owner: asMatch.owner, role: asMatch.role, confidence, source: 'asn' });
  } else if (asOrgMatch) {
    claims.push({ owner: asOrgMatch.owner, role: asOrgMatch.role, confidence: 'medium', source: 'asn-org' });
  }
  if (ipdb) evidence.push(text.asnEvidence(ipdb, asMatch, asOrgMatch));
  else evidence.push(text.noIpdbRecord());

  // Reverse DNS.
  const host: HostnameMatch | null = ptr ? matchHostname(ptr.name) : null;
  if (ptr && host) {
    const confidence: Confidence = ptr.confirmed ? 'medium' : 'low';
    claims.push({ owner: host.owner, role: host.role, confidence, source: 'ptr' });
  }
  evidence.push(...text.ptrEvidence(parsed.text, input.ptr ?? null, host, input.online));

  // RDAP registration.
  const rdapMatch = rdap ? (matchOrgName(rdap.org) ?? matchOrgName(rdap.name)) : null;
  if (rdapMatch) claims.push({ owner: rdapMatch.owner, role: rdapMatch.role, confidence: 'medium', source: 'rdap' });
  evidence.push(...text.rdapEvidence(input.rdap ?? null, rdapMatch, input.online));

  const decided = decide(claims, host, ptr?.confirmed ?? null);
  if (decided && ipdb && decided.owner !== (asMatch?.owner ?? asOrgMatch?.owner ?? null) && decided.source === 'ptr')
    evidence.push(text.insideIsp(decided.owner, ipdb));

  let owner: Owner | null = decided?.owner ?? null;
  let role: Role = decided?.role ?? 'unknown';
  let confidence: Confidence = decided?.confidence ?? 'low';
  if (!decided && looksLikeIsp(ipdb?.asOrg ?? rdap?.org ?? null)) {
    role = 'isp';
    evidence.push(text.ispByName());
  }
  if (!decided) {
    owner = null;
    confidence = 'low';
  }

  return {
    ip: parsed.text,
    asn: ipdb?.asn ?? null,
    asOrg: ipdb?.asOrg ?? null,
    country: ipdb?.country ?? rdap?.country ?? null,
    ptr: ptr?.name ?? null,
    ptrConfirmed: ptr ? ptr.confirmed : null,
    rdap,
    owner,
    role,
    confidence,
    evidence,
  };
}

/**
 * Picks the owner: a forward-confirmed PTR is the most specific evidence (it finds Akamai servers inside ISPs),
 * then the AS number, then the RDAP registration, then an unconfirmed PTR. Agreement between independent sources
 * raises confidence to high.
 */
function decide(claims: Claim[], host: HostnameMatch | null, ptrConfirmed: boolean | null): Claim | null {
  const by = (s: Claim['source']): Claim | undefined => claims.find((c) => c.source === s);
  const resolver = by('resolver');
  if (resolver) return resolver;
  const ptr = by('ptr');
  const asn = by('asn') ?? by('asn-org');
  const rdap = by('rdap');
  const primary = (ptr && ptrConfirmed ? ptr : undefined) ?? asn ?? rdap ?? ptr;
  if (!primary) return null;

  const agreeing = [ptr, asn, rdap].filter(
    (c): c is Claim => c !== undefined && c.owner === primary.owner && !(c.source === 'ptr' && !ptrConfirmed),
  );
  let confidence = primary.confidence;
  if (agreeing.length >= 2) confidence = 'high';
  // An unconfirmed PTR that agrees with the AS still adds a little.
  if (agreeing.length === 1 && ptr && !ptrConfirmed && ptr.owner === primary.owner && primary !== ptr)
    confidence = atLeast(confidence, 'medium');

  // The most specific role: a confirmed PTR knows CloudFront from EC2, Linode from the CDN.
  const role = ptr && ptrConfirmed && ptr.owner === primary.owner && host ? host.role : primary.role;
  return { ...primary, role, confidence };
}

// Registered names of access providers usually say so; used only to word an otherwise unknown owner (low).
const ISP_WORDS =
  /\b(telecom|telekom|telecommunications?|communications?|broadband|cable|internet|isp|dsl|fiber|fibre|mobile|wireless|net(?:work)?s?)\b|ntt|kddi|softbank|so-net|biglobe|ocn|comcast|verizon|at&t|vodafone|orange|telefonica|jio|chinanet|unicom/i;

function looksLikeIsp(org: string | null): boolean {
  return org !== null && ISP_WORDS.test(org);
}

import type { Owner, Role } from '../../model/attribution';
import type { LocalizedText } from '../../model/verdict';

/** One autonomous system a provider operates, and what its addresses are used for. */
export interface AsnInfo {
  asn: number;
  /** Registered AS name (RIR / RIPEstat). */
  name: string;
  role: Role;
  /** False where the role is not confirmed by a source (shared/DOMAIN.md "(uncertain)"). */
  certain: boolean;
  /** Only third-party CDN lists say this AS is the provider's at all: weaker than a registered name. */
  ownerUncertain?: boolean;
  note?: LocalizedText;
}

/** A DNS name pattern: a reverse-DNS (PTR) name or a CNAME target that identifies a provider's servers. */
export interface HostnameRule {
  /** Zone the name ends in ("akamaiedge.net" matches "e6858.dsce9.akamaiedge.net" and itself). */
  suffix: string;
  /** Extra shape the whole name must have (e.g. the address embedded in an edge PTR). */
  pattern?: RegExp;
  role: Role;
  certain: boolean;
  /** What such a name is, shown as evidence. */
  what: LocalizedText;
}

/** A registered organisation name (AS name, RDAP network/org) that belongs to a provider. */
export interface OrgRule {
  pattern: RegExp;
  role: Role;
}

export interface ProviderKnowledge {
  owner: Owner;
  /** Name shown to users. */
  displayName: LocalizedText;
  asns: readonly AsnInfo[];
  hostnames: readonly HostnameRule[];
  orgs: readonly OrgRule[];
  /** Where its public address list / facts come from (shown in the README). */
  sources: readonly string[];
}

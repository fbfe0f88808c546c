/**
 * The user's own data file layered over the bundled database: fields the user's file provides (its ASN data, or its
 * country data) come from it, the other fields from the bundled data, so pointing the app at a newer GeoLite2-ASN
 * file does not lose countries.
 */
import type { IpDatabaseLike, IpLookupResult } from './ipdb';

export interface Provides {
  asn: boolean;
  country: boolean;
}

export class LayeredIpDatabase implements IpDatabaseLike {
  constructor(
    private readonly primary: IpDatabaseLike,
    private readonly provides: Provides,
    private readonly fallback: IpDatabaseLike | null,
  ) {}

  lookup(ip: string): IpLookupResult | null {
    const p = this.primary.lookup(ip);
    const needFallback = !this.provides.asn || !this.provides.country;
    const f = needFallback && this.fallback ? this.fallback.lookup(ip) : null;
    const asnSide = this.provides.asn ? p : f;
    const countrySide = this.provides.country ? p : f;
    const asn = asnSide?.asn ?? null;
    const asOrg = asnSide?.asOrg ?? null;
    const country = countrySide?.country ?? null;
    if (asn === null && asOrg === null && country === null) return null;
    return { asn, asOrg, country };
  }
}

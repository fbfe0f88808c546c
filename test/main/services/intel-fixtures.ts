/** A small stand-in for the offline IP database, with real-world records (checked against the bundled data). */
import type { IpDatabaseLike, IpLookupResult } from '../../../main/core/intel/ipdb';

const RECORDS: Record<string, IpLookupResult> = {
  '110.232.152.33': { asn: 2527, asOrg: 'Sony Network Communications Inc.', country: 'JP' },
  '110.232.152.34': { asn: 2527, asOrg: 'Sony Network Communications Inc.', country: 'JP' },
  '23.215.0.136': { asn: 20940, asOrg: 'Akamai International B.V.', country: 'US' },
  '45.33.32.156': { asn: 63949, asOrg: 'Akamai Technologies, Inc.', country: 'US' },
  '1.1.1.1': { asn: 13335, asOrg: 'Cloudflare, Inc.', country: 'AU' },
};

export function fakeIpdb(): IpDatabaseLike & { lookups: string[] } {
  const lookups: string[] = [];
  return {
    lookups,
    lookup(ip) {
      lookups.push(ip);
      return RECORDS[ip] ?? null;
    },
  };
}

export const AANP_PTR = 'a110-232-152-33.deploy.static.akamaitechnologies.com';

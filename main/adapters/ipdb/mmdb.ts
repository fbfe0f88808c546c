/**
 * The user's MMDB file (MaxMind DB format: GeoLite2-ASN, GeoLite2-Country/City, DB-IP lite, ip-location-db's -mmdb
 * packages) read with mmdb-lib, behind the same lookup() as the bundled database.
 */
import { basename } from 'node:path';
import { Reader, type Response } from 'mmdb-lib';
import { z } from 'zod';
import type { IpDatabaseLike, IpLookupResult } from '../../core/intel/ipdb';
import type { Provides } from '../../core/intel/ipdb-layered';
import { normalizeIp } from '../../core/net/ip';
import type { IpDatabaseSourceInfo } from './load';

// The record fields the known databases use: GeoIP2/GeoLite2 and DB-IP (country.iso_code, registered_country,
// autonomous_system_*), ip-location-db's own MMDBs (country_code). Anything else is ignored, never trusted.
const IsoCode = z.object({ iso_code: z.string().optional() }).partial();
const MmdbRecord = z
  .object({
    autonomous_system_number: z.number().int().nonnegative().optional(),
    autonomous_system_organization: z.string().optional(),
    country: IsoCode.optional(),
    registered_country: IsoCode.optional(),
    country_code: z.string().optional(),
  })
  .passthrough();

class MmdbIpDatabase implements IpDatabaseLike {
  constructor(private readonly reader: Reader<Response>) {}

  lookup(ip: string): IpLookupResult | null {
    let normal = normalizeIp(ip);
    if (!normal) return null;
    // IPv4-mapped IPv6: ask for the IPv4 address (mmdb-lib does not follow the ::ffff:0:0/96 alias itself).
    if (normal.startsWith('::ffff:') && normal.includes('.')) normal = normal.slice(7);
    let raw: unknown;
    try {
      raw = this.reader.get(normal);
    } catch {
      return null;
    }
    if (raw === null || raw === undefined) return null;
    const parsed = MmdbRecord.safeParse(raw);
    if (!parsed.success) return null;
    const r = parsed.data;
    const cc = (r.country?.iso_code ?? r.country_code ?? r.registered_country?.iso_code ?? '').toUpperCase();
    const result: IpLookupResult = {
      asn: r.autonomous_system_number ? r.autonomous_system_number : null,
      asOrg: r.autonomous_system_organization || null,
      country: /^[A-Z]{2}$/.test(cc) && cc !== 'ZZ' ? cc : null,
    };
    return result.asn === null && result.asOrg === null && result.country === null ? null : result;
  }
}

/** Which fields a database type provides ("GeoLite2-ASN", "DBIP-Country-Lite", "GeoIP2-City", "ipinfo asn" ...). */
export function mmdbProvides(databaseType: string): Provides {
  const asn = /asn|isp/i.test(databaseType);
  const country = /country|city|location/i.test(databaseType);
  // An unknown type: take whatever each record holds.
  return asn || country ? { asn, country } : { asn: true, country: true };
}

export function loadMmdb(path: string, bytes: Buffer): { db: IpDatabaseLike; info: IpDatabaseSourceInfo } {
  let reader: Reader<Response>;
  try {
    reader = new Reader<Response>(bytes);
  } catch (err) {
    throw new Error(
      `${basename(path)}: not a readable MMDB file (${err instanceof Error ? err.message : String(err)})`,
    );
  }
  const { databaseType, buildEpoch, description } = reader.metadata;
  const provides = mmdbProvides(databaseType);
  const epoch = buildEpoch instanceof Date && !Number.isNaN(buildEpoch.getTime()) ? buildEpoch : null;
  const en = (description as unknown as Record<string, string> | undefined)?.['en'];
  return {
    db: new MmdbIpDatabase(reader),
    info: {
      kind: 'mmdb',
      path,
      dataDate: epoch ? epoch.toISOString().slice(0, 10) : null,
      provides,
      description: en ? `${databaseType} — ${en}` : databaseType,
      sources: [],
    },
  };
}

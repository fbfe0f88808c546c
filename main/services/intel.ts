/**
 * "Who is this address?": the offline IP database, then (only while online lookups are allowed) reverse DNS and
 * RDAP, each cached, combined by core/intel/attribute.ts. With `online()` false nothing here opens a socket: no
 * resolver or HTTP client is even created until the first online lookup.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { addressKey, embeddedIpv4, parseAddress } from '../core/intel/address';
import {
  attributeAddress,
  InvalidAddressError,
  type IpdbRecord,
  type PtrInput,
  type RdapInput,
} from '../core/intel/attribute';
import type { IpDatabaseLike } from '../core/intel/ipdb';
import { specialRangeOf } from '../core/intel/special-ranges';
import type { Attribution } from '../core/model/attribution';
import { normalizeIp } from '../core/net/ip';
import { createReverseDns, type ReverseDns } from '../adapters/dns/reverse';
import {
  loadBootstrap,
  refreshedBootstrapTime,
  refreshRdapBootstrap,
  type RdapBootstrap,
} from '../adapters/rdap/bootstrap';
import { createRdapClient, type RdapClient } from '../adapters/rdap/client';
import { loadIpDatabase, type IpDatabaseSourceInfo } from '../adapters/ipdb/load';
import { readDnsCache, readRdapCache, writeDnsCache, writeRdapCache, type CacheStatus } from '../db/repos/intel-cache';

export { InvalidAddressError };

export interface IntelOptions {
  /** SQLite database holding dns_cache / rdap_cache; without it results are cached in memory for this process. */
  db?: Database | null;
  /** Asked before every online lookup: false = nothing is looked up online (the onlineLookups setting, --offline). */
  online: () => boolean;
  /** A ready reverse-DNS adapter; by default one is created on first use (system resolver, or `dnsServers`). */
  resolver?: ReverseDns;
  dnsServers?: string[];
  rdap?: RdapClient;
  /** Ask this RDAP base URL for every address (tests). */
  rdapBaseOverride?: string;
  /** Folder with refreshed IANA bootstrap files (the app's data folder). */
  bootstrapDir?: string;
  /** Where refreshBootstrap() downloads from (tests: a server on 127.0.0.1); default data.iana.org. */
  bootstrapBaseUrl?: string;
  /** The offline IP database; undefined = load the bundled one on first use; null = none. */
  ipdb?: IpDatabaseLike | null;
  ipdbSources?: IpDatabaseSourceInfo[];
  now?: () => number;
}

export interface IntelSources {
  ipdb: { description: string; dataDate: string | null; attributions: string[] }[];
  rdapBootstrap: { ipv4: string; ipv6: string };
}

export interface Intel {
  /** Offline database plus whatever earlier online lookups cached; never touches the network. */
  attributeOffline(ip: string): Attribution;
  /** attributeOffline, plus reverse DNS and RDAP when online() allows (cached). */
  attribute(ip: string): Promise<Attribution>;
  sources(): IntelSources;
  /**
   * Downloads IANA's RDAP bootstrap files into bootstrapDir and uses them from then on: only while online() allows;
   * with `ifOlderThanMs`, only when the copy there is missing or older than that (the start-up check).
   */
  refreshBootstrap(options?: { ifOlderThanMs?: number }): Promise<BootstrapRefresh>;
}

/** What a bootstrap refresh did; publication = the dates of the files in use afterwards. */
export interface BootstrapRefresh {
  status: 'refreshed' | 'fresh' | 'offline' | 'failed' | 'no-folder';
  publication: { ipv4: string; ipv6: string };
  /** Why it failed (network or format error, in English; the screen shows its own words around it). */
  error: string | null;
}

const HOUR = 3_600_000;
const TTL: Record<'dns' | 'rdap', Record<CacheStatus, number>> = {
  dns: { ok: 24 * HOUR, none: 6 * HOUR, error: HOUR / 6 },
  rdap: { ok: 7 * 24 * HOUR, none: 24 * HOUR, error: HOUR / 4 },
};

const RdapSummaryJson = z.object({
  name: z.string().nullable(),
  org: z.string().nullable(),
  country: z.string().nullable(),
  abuseEmail: z.string().nullable(),
});

/** "62.239.237.0/32", "074.125.000.000" -> range key; null when it is not an address. */
function rangeKey(text: string | null, family: 4 | 6): string | null {
  if (!text) return null;
  const ip = normalizeIp(text.split('/')[0] ?? '');
  const a = ip ? parseAddress(ip) : null;
  return a && a.family === family ? addressKey(a.family, a.value) : null;
}

export function createIntel(options: IntelOptions): Intel {
  const now = options.now ?? Date.now;
  const db = options.db ?? null;
  const memDns = new Map<string, PtrInput & { expiresAt: number }>();
  const memRdap = new Map<string, RdapInput & { expiresAt: number }>();
  const inflight = new Map<string, Promise<Attribution>>();

  let ipdb: IpDatabaseLike | null | undefined = options.ipdb;
  let ipdbSources = options.ipdbSources ?? [];
  const database = (): IpDatabaseLike | null => {
    if (ipdb === undefined) {
      try {
        const loaded = loadIpDatabase();
        ipdb = loaded.db;
        ipdbSources = loaded.sources;
      } catch {
        ipdb = null; // attribution still works: special ranges, public resolvers, online evidence
      }
    }
    return ipdb;
  };

  let bootstrap: RdapBootstrap | undefined;
  const getBootstrap = (): RdapBootstrap => (bootstrap ??= loadBootstrap(options.bootstrapDir));
  let resolver = options.resolver;
  let rdap = options.rdap;
  const getResolver = (): ReverseDns =>
    (resolver ??= createReverseDns(options.dnsServers ? { servers: options.dnsServers } : {}));
  const getRdap = (): RdapClient =>
    (rdap ??= createRdapClient({
      bootstrap: getBootstrap(),
      ...(options.rdapBaseOverride ? { baseOverride: options.rdapBaseOverride } : {}),
    }));

  function cachedPtr(ip: string): PtrInput | null {
    const t = now();
    if (db) {
      const row = readDnsCache(db, { ip, now: t });
      return row ? { status: row.status, name: row.ptr, confirmed: row.confirmed } : null;
    }
    const m = memDns.get(ip);
    return m && m.expiresAt > t ? m : null;
  }

  function cachedRdap(ip: string): RdapInput | null {
    const t = now();
    if (db) {
      const a = parseAddress(ip);
      if (!a) return null;
      const row = readRdapCache(db, { ip, family: a.family, key: addressKey(a.family, a.value), now: t });
      if (!row) return null;
      const summary = row.summary ? RdapSummaryJson.safeParse(JSON.parse(row.summary)) : null;
      return { status: row.status, summary: summary?.success ? summary.data : null, server: row.server };
    }
    const m = memRdap.get(ip);
    return m && m.expiresAt > t ? m : null;
  }

  async function lookupPtr(ip: string): Promise<PtrInput> {
    const cached = cachedPtr(ip);
    if (cached) return cached;
    const r = await getResolver().lookup(ip);
    const t = now();
    const row = { status: r.status, name: r.name, confirmed: r.confirmed };
    if (db)
      writeDnsCache(db, {
        ip,
        status: r.status,
        ptr: r.name,
        confirmed: r.confirmed,
        fetchedAt: t,
        expiresAt: t + TTL.dns[r.status],
      });
    else memDns.set(ip, { ...row, expiresAt: t + TTL.dns[r.status] });
    return row;
  }

  async function lookupRdap(ip: string): Promise<RdapInput> {
    const cached = cachedRdap(ip);
    if (cached) return cached;
    const r = await getRdap().lookup(ip);
    const t = now();
    const n = r.network;
    const summary = n ? { name: n.name, org: n.org, country: n.country, abuseEmail: n.abuseEmail } : null;
    const result: RdapInput = { status: r.status, summary, server: r.server };
    const a = parseAddress(ip);
    if (db && a)
      writeRdapCache(db, {
        queryIp: ip,
        family: a.family,
        startKey: rangeKey(n?.startAddress ?? null, a.family),
        endKey: rangeKey(n?.endAddress ?? null, a.family),
        status: r.status,
        server: r.server,
        summary: summary ? JSON.stringify(summary) : null,
        fetchedAt: t,
        expiresAt: t + TTL.rdap[r.status],
      });
    else memRdap.set(ip, { ...result, expiresAt: t + TTL.rdap[r.status] });
    return result;
  }

  /** The address whose PTR/RDAP/database answer counts: the IPv4 inside a mapped or NAT64 address. */
  function lookupTarget(ip: string): { canonical: string; target: string; special: boolean } {
    const a = parseAddress(ip);
    if (!a) throw new InvalidAddressError(`Not an IP address: ${ip}`);
    const inner = embeddedIpv4(a);
    const target = inner ? inner.ipv4 : a.text;
    return { canonical: a.text, target, special: specialRangeOf(target) !== null };
  }

  function ipdbRecord(target: string): IpdbRecord | null {
    return database()?.lookup(target) ?? null;
  }

  function attributeOffline(ip: string): Attribution {
    const { canonical, target, special } = lookupTarget(ip);
    if (special) return attributeAddress({ ip: canonical });
    const online = options.online();
    const ptr = cachedPtr(target);
    const rdapCached = cachedRdap(target);
    return attributeAddress({
      ip: canonical,
      ipdb: ipdbRecord(target),
      ptr,
      rdap: rdapCached,
      ...(online ? {} : { online: false }),
    });
  }

  async function attributeOnline(ip: string): Promise<Attribution> {
    const { canonical, target, special } = lookupTarget(ip);
    // Private and reserved addresses are never asked about online.
    if (special || !options.online()) return attributeOffline(ip);
    const [ptr, rdapResult] = await Promise.all([lookupPtr(target), lookupRdap(target)]);
    return attributeAddress({ ip: canonical, ipdb: ipdbRecord(target), ptr, rdap: rdapResult, online: true });
  }

  return {
    attributeOffline,
    attribute(ip) {
      const key = normalizeIp(ip) ?? ip;
      const running = inflight.get(key);
      if (running) return running;
      const p = attributeOnline(ip).finally(() => inflight.delete(key));
      inflight.set(key, p);
      return p;
    },
    sources() {
      database();
      return {
        ipdb: ipdbSources.map((s) => ({
          description: s.description,
          dataDate: s.dataDate,
          attributions: s.sources.map((x) => x.attribution),
        })),
        rdapBootstrap: getBootstrap().publication,
      };
    },
    async refreshBootstrap(o = {}) {
      const dir = options.bootstrapDir;
      const result = (status: BootstrapRefresh['status'], error: string | null = null): BootstrapRefresh => ({
        status,
        publication: getBootstrap().publication,
        error,
      });
      if (!dir) return result('no-folder');
      if (!options.online()) return result('offline');
      if (o.ifOlderThanMs !== undefined) {
        const at = refreshedBootstrapTime(dir);
        if (at !== null && now() - at < o.ifOlderThanMs) return result('fresh');
      }
      try {
        await refreshRdapBootstrap(dir, options.bootstrapBaseUrl ? { baseUrl: options.bootstrapBaseUrl } : {});
      } catch (e) {
        return result('failed', e instanceof Error ? e.message : String(e));
      }
      // Later lookups ask the registries the new files name (cached answers stay valid: they name the holder).
      bootstrap = undefined;
      rdap = options.rdap;
      return result('refreshed');
    },
  };
}

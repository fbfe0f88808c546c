import type { Database } from 'better-sqlite3';
import { loadBundledIpDatabase } from '../adapters/ipdb/load';
import { attributeAddress } from '../core/intel/attribute';
import type { Attribution } from '../core/model/attribution';
import type { ConnectionEvent } from '../core/model/event';
import { analyzeEvents, type Analysis, type HostSummary } from '../core/verdicts/analyze';
import { ownerName } from '../core/verdicts/describe';
import type { DnsRecord } from '../core/verdicts/dns-cache';
import { ipSortKey } from '../core/verdicts/host-table';
import { isLocalAddress } from '../core/net/scope';
import type { LocalSocket } from '../core/verdicts/types';
import { readEventsForAnalysis } from '../db/repos/analysis-events';
import { replaceHosts, type HostRecord } from '../db/repos/hosts';
import type { Connection } from '../../preload/contract/sockets';

/** The part of the intel service the verdicts need (contract: createIntel(...).attributeOffline). */
export interface Attributor {
  attributeOffline(ip: string): Attribution;
}

/**
 * Offline attribution from the bundled IP database; null when the database is missing. Online lookups (PTR,
 * RDAP) belong to the intel service, which replaces this when wired.
 */
export function bundledAttributor(): Attributor | null {
  try {
    const { db } = loadBundledIpDatabase();
    return { attributeOffline: (ip) => attributeAddress({ ip, ipdb: db.lookup(ip), online: false }) };
  } catch {
    return null;
  }
}

/** What an address is when no attribution source is available: nothing is claimed. */
export function unattributed(ip: string): Attribution {
  return {
    ip,
    asn: null,
    asOrg: null,
    country: null,
    ptr: null,
    ptrConfirmed: null,
    rdap: null,
    owner: null,
    role: 'unknown',
    confidence: 'low',
    evidence: [],
  };
}

/** Live Connections rows as the rules' sockets (stateSince makes a CLOSE_WAIT "lingering"). */
export function socketsFromConnections(connections: readonly Connection[]): LocalSocket[] {
  return connections
    .filter((c) => c.closedAt === null)
    .map((c) => ({
      protocol: c.protocol,
      family: c.family,
      localAddress: c.localAddress,
      localPort: c.localPort,
      remoteAddress: c.remoteAddress,
      remotePort: c.remotePort,
      state: c.state,
      pid: c.pid,
      processName: c.processName,
      processPath: c.processPath,
      stateSince: c.stateSince,
      source: 'live' as const,
    }));
}

/** Internet addresses of events and sockets (what attribution is asked about; private ones never are). */
export function internetAddresses(events: readonly ConnectionEvent[], sockets: readonly LocalSocket[]): string[] {
  const ips = new Set<string>();
  for (const e of events) {
    if (e.src) ips.add(e.src);
    if (e.dst) ips.add(e.dst);
  }
  for (const s of sockets) if (s.remoteAddress) ips.add(s.remoteAddress);
  return [...ips].filter((ip) => !isLocalAddress(ip));
}

/**
 * Full attribution (reverse DNS and RDAP when the intel service's online() allows), a few at a time so a big log
 * does not flood the resolver; text that is no address is skipped.
 */
export async function attributeOnline(
  ips: readonly string[],
  attribute: (ip: string) => Promise<Attribution>,
  concurrency = 8,
): Promise<Map<string, Attribution>> {
  const out = new Map<string, Attribution>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < ips.length) {
      const ip = ips[next++] as string;
      try {
        out.set(ip, await attribute(ip));
      } catch {
        // not an address
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, ips.length) }, worker));
  return out;
}

/** Every internet address of the events and sockets, attributed once each. */
export function attributeAll(
  events: readonly ConnectionEvent[],
  sockets: readonly LocalSocket[],
  attributor: Attributor | null,
): Map<string, Attribution> {
  const ips = new Set<string>();
  for (const e of events) {
    if (e.src) ips.add(e.src);
    if (e.dst) ips.add(e.dst);
  }
  for (const s of sockets) if (s.remoteAddress) ips.add(s.remoteAddress);
  const out = new Map<string, Attribution>();
  for (const ip of ips) {
    try {
      out.set(ip, attributor ? attributor.attributeOffline(ip) : unattributed(ip));
    } catch {
      // Not an address (a router printed a name): the rules skip what has no attribution.
    }
  }
  return out;
}

export function toHostRecord(h: HostSummary): HostRecord {
  const a = h.attribution;
  return {
    row: {
      ip: h.ip,
      owner: ownerName(a),
      role: a?.role ?? null,
      asn: a?.asn ?? null,
      asOrg: a?.asOrg ?? null,
      country: a?.country ?? null,
      verdict: h.verdict.id,
      severity: h.verdict.severity,
      lane: h.lane,
      title: h.verdict.title,
      events: h.events,
      firstSeen: h.firstSeen,
      lastSeen: h.lastSeen,
    },
    ownerId: a?.owner ?? null,
    confidence: a?.confidence ?? null,
    ipKey: ipSortKey(h.ip),
    detail: {
      verdictDetail: {
        ...h.verdict,
        evidence: h.verdict.evidence.map((e) => ({
          kind: e.kind,
          detail: e.detail,
          ...(e.detailJa ? { detailJa: e.detailJa } : {}),
        })),
      },
      ports: h.ports.slice(0, 50),
      remotePorts: h.remotePorts.slice(0, 50),
      protocols: h.protocols,
      actions: h.actions,
      flowVerdicts: h.flowVerdicts,
      links: h.links,
      sites: h.sites,
    },
  };
}

export interface RefreshOptions {
  attributor: Attributor | null;
  sockets?: readonly LocalSocket[];
  dnsCache?: readonly DnsRecord[];
  now: number;
}

/** Rebuilds the hosts table from every stored event plus the live sockets. */
export function refreshHosts(
  db: Database,
  options: RefreshOptions,
): { hosts: number; events: number; at: number; analysis: Analysis } {
  const events = readEventsForAnalysis(db);
  const sockets = options.sockets ?? [];
  const analysis = analyzeEvents(events, {
    attributions: attributeAll(events, sockets, options.attributor),
    sockets,
    ...(options.dnsCache ? { dnsCache: options.dnsCache } : {}),
    now: options.now,
  });
  replaceHosts(db, analysis.hosts.map(toHostRecord), options.now);
  return { hosts: analysis.hosts.length, events: events.length, at: options.now, analysis };
}

export interface HostsAutoRefresh {
  /** Asks for a rebuild soon; several asks within the delay make one rebuild (two imports finishing together). */
  schedule(): void;
  stop(): void;
}

/**
 * Rebuilds the hosts table shortly after an import finishes, so every screen that reads verdicts or lanes (Hosts,
 * Timeline, Connections badges) sees the new events without each one having to ask.
 */
export function createHostsAutoRefresh(options: {
  db: Database;
  attributor: () => Attributor | null;
  sockets: () => readonly LocalSocket[];
  now: () => number;
  onRefreshed: (r: { at: number; hosts: number }) => void;
  delayMs?: number;
}): HostsAutoRefresh {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const run = (): void => {
    timer = null;
    if (stopped) return;
    try {
      const at = options.now();
      const r = refreshHosts(options.db, { attributor: options.attributor(), sockets: options.sockets(), now: at });
      options.onRefreshed({ at, hosts: r.hosts });
    } catch {
      // The database closed under us (app quitting): nothing to rebuild.
    }
  };
  return {
    schedule() {
      if (stopped) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(run, options.delayMs ?? 300);
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}

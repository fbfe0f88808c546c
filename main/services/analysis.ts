import type { Database } from 'better-sqlite3';
import { loadBundledIpDatabase } from '../adapters/ipdb/load';
import { attributeAddress } from '../core/intel/attribute';
import type { Attribution } from '../core/model/attribution';
import type { ConnectionEvent } from '../core/model/event';
import { analyzeEvents, hostAnalyzer, type HostSummary } from '../core/verdicts/analyze';
import { ownerName } from '../core/verdicts/describe';
import type { DnsRecord } from '../core/verdicts/dns-cache';
import { ipSortKey } from '../core/verdicts/host-table';
import { isLocalAddress } from '../core/net/scope';
import type { LocalSocket } from '../core/verdicts/types';
import {
  countEvents,
  forEachUdpEvent,
  readEventsForAnalysis,
  readHostChunk,
  readSocketEvents,
  readStrayEvents,
  type StoredEvent,
} from '../db/repos/analysis-events';
import { repairBulkIndexes } from '../db/bulk-indexes';
import { siteChains } from '../core/verdicts/dns-cache';
import { internetRemotes, socketsFromEvents } from '../core/verdicts/link';
import { toPacket, type Packet } from '../core/verdicts/packets';
import { isPeerLike, p2pPortCollector } from '../core/verdicts/world';
import { hostWriter, replaceHosts, type HostRecord } from '../db/repos/hosts';
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
  /** Events read per step of the host walk (default 20,000; tests make it tiny to cross step boundaries). */
  chunkEvents?: number;
}

/** Events read per step of the host walk: bounds memory (a step's events and their hosts' analyses). */
const HOST_CHUNK_EVENTS = 20_000;

export interface RefreshResult {
  hosts: number;
  events: number;
  at: number;
}

/**
 * Rebuilds the hosts table from every stored event plus the live sockets, in one transaction.
 *
 * A month of a router log holds a million events from a hundred thousand addresses or more (scanners come from
 * everywhere). Judging them all at once held every packet, flow and explanation in memory: 100,000 addresses took
 * 14 s and 800 MB, 300,000 took 58 s and 2.1 GB. So the stored log is walked host by host along the
 * events(remote, ts_utc) index, a chunk of hosts at a time, after one pass over the few facts that span hosts (this
 * PC's sockets, P2P ports). The hosts and verdicts are the same as analyzeEvents() over all events (tested).
 */
export function refreshHosts(db: Database, options: RefreshOptions): RefreshResult {
  const at = options.now;
  const sockets = options.sockets ?? [];
  // The walk needs the address index; a big import in another process may have dropped it for a while.
  const indexed = repairBulkIndexes(db, Date.now());
  if (indexed !== 'ok' && indexed !== 'built') return refreshHostsInMemory(db, options);

  const attribute = (ip: string): Attribution | null => {
    if (!options.attributor) return unattributed(ip);
    try {
      return options.attributor.attributeOffline(ip);
    } catch {
      return null; // not an address (a router printed a name): the rules skip what has no attribution
    }
  };
  const internet = (p: Packet): boolean => p.remote !== '' && !isLocalAddress(p.remote);
  const writer = hostWriter(db, at);

  return db.transaction((): RefreshResult => {
    const events = countEvents(db);
    const allSockets = [...sockets, ...socketsFromEvents(readSocketEvents(db))];
    const peers = new Map<string, boolean>();
    const p2p = p2pPortCollector(allSockets, (ip) => {
      let peer = peers.get(ip);
      if (peer === undefined) peers.set(ip, (peer = isPeerLike(attribute(ip) ?? undefined)));
      return peer;
    });
    forEachUdpEvent(db, (e) => {
      const p = toPacket(e);
      if (internet(p)) p2p.add(p);
    });
    const analyze = hostAnalyzer({
      sockets: allSockets,
      p2pPorts: p2p.finish(),
      sites: siteChains(options.dnsCache ?? []),
      now: at,
    });

    const strays = new Map<string, StoredEvent[]>();
    for (const s of readStrayEvents(db)) {
      const p = toPacket(s.event);
      if (!internet(p)) continue;
      const list = strays.get(p.remote);
      if (list) list.push(s);
      else strays.set(p.remote, [s]);
    }
    writer.clear();
    const done = new Set<string>();
    const judge = (ip: string, stored: readonly StoredEvent[], live = false): void => {
      // A host's events in input order; the rules place some of them elsewhere (strays) or nowhere (private).
      const packets = stored.map((s) => toPacket(s.event)).filter((p) => p.remote === ip && internet(p));
      if (!packets.length && !live) return;
      done.add(ip);
      writer.put(toHostRecord(analyze(ip, packets, attribute(ip)).host));
    };
    for (let after = ''; ;) {
      const chunk = readHostChunk(db, after, options.chunkEvents ?? HOST_CHUNK_EVENTS);
      if (!chunk.length) break;
      for (const { remote, events: list } of chunk) {
        const extra = strays.get(remote);
        strays.delete(remote);
        judge(remote, extra ? [...list, ...extra].sort((a, b) => a.id - b.id) : list);
      }
      after = (chunk[chunk.length - 1] as { remote: string }).remote;
    }
    for (const [ip, list] of strays) judge(ip, list);
    // Live sockets to addresses no event mentions.
    for (const ip of internetRemotes(sockets)) if (!done.has(ip)) judge(ip, [], true);
    return { hosts: done.size, events, at };
  })();
}

/** The whole analysis in memory: the fallback while another import keeps the address index dropped. */
export function refreshHostsInMemory(db: Database, options: RefreshOptions): RefreshResult {
  const events = readEventsForAnalysis(db);
  const sockets = options.sockets ?? [];
  const analysis = analyzeEvents(events, {
    attributions: attributeAll(events, sockets, options.attributor),
    sockets,
    ...(options.dnsCache ? { dnsCache: options.dnsCache } : {}),
    now: options.now,
  });
  replaceHosts(db, analysis.hosts.map(toHostRecord), options.now);
  return { hosts: analysis.hosts.length, events: events.length, at: options.now };
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

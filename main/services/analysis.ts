import type { Database } from 'better-sqlite3';
import { loadBundledIpDatabase } from '../adapters/ipdb/load';
import { attributeAddress } from '../core/intel/attribute';
import type { Attribution } from '../core/model/attribution';
import type { ConnectionEvent } from '../core/model/event';
import { hostAnalyzer, type HostSummary } from '../core/verdicts/analyze';
import { ownerName } from '../core/verdicts/describe';
import type { DnsRecord } from '../core/verdicts/dns-cache';
import { ipSortKey } from '../core/verdicts/host-table';
import { isInternetAddress } from '../core/net/scope';
import type { LocalSocket } from '../core/verdicts/types';
import {
  countEvents,
  readUdpEvents,
  readHostChunk,
  readHostEvents,
  type HostPageCursor,
  readSocketEvents,
  type StoredEvent,
} from '../db/repos/analysis-events';
import { bulkIndexesPresent, LIVE_IMPORT_MS, repairBulkIndexes } from '../db/bulk-indexes';
import { siteChains } from '../core/verdicts/dns-cache';
import { internetRemotes, socketsFromEvents } from '../core/verdicts/link';
import { toPacket, type Packet } from '../core/verdicts/packets';
import { isPeerLike, p2pPortCollector } from '../core/verdicts/world';
import {
  abandonHostsRebuild,
  beginHostsRebuild,
  dropRetiredHostDetails,
  finishHostsRebuild,
  hostsRebuildIndexes,
  hostsSummaryState,
  type HostRecord,
} from '../db/repos/hosts';
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
  return [...ips].filter(isInternetAddress);
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
    const a = attributeOne(attributor, ip);
    if (a) out.set(ip, a);
  }
  return out;
}

/** One address's offline attribution; null for text that is no address (a router printed a name). */
function attributeOne(attributor: Attributor | null, ip: string): Attribution | null {
  if (!attributor) return unattributed(ip);
  try {
    return attributor.attributeOffline(ip);
  } catch {
    return null; // the rules skip what has no attribution
  }
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
        id: h.verdict.id,
        severity: h.verdict.severity,
        rule: h.verdict.rule,
        vars: h.verdictVars,
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
  /** The rebuild's time (the hosts' updated_at, the rules' "now") when no clock is given. */
  now: number;
  /**
   * Read when the walk starts, for the same purpose as `now`: a request may wait behind a rebuild of ten seconds or
   * more, and a time taken at the request would mark the summary older than an import that finished meanwhile.
   */
  clock?: () => number;
  /** Events read per step of the host walk (default HOST_CHUNK_EVENTS; tests make it tiny to cross boundaries). */
  chunkEvents?: number;
  /** Stops a rebuild between steps (the app quitting); the previous table stays. */
  signal?: AbortSignal | undefined;
}

/**
 * Events read per step of the host walk: bounds memory and how long one step holds the main process (about 0.1 s for
 * a step of hosts seen once each, the most expensive kind).
 */
const HOST_CHUNK_EVENTS = 1_000;
/** UDP events read per step of the P2P port pass. */
const UDP_CHUNK_EVENTS = 10_000;

export interface RefreshResult {
  hosts: number;
  events: number;
  at: number;
  /**
   * True when nothing was rebuilt because an import is writing with the address index dropped (the previous table
   * stays; the import's end and the auto-refresh's retries ask again). `hosts` is then the previous table's count.
   */
  deferred: boolean;
}

/**
 * Rebuild requests of one database: the one running (or last started) and at most one waiting behind it. Several
 * asks while one waits (the Hosts screen opening, the Timeline seeing a stale summary, an import ending) are one
 * rebuild: each walk reads every stored event, ~10 s per 100,000 hosts, so a queue of them would only repeat work.
 */
interface RefreshQueue {
  tail: Promise<unknown>;
  /** The request not started yet: later callers change its options and share its result. */
  waiting: { request: { options: RefreshOptions }; result: Promise<RefreshResult> } | null;
}
const queues = new WeakMap<Database, RefreshQueue>();

/** Lets timers, IPC and paint run between steps of long work in the main process (a rebuild, a report's walk). */
export const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The address index went missing during a walk (an import dropped it to write faster). */
class IndexDropped extends Error {}

/**
 * Rebuilds the hosts table from every stored event plus the live sockets.
 *
 * A month of a router log holds a million events from a hundred thousand addresses or more (scanners come from
 * everywhere). Judging them all at once held every packet, flow and explanation in memory and the main process
 * for the whole time: 100,000 addresses took 14 s and 800 MB, 300,000 took 58 s and 2.1 GB, with the window
 * frozen throughout. So the stored log is walked host by host along the events(remote, ts_utc) index, a
 * thousand events per step with a pause between steps, after one pass over the few facts that span hosts (this
 * PC's sockets, P2P ports). Hosts are written to `hosts_next` and put in place at the end in one short transaction:
 * screens read the previous table until then. The verdicts are the same as analyzeEvents() over all events (tested).
 *
 * One rebuild runs at a time per database. A request made while another waits joins it: the caller gets the
 * waiting request's result, and the rebuild runs with the latest caller's options (the newest sockets).
 */
export function refreshHosts(db: Database, options: RefreshOptions): Promise<RefreshResult> {
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = { tail: Promise.resolve(), waiting: null }));
  if (queue.waiting) {
    queue.waiting.request.options = options;
    return queue.waiting.result;
  }
  const q = queue;
  const request = { options };
  const result = q.tail
    .catch(() => undefined)
    .then(() => {
      // Started: a later request waits behind this one instead of joining it.
      if (q.waiting?.request === request) q.waiting = null;
      return walkHosts(db, request.options);
    });
  q.waiting = { request, result };
  q.tail = result;
  return result;
}

/** The result of a rebuild that did not run: the previous table stays as it is. */
function deferred(db: Database, at: number): RefreshResult {
  const { hosts, events } = hostsSummaryState(db);
  return { hosts, events, at, deferred: true };
}

async function walkHosts(db: Database, options: RefreshOptions): Promise<RefreshResult> {
  const at = options.clock ? options.clock() : options.now;
  const sockets = options.sockets ?? [];
  // The walk needs the address index. A big import drops it while it writes (main/db/bulk-indexes.ts) and asks for a
  // rebuild when it ends; judging every event at once instead would freeze the window with unbounded memory, and
  // walking without the index would scan the whole table at every step.
  const indexed = repairBulkIndexes(db, Date.now());
  if (indexed === 'import-running') return deferred(db, at);
  if (indexed === 'failed') throw new Error('The events address index is missing and could not be built');
  const step = async (): Promise<void> => {
    await breathe();
    options.signal?.throwIfAborted();
    // An import that started during the walk may have dropped the index in the pause.
    if (!bulkIndexesPresent(db)) throw new IndexDropped();
  };

  const attribute = (ip: string): Attribution | null => attributeOne(options.attributor, ip);

  let result: RefreshResult;
  try {
    const allSockets = [...sockets, ...socketsFromEvents(readSocketEvents(db))];
    const peers = new Map<string, boolean>();
    const p2p = p2pPortCollector(allSockets, (ip) => {
      let peer = peers.get(ip);
      if (peer === undefined) peers.set(ip, (peer = isPeerLike(attribute(ip) ?? undefined)));
      return peer;
    });
    for (let after = 0; ;) {
      const udp = readUdpEvents(db, after, UDP_CHUNK_EVENTS);
      for (const s of udp) {
        const p = toPacket(s.event);
        if (isInternetAddress(p.remote)) p2p.add(p);
      }
      if (udp.length < UDP_CHUNK_EVENTS) break;
      after = (udp[udp.length - 1] as StoredEvent).id;
      await step();
    }
    const analyze = hostAnalyzer({
      sockets: allSockets,
      p2pPorts: p2p.finish(),
      sites: siteChains(options.dnsCache ?? []),
      now: at,
    });

    const writer = beginHostsRebuild(db, at);
    const done = new Set<string>();
    const judge = (ip: string, packets: Packet[], live = false): void => {
      if (!packets.length && !live) return;
      done.add(ip);
      writer.put(toHostRecord(analyze(ip, packets, attribute(ip)).host));
    };
    // Events are stored under the address the rules place them at (placeEvent); private and empty ones are skipped.
    const packetsOf = (ip: string, stored: readonly StoredEvent[]): Packet[] =>
      isInternetAddress(ip) ? stored.map((s) => toPacket(s.event)).filter((p) => p.remote === ip) : [];
    const limit = options.chunkEvents ?? HOST_CHUNK_EVENTS;
    for (let after = ''; ;) {
      await step();
      const { hosts, big } = readHostChunk(db, after, limit);
      if (big !== null) {
        // One address with more events than a step holds: read in pages with pauses, judged at once in input order.
        const all: StoredEvent[] = [];
        for (let cursor: HostPageCursor = null; ;) {
          const page = readHostEvents(db, big, cursor, limit);
          all.push(...page.events);
          if (page.next === null) break;
          cursor = page.next;
          await step();
        }
        const packets = packetsOf(
          big,
          all.sort((a, b) => a.id - b.id),
        );
        db.transaction(() => judge(big, packets))();
        after = big;
        continue;
      }
      if (!hosts.length) break;
      db.transaction(() => {
        for (const { remote, events } of hosts) judge(remote, packetsOf(remote, events));
      })();
      after = (hosts[hosts.length - 1] as { remote: string }).remote;
    }
    // Live sockets to addresses no event mentions.
    db.transaction(() => {
      for (const ip of internetRemotes(sockets)) if (!done.has(ip)) judge(ip, [], true);
    })();
    // The new table's indexes, one per step, so the swap itself only renames. They do not read the events index.
    for (const build of hostsRebuildIndexes(db)) {
      await breathe();
      options.signal?.throwIfAborted();
      build();
    }
    finishHostsRebuild(db);
    result = { hosts: done.size, events: countEvents(db), at, deferred: false };
  } catch (e) {
    abandonHostsRebuild(db);
    if (e instanceof IndexDropped) return deferred(db, at);
    throw e;
  }
  await breathe();
  dropRetiredHostDetails(db);
  return result;
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
  /** How long to wait before asking again after a deferred rebuild (default LIVE_IMPORT_MS). */
  retryMs?: number;
}): HostsAutoRefresh {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const abort = new AbortController();
  const run = (): void => {
    timer = null;
    if (stopped) return;
    refreshHosts(options.db, {
      attributor: options.attributor(),
      sockets: options.sockets(),
      now: options.now(),
      clock: options.now,
      signal: abort.signal,
    }).then(
      // Deferred: an import is writing with the address index dropped; the table did not change. Its end asks again,
      // but an import of another process (the CLI) or one that was killed does not: ask again once it is quiet.
      (r) => {
        if (!r.deferred) options.onRefreshed({ at: r.at, hosts: r.hosts });
        else if (!stopped && !timer) timer = setTimeout(run, options.retryMs ?? LIVE_IMPORT_MS);
      },
      // Stopped, or the database closed under us (app quitting): nothing to rebuild.
      () => undefined,
    );
  };
  return {
    schedule() {
      if (stopped) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(run, options.delayMs ?? 300);
    },
    stop() {
      stopped = true;
      abort.abort();
      if (timer) clearTimeout(timer);
    },
  };
}

import type { Attribution } from '../model/attribution';
import { isAkamai, isAkamaiCloud, portList } from './describe';
import { isNetSessionProcess } from './netsession';
import { isScanShaped, isStealth, type Packet } from './packets';
import { THRESHOLDS, UDP_REPLY_PORTS } from './thresholds';
import type { LocalSocket, P2pPort, ScanFinding } from './types';

const weightOf = (port: number | null): number =>
  port !== null && port < THRESHOLDS.highPort ? THRESHOLDS.weightPrivilegedPort : THRESHOLDS.weightHighPort;

/**
 * psad-grade scan measure for one address: the densest window of `scanWindowMs` over its scan-shaped packets,
 * weighing each distinct destination address:port once (scanlogd weights). Returns null below the thresholds.
 */
export function measureScan(packets: readonly Packet[]): ScanFinding | null {
  const shaped = packets.filter(isScanShaped).sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0));
  if (!shaped.length) return null;
  const stealthPorts = new Set(shaped.filter(isStealth).map((p) => `${p.local}|${p.localPort}`));
  const counts = new Map<string, number>();
  let weight = 0;
  let best = { weight: 0, from: 0, to: -1 };
  let start = 0;
  for (let end = 0; end < shaped.length; end++) {
    const p = shaped[end] as Packet;
    const key = `${p.local}|${p.localPort}`;
    const n = counts.get(key) ?? 0;
    if (n === 0) weight += weightOf(p.localPort);
    counts.set(key, n + 1);
    // Events without a time cannot be placed: they share one window (ts 0).
    while ((p.ts ?? 0) - ((shaped[start] as Packet).ts ?? 0) > THRESHOLDS.scanWindowMs) {
      const q = shaped[start++] as Packet;
      const qk = `${q.local}|${q.localPort}`;
      const m = (counts.get(qk) ?? 1) - 1;
      if (m === 0) {
        counts.delete(qk);
        weight -= weightOf(q.localPort);
      } else counts.set(qk, m);
    }
    if (weight > best.weight) best = { weight, from: start, to: end };
  }
  const windowPackets = shaped.slice(best.from, best.to + 1);
  const byWeight = best.weight >= THRESHOLDS.scanWeight && windowPackets.length >= THRESHOLDS.scanMinPackets;
  const byStealth = stealthPorts.size >= THRESHOLDS.stealthMinPorts;
  if (!byWeight && !byStealth) return null;
  const counted = byWeight ? windowPackets : shaped;
  const ports = [...new Set(counted.map((p) => p.localPort).filter((p): p is number => p !== null))];
  return {
    packets: counted.length,
    targets: new Set(counted.map((p) => `${p.local}|${p.localPort}`)).size,
    ports,
    portList: portList(ports),
    hosts: new Set(counted.map((p) => p.local)).size,
    weight: byWeight ? best.weight : stealthPorts.size,
    stealth: stealthPorts.size > 0,
    shapes: [...new Set(counted.map((p) => p.shape))],
    first: counted[0]?.event ?? null,
    last: counted[counted.length - 1]?.event ?? null,
  };
}

/** Who may be a NetSession peer: Akamai servers (not rented cloud VMs) and home connections. */
export function isPeerLike(a: Attribution | undefined): boolean {
  if (!a) return false;
  return (isAkamai(a) && !isAkamaiCloud(a)) || a.role === 'isp';
}

/**
 * Local UDP ports that look like a P2P client's: held by a NetSession process, or reached by many distinct
 * Akamai / residential peers — unless another, known program holds the port (then the link finding says who).
 * Fed one packet at a time, so a stored log can be scanned without holding its packets.
 */
export function p2pPortCollector(
  sockets: readonly LocalSocket[],
  /** isPeerLike of the address's attribution (a caller walking a big log may remember it per address). */
  isPeer: (ip: string) => boolean,
): { add(p: Packet): void; finish(): Map<number, P2pPort> } {
  const peers = new Map<number, Set<string>>();
  return {
    add(p) {
      if (p.proto !== 'udp' || p.inbound !== true || p.localPort === null || p.localPort < THRESHOLDS.highPort) return;
      if (p.remotePort !== null && UDP_REPLY_PORTS.has(p.remotePort)) return;
      if (!isPeer(p.remote)) return;
      let set = peers.get(p.localPort);
      if (!set) peers.set(p.localPort, (set = new Set()));
      set.add(p.remote);
    },
    finish() {
      const out = new Map<number, P2pPort>();
      for (const s of sockets) {
        if (isNetSessionProcess(s.processName) && !out.has(s.localPort)) {
          out.set(s.localPort, { port: s.localPort, peers: new Set(), process: s });
        }
      }
      for (const [port, set] of peers) {
        const existing = out.get(port);
        if (existing) {
          for (const ip of set) existing.peers.add(ip);
          continue;
        }
        if (set.size < THRESHOLDS.p2pMinPeers) continue;
        const other = sockets.some((s) => s.protocol === 'udp' && s.localPort === port && s.processName);
        if (!other) out.set(port, { port, peers: set, process: null });
      }
      return out;
    },
  };
}

/** p2pPortCollector over packets in memory. */
export function findP2pPorts(
  packets: readonly Packet[],
  sockets: readonly LocalSocket[],
  attributions: Map<string, Attribution>,
): Map<number, P2pPort> {
  const collector = p2pPortCollector(sockets, (ip) => isPeerLike(attributions.get(ip)));
  for (const p of packets) collector.add(p);
  return collector.finish();
}

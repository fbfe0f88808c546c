import type { ConnectionEvent } from '../model/event';
import type { LocalizedText } from '../model/verdict';
import { isInternetAddress, type Packet } from './packets';
import type { LocalSocket } from './types';

/**
 * "The rejected packets were meant for this program": a router-log port matched to a socket on this PC, or, for a
 * scan that reached this PC's own address, a note that a program listens on one of the ports it tried.
 */
export interface LinkFinding {
  proto: string;
  port: number;
  process: string | null;
  pid: number | null;
  /** LISTEN / UDP bound: the program waits for packets on the port; otherwise it used the port for a connection. */
  listening: boolean;
  /** How many blocked log lines and distinct remote addresses point at the port. */
  events: number;
  remotes: number;
  source: 'live' | 'log';
  text: LocalizedText;
}

const BLOCKED = new Set(['deny', 'drop', 'reject', 'unknown']);
const UNSPECIFIED = new Set(['', '*', '0.0.0.0', '::', '[::]']);

const isListening = (s: LocalSocket): boolean =>
  s.state === 'LISTEN' || (s.protocol === 'udp' && (s.remoteAddress === '' || s.remoteAddress === '*'));

interface PortHits {
  events: number;
  remotes: Set<string>;
  /** The addresses on our side the packets were sent to (the router's WAN address, or this PC's own). */
  locals: Set<string>;
}

/** How sure a link is, which decides its wording (linkText). */
type LinkKind =
  /** A socket's connection with the very address that sent the packets, on the same port. */
  | 'connection'
  /** Packets sent to the PC's own address, on a port a program listens on. */
  | 'listener'
  /** Packets sent to the router's address, on a UDP port a program listens on: routers usually keep UDP ports. */
  | 'listener-nat'
  /** A scan that reached this PC's own address tried a port a program listens on. */
  | 'scanned';

/**
 * Finds, for blocked inbound router-log lines aimed at port B, the program on this PC that listens on or uses
 * port B, and says only what the match supports:
 * - a socket connected to the same remote address on port B: the packets belong to that connection;
 * - a listener, when the packets were addressed to this PC itself: they were meant for it;
 * - a UDP listener behind the router: probably meant for it (port-preserving NAT is usual for UDP). Unsolicited TCP
 *   to the router's address is answered by the router unless a port is forwarded, which the log does not show, so
 *   a TCP listener on the PC is not linked to it;
 * - `scanned` (the remote's packets make a scan): a scanner tries ports, it does not aim at programs. Only when the
 *   scan reached this PC's own address is a listener on one of its ports noted, as exactly that.
 */
export function linkToThisPc(
  packets: readonly Packet[],
  sockets: readonly LocalSocket[],
  scanned = false,
): LinkFinding[] {
  const byPort = new Map<string, PortHits>();
  for (const p of packets) {
    if (p.socketRow || p.inbound !== true || p.localPort === null || !BLOCKED.has(p.event.action)) continue;
    const key = `${p.proto}|${p.localPort}`;
    let e = byPort.get(key);
    if (!e) byPort.set(key, (e = { events: 0, remotes: new Set(), locals: new Set() }));
    e.events++;
    e.remotes.add(p.remote);
    if (p.local) e.locals.add(p.local);
  }
  if (!byPort.size) return [];
  // This PC's own addresses, per source: a pasted netstat may be another PC's than the live sockets'.
  const own = { live: new Set<string>(), log: new Set<string>() };
  for (const s of sockets) if (!UNSPECIFIED.has(s.localAddress)) own[s.source].add(s.localAddress);
  const sentToPc = (s: LocalSocket, hit: PortHits): boolean =>
    UNSPECIFIED.has(s.localAddress)
      ? [...hit.locals].some((a) => own[s.source].has(a))
      : hit.locals.has(s.localAddress);
  const named = (list: LocalSocket[]): LocalSocket | undefined => list.find((c) => c.processName) ?? list[0];

  const out: LinkFinding[] = [];
  for (const [key, hit] of byPort) {
    const [proto, portText] = key.split('|') as [string, string];
    const port = Number(portText);
    const candidates = sockets.filter((s) => s.protocol === proto && s.localPort === port);
    let s = named(candidates.filter((c) => !isListening(c) && hit.remotes.has(c.remoteAddress)));
    let kind: LinkKind | null = s ? 'connection' : null;
    if (!s) {
      const listeners = candidates.filter(isListening);
      s = named(listeners.filter((c) => sentToPc(c, hit)));
      if (s) kind = scanned ? 'scanned' : 'listener';
      else if (!scanned && proto === 'udp' && (s = named(listeners))) kind = 'listener-nat';
    }
    if (!s || !kind) continue;
    out.push({
      proto,
      port,
      process: s.processName,
      pid: s.pid,
      listening: kind !== 'connection',
      events: hit.events,
      remotes: hit.remotes.size,
      source: s.source,
      text: linkText(s, proto, port, kind, [...hit.remotes][0] ?? ''),
    });
  }
  return out.sort((a, b) => b.events - a.events);
}

/**
 * The summary's links: each host's, with the same finding from several hosts (seven NetSession peers on one port)
 * told once with their counts added.
 */
export function mergeLinks(lists: Iterable<readonly LinkFinding[]>): LinkFinding[] {
  const byText = new Map<string, LinkFinding>();
  for (const list of lists)
    for (const l of list) {
      const seen = byText.get(l.text.en);
      if (seen) {
        seen.events += l.events;
        seen.remotes += l.remotes;
      } else byText.set(l.text.en, { ...l });
    }
  return [...byText.values()].sort((a, b) => b.events - a.events);
}

function linkText(s: LocalSocket, proto: string, port: number, kind: LinkKind, remote: string): LocalizedText {
  const P = `${proto.toUpperCase()} ${port}`;
  const who = `${s.processName ?? 'A program'}${s.pid === null ? '' : ` (PID ${s.pid})`}`;
  const whoJa = `${s.processName ?? 'あるプログラム'}${s.pid === null ? ' ' : `（PID ${s.pid}）`}が`;
  // Live sockets are this PC's; a pasted netstat may come from another PC, so its rows are told as what it says.
  const subject = s.source === 'live' ? `${who} on this PC` : `In the netstat output you gave, ${who}`;
  const subjectJa = s.source === 'live' ? `このPCでは、${whoJa}` : `読み込んだ netstat の出力では、${whoJa}`;
  const pc = s.source === 'live' ? 'this PC' : 'that PC';
  const pcJa = s.source === 'live' ? 'このPC' : 'そのPC';
  switch (kind) {
    case 'connection':
      return {
        en: `${subject} uses ${P} for a connection to ${s.remoteAddress} — the rejected packets belong to that connection.`,
        ja: `${subjectJa} ${s.remoteAddress} との接続に ${P} を使っています。拒否されたパケットはこの接続のものでした。`,
      };
    case 'listener':
      return {
        en: `${subject} listens on ${P} — the rejected packets were sent to that port on ${pc}, so they were meant for it.`,
        ja: `${subjectJa} ${P} で待ち受けています。拒否されたパケットは${pcJa}のこのポート宛てだったので、このプログラム宛てでした。`,
      };
    case 'listener-nat':
      return {
        en: `${subject} listens on ${P} — the rejected packets were most likely meant for it (routers usually keep UDP port numbers).`,
        ja: `${subjectJa} ${P} で待ち受けています。ルーターは通常 UDP のポート番号を変えずに中継するので、拒否されたパケットはおそらくこのプログラム宛てでした。`,
      };
    case 'scanned':
      return {
        en: `${subject} listens on ${P}, one of the ports ${remote} tried in its scan; the firewall rejected those packets.`,
        ja: `${subjectJa} ${P} で待ち受けています。${remote} がスキャンで試したポートの一つで、そのパケットはファイアウォールで拒否されました。`,
      };
  }
}

/**
 * Socket-table rows of a pasted `netstat -ano -b` (events with a state or an owning process) as sockets, so the
 * link and the stale-local rule can use them like live ones.
 */
export function socketsFromEvents(events: readonly ConnectionEvent[]): LocalSocket[] {
  const out: LocalSocket[] = [];
  for (const e of events) {
    if ((e.state == null || e.state === '') && !e.process) continue;
    if (e.proto !== 'tcp' && e.proto !== 'udp') continue;
    // Socket tables list the local end first.
    const remote = e.dst === '*' || e.dst === '0.0.0.0' || e.dst === '::' ? '' : e.dst;
    out.push({
      protocol: e.proto,
      family: e.src.includes(':') ? 6 : 4,
      localAddress: e.src,
      localPort: e.sport ?? 0,
      remoteAddress: remote,
      remotePort: remote ? e.dport : null,
      state: (e.state ?? '').toUpperCase(),
      pid: e.pid ?? null,
      processName: e.process ?? null,
      processPath: null,
      source: 'log',
    });
  }
  return out;
}

/** Live sockets whose remote end is on the internet (hosts the summary should list). */
export function internetRemotes(sockets: readonly LocalSocket[]): string[] {
  return [...new Set(sockets.map((s) => s.remoteAddress).filter(isInternetAddress))];
}

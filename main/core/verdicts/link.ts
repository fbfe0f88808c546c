import type { ConnectionEvent } from '../model/event';
import type { LocalizedText } from '../model/verdict';
import { isInternetAddress, type Packet } from './packets';
import type { LocalSocket } from './types';

/** "The rejected packets were meant for this program": a router-log port matched to a socket on this PC. */
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

const isListening = (s: LocalSocket): boolean =>
  s.state === 'LISTEN' || (s.protocol === 'udp' && (s.remoteAddress === '' || s.remoteAddress === '*'));

/**
 * Finds, for blocked inbound router-log lines aimed at port B, the program on this PC that listens on or uses
 * port B. Routers with port-preserving NAT keep B across the translation (common for UDP); when they don't,
 * no socket matches and nothing is claimed.
 */
export function linkToThisPc(packets: readonly Packet[], sockets: readonly LocalSocket[]): LinkFinding[] {
  const byPort = new Map<string, { events: number; remotes: Set<string> }>();
  for (const p of packets) {
    if (p.socketRow || p.inbound !== true || p.localPort === null || !BLOCKED.has(p.event.action)) continue;
    const key = `${p.proto}|${p.localPort}`;
    let e = byPort.get(key);
    if (!e) byPort.set(key, (e = { events: 0, remotes: new Set() }));
    e.events++;
    e.remotes.add(p.remote);
  }
  const out: LinkFinding[] = [];
  for (const [key, hit] of byPort) {
    const [proto, portText] = key.split('|') as [string, string];
    const port = Number(portText);
    const candidates = sockets.filter((s) => s.protocol === proto && s.localPort === port);
    // A listener explains inbound packets best; then any named socket on the port.
    const s =
      candidates.find((c) => isListening(c) && c.processName) ?? candidates.find((c) => c.processName) ?? candidates[0];
    if (!s) continue;
    const listening = isListening(s);
    out.push({
      proto,
      port,
      process: s.processName,
      pid: s.pid,
      listening,
      events: hit.events,
      remotes: hit.remotes.size,
      source: s.source,
      text: linkText(s, proto, port, listening),
    });
  }
  return out.sort((a, b) => b.events - a.events);
}

function linkText(s: LocalSocket, proto: string, port: number, listening: boolean): LocalizedText {
  const P = proto.toUpperCase();
  const name = s.processName ?? 'A program';
  const nameJa = s.processName ?? 'あるプログラム';
  const pid = s.pid === null ? '' : ` (PID ${s.pid})`;
  const pidJa = s.pid === null ? '' : `（PID ${s.pid}）`;
  const where = s.source === 'live' ? 'on this PC' : 'on the PC whose netstat you pasted';
  const whereJa = s.source === 'live' ? 'このPCの' : '貼り付けた netstat のPCの';
  if (listening) {
    return {
      en: `${name}${pid} ${where} listens on ${P} ${port} — the rejected packets were meant for it.`,
      ja: `${whereJa} ${nameJa}${pidJa || ' '}が ${P} ${port} で待ち受けています。拒否されたパケットはこのプログラム宛てでした。`,
    };
  }
  const peer = s.remoteAddress ? ` (connection to ${s.remoteAddress})` : '';
  const peerJa = s.remoteAddress ? `（${s.remoteAddress} との接続）` : '';
  return {
    en: `${name}${pid} ${where} uses ${P} ${port}${peer} — the rejected packets were meant for it.`,
    ja: `${whereJa} ${nameJa}${pidJa || ' '}が ${P} ${port} を使っています${peerJa}。拒否されたパケットはこのプログラム宛てでした。`,
  };
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

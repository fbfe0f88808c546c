import type { Action, Direction, ParsedEvent, Protocol, TcpFlag, TimeParts } from '../model/event';
import { normalizeIp } from '../net/ip';
import { parsePort } from './common';

/** An address and optional port as a log prints them, before normalisation. */
export interface Endpoint {
  ip: string;
  port: number | null;
}

/**
 * "1.2.3.4:443", "[2001:db8::1]:443", "[::1]:443", "127.0.0.53%lo:53", "::1:9443" (Linux netstat prints IPv6 without
 * brackets, the port after the last colon), "*:*", "0.0.0.0:*". Null when the text holds no address.
 */
export function splitColonEndpoint(text: string): Endpoint | null {
  const t = text.trim();
  let host: string;
  let port: string;
  if (t.startsWith('[')) {
    const close = t.indexOf(']');
    if (close < 0) return null;
    host = t.slice(1, close);
    port = t.slice(close + 1).replace(/^:/, '');
  } else {
    const i = t.lastIndexOf(':');
    if (i < 0) return endpointOf(t, '');
    host = t.slice(0, i);
    port = t.slice(i + 1);
  }
  return endpointOf(host, port);
}

/** tcpdump prints "1.2.3.4.443" and "2001:db8::1.443": the port follows the last dot. */
export function splitDotEndpoint(text: string, hasPort: boolean): Endpoint | null {
  const t = text.trim();
  if (!hasPort) return endpointOf(t, '');
  const i = t.lastIndexOf('.');
  if (i < 0) return null;
  return endpointOf(t.slice(0, i), t.slice(i + 1));
}

/** Cisco's "1.2.3.4/443" (or a bare address). */
export function splitSlashEndpoint(text: string): Endpoint | null {
  const t = text.trim();
  const i = t.lastIndexOf('/');
  return i < 0 ? endpointOf(t, '') : endpointOf(t.slice(0, i), t.slice(i + 1));
}

function endpointOf(host: string, port: string): Endpoint | null {
  if (host === '*') return null;
  // ss prints the bound device after the address ("127.0.0.53%lo"); the zone/device is not part of the address.
  const ip = normalizeIp(host.replace(/%[^%]*$/, ''));
  if (ip === null) return null;
  return { ip, port: port === '' ? null : parsePort(port) };
}

export interface EventFields {
  time: TimeParts | null;
  proto: Protocol;
  src: Endpoint;
  dst: Endpoint;
  action: Action;
  flags?: TcpFlag[];
  direction: Direction;
  iface?: string | null;
  rule?: string | null;
  length?: number | null;
  message?: string | null;
  state?: string | null;
  pid?: number | null;
  process?: string | null;
}

/** A ParsedEvent with every optional field present (null when the line lacks it), so tables compare whole events. */
export function makeEvent(f: EventFields): ParsedEvent {
  return {
    time: f.time,
    proto: f.proto,
    src: f.src.ip,
    sport: f.src.port,
    dst: f.dst.ip,
    dport: f.dst.port,
    action: f.action,
    flags: f.flags ?? [],
    direction: f.direction,
    iface: f.iface ?? null,
    rule: f.rule ?? null,
    length: f.length ?? null,
    message: f.message ?? null,
    state: f.state ?? null,
    pid: f.pid ?? null,
    process: f.process ?? null,
  };
}

/** A decimal count ("40", " 60 "); null when absent or not a number. */
export function intOrNull(text: string | undefined | null): number | null {
  if (text === undefined || text === null) return null;
  const t = text.trim();
  return /^\d{1,10}$/.test(t) ? Number(t) : null;
}

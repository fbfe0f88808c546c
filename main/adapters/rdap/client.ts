/**
 * Asks the registry's RDAP server about an address (RFC 9082 "ip/<address>" path) and summarises the answer.
 * Polite by construction: a few requests at a time, a minimum gap per server, a back-off after HTTP 429, a timeout
 * and a size cap on every request. Every failure becomes status "error" (shown as "unknown"), never an exception.
 */
import { normalizeIp } from '../../core/net/ip';
import { createLimiter } from '../limit';
import { loadBootstrap, type RdapBootstrap } from './bootstrap';
import { IpNetworkResponse, summarizeRdap, type RdapNetwork } from './parse';

export interface RdapResult {
  status: 'ok' | 'none' | 'error';
  network: RdapNetwork | null;
  /** Host that answered (or was asked). */
  server: string | null;
  error?: string;
}

export interface RdapClient {
  lookup(ip: string): Promise<RdapResult>;
}

export interface RdapClientOptions {
  /** Ask this base URL for every address instead of the bootstrap's choice (tests: http://127.0.0.1:PORT/). */
  baseOverride?: string;
  bootstrap?: RdapBootstrap;
  timeoutMs?: number;
  /** Minimum milliseconds between two requests to the same server. */
  minIntervalMs?: number;
  concurrency?: number;
  maxBytes?: number;
  fetch?: typeof fetch;
}

export function createRdapClient(options: RdapClientOptions = {}): RdapClient {
  const bootstrap = options.bootstrap ?? loadBootstrap();
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const gap = options.minIntervalMs ?? 1_000;
  const maxBytes = options.maxBytes ?? 2_000_000;
  const limit = createLimiter(options.concurrency ?? 3);
  // Per server: when the next request may start (spacing and 429 back-off).
  const nextSlot = new Map<string, number>();

  async function waitTurn(host: string): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, nextSlot.get(host) ?? 0);
    nextSlot.set(host, at + gap);
    if (at > now) await new Promise((r) => setTimeout(r, at - now));
  }

  async function lookupNow(ip: string): Promise<RdapResult> {
    const canonical = normalizeIp(ip);
    if (!canonical) return { status: 'error', network: null, server: null, error: 'not an IP address' };
    const base = options.baseOverride ?? bootstrap.baseFor(canonical);
    if (!base) return { status: 'error', network: null, server: null, error: 'no RDAP server for this address' };
    let url: URL;
    try {
      url = new URL(
        `ip/${encodeURIComponent(canonical).replace(/%3A/gi, ':')}`,
        base.endsWith('/') ? base : `${base}/`,
      );
    } catch {
      return { status: 'error', network: null, server: null, error: `bad RDAP base URL ${base}` };
    }
    const host = url.host;
    try {
      await waitTurn(host);
      const res = await doFetch(url, {
        headers: { accept: 'application/rdap+json, application/json;q=0.8' },
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'follow',
      });
      const server = new URL(res.url || url.href).host;
      if (res.status === 404) return { status: 'none', network: null, server };
      if (res.status === 429) {
        const retry = Number(res.headers.get('retry-after'));
        nextSlot.set(host, Date.now() + (Number.isFinite(retry) && retry > 0 ? retry * 1000 : 60_000));
        return { status: 'error', network: null, server, error: 'HTTP 429 (rate limited)' };
      }
      if (!res.ok) return { status: 'error', network: null, server, error: `HTTP ${res.status}` };
      const length = Number(res.headers.get('content-length'));
      if (Number.isFinite(length) && length > maxBytes)
        return { status: 'error', network: null, server, error: 'response too large' };
      const body = await res.text();
      if (body.length > maxBytes) return { status: 'error', network: null, server, error: 'response too large' };
      const parsed = IpNetworkResponse.safeParse(JSON.parse(body));
      if (!parsed.success) return { status: 'error', network: null, server, error: 'not an RDAP network object' };
      return { status: 'ok', network: summarizeRdap(parsed.data), server };
    } catch (err) {
      const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      return { status: 'error', network: null, server: host, error: message };
    }
  }

  return { lookup: (ip) => limit(() => lookupNow(ip)) };
}

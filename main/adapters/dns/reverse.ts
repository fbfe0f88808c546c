/**
 * Reverse DNS (PTR) with forward confirmation, through node:dns's Resolver: the system's configured DNS servers by
 * default, or the servers given (tests use a DNS server on 127.0.0.1). A PTR name is only a claim by whoever holds
 * the address block's reverse zone; it is "forward-confirmed" when the name's own A/AAAA records contain the address,
 * i.e. the owner of the name's zone agrees (FCrDNS).
 */
import { promises as dns } from 'node:dns';
import { reverseDnsName } from '../../core/intel/address';
import { normalizeHostname } from '../../core/intel/knowledge';
import { normalizeIp } from '../../core/net/ip';
import { createLimiter, withTimeout } from '../limit';

export interface PtrResult {
  status: 'ok' | 'none' | 'error';
  /** The chosen PTR name: the first that forward-confirms, else the first. */
  name: string | null;
  /** true: resolves back to the address; false: resolves elsewhere or not at all; null: could not check. */
  confirmed: boolean | null;
  /** Every PTR name returned. */
  names: string[];
  error?: string;
}

export interface ReverseDns {
  lookup(ip: string): Promise<PtrResult>;
}

export interface ReverseDnsOptions {
  /** DNS servers ("127.0.0.1:5353", "[::1]:53"); default: the system's. */
  servers?: string[];
  /** Per query attempt (c-ares timeout). */
  timeoutMs?: number;
  tries?: number;
  /** Whole lookup, PTR plus forward checks. */
  totalTimeoutMs?: number;
  concurrency?: number;
}

// "No such name" and "no record of this type" mean there is no answer, as opposed to a failure to get one.
const NO_ANSWER = new Set(['ENOTFOUND', 'ENODATA', 'NOTFOUND', 'NODATA']);

function code(err: unknown): string {
  return typeof err === 'object' && err && 'code' in err ? String((err as { code: unknown }).code) : 'EUNKNOWN';
}

export function createReverseDns(options: ReverseDnsOptions = {}): ReverseDns {
  const resolver = new dns.Resolver({ timeout: options.timeoutMs ?? 2_000, tries: options.tries ?? 2 });
  if (options.servers?.length) resolver.setServers(options.servers);
  const limit = createLimiter(options.concurrency ?? 8);
  const total = options.totalTimeoutMs ?? 8_000;

  async function forwardConfirms(name: string, ip: string, family: 4 | 6): Promise<boolean | null> {
    try {
      const addrs = family === 4 ? await resolver.resolve4(name) : await resolver.resolve6(name);
      return addrs.some((a) => normalizeIp(a) === ip);
    } catch (err) {
      return NO_ANSWER.has(code(err)) ? false : null;
    }
  }

  async function lookupNow(ip: string): Promise<PtrResult> {
    const canonical = normalizeIp(ip);
    if (!canonical) return { status: 'error', name: null, confirmed: null, names: [], error: 'not an IP address' };
    const family = canonical.includes(':') ? 6 : 4;
    const arpa = reverseDnsName(canonical) ?? '';
    let names: string[];
    try {
      // resolvePtr on the arpa name rather than reverse(): reverse() goes through ares_gethostbyaddr, which reports
      // every failure (timeout, SERVFAIL) as ENOTFOUND and so cannot tell "no name" from "could not ask".
      names = (await resolver.resolvePtr(arpa)).map(normalizeHostname).filter(Boolean);
    } catch (err) {
      const c = code(err);
      return NO_ANSWER.has(c)
        ? { status: 'none', name: null, confirmed: null, names: [] }
        : { status: 'error', name: null, confirmed: null, names: [], error: c };
    }
    if (names.length === 0) return { status: 'none', name: null, confirmed: null, names: [] };
    let firstVerdict: boolean | null = null;
    for (const [i, name] of names.slice(0, 4).entries()) {
      const ok = await forwardConfirms(name, canonical, family);
      if (ok) return { status: 'ok', name, confirmed: true, names };
      if (i === 0) firstVerdict = ok;
    }
    return { status: 'ok', name: names[0] ?? null, confirmed: firstVerdict, names };
  }

  return {
    lookup: (ip) =>
      limit(() =>
        withTimeout(lookupNow(ip), total, `reverse DNS of ${ip}`).catch((err: unknown): PtrResult => ({
          status: 'error',
          name: null,
          confirmed: null,
          names: [],
          error: code(err),
        })),
      ),
  };
}

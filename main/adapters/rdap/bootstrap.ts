/**
 * RDAP bootstrap (RFC 9224): which registry's RDAP server answers for an address. The IANA files are bundled
 * (resources/rdap, see SOURCES.md there) and can be refreshed from data.iana.org into the app's data folder; the
 * newer `publication` wins.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import bundledV4 from '../../../resources/rdap/ipv4.json';
import bundledV6 from '../../../resources/rdap/ipv6.json';
import { parseAddress, parsePrefix, prefixContains, type Prefix } from '../../core/intel/address';

export const BootstrapFile = z.object({
  description: z.string().optional(),
  publication: z.string(),
  version: z.string().optional(),
  // [[prefixes], [urls]] per service (RFC 9224 §3).
  services: z.array(z.tuple([z.array(z.string()), z.array(z.string())])),
});
export type BootstrapFile = z.infer<typeof BootstrapFile>;

export interface RdapBootstrap {
  /** Base URL of the RDAP server for an address (https preferred), or null when no registry is listed. */
  baseFor(ip: string): string | null;
  publication: { ipv4: string; ipv6: string };
}

interface Entry {
  prefix: Prefix;
  url: string;
}

function entries(file: BootstrapFile): Entry[] {
  const out: Entry[] = [];
  for (const [prefixes, urls] of file.services) {
    const url = urls.find((u) => u.startsWith('https://')) ?? urls[0];
    if (!url) continue;
    for (const p of prefixes) {
      const prefix = parsePrefix(p);
      if (prefix) out.push({ prefix, url: url.endsWith('/') ? url : `${url}/` });
    }
  }
  // Longest prefix first (RFC 9224 §5: the most specific match wins).
  return out.sort((a, b) => b.prefix.bits - a.prefix.bits);
}

/** ARIN answers for legacy space outside every listed block, or redirects to the registry that holds it. */
export const FALLBACK_RDAP_BASE = 'https://rdap.arin.net/registry/';

export function createBootstrap(v4: BootstrapFile, v6: BootstrapFile): RdapBootstrap {
  const list = [...entries(v4), ...entries(v6)];
  return {
    publication: { ipv4: v4.publication, ipv6: v6.publication },
    baseFor(ip) {
      const a = parseAddress(ip);
      if (!a) return null;
      return list.find((e) => prefixContains(e.prefix, a))?.url ?? FALLBACK_RDAP_BASE;
    },
  };
}

function readIfValid(file: string): BootstrapFile | null {
  try {
    return existsSync(file) ? BootstrapFile.parse(JSON.parse(readFileSync(file, 'utf8'))) : null;
  } catch {
    return null;
  }
}

const newer = (a: BootstrapFile, b: BootstrapFile | null): BootstrapFile =>
  b && Date.parse(b.publication) > Date.parse(a.publication) ? b : a;

/** The bundled bootstrap, replaced by refreshed copies in `dir` where those are newer and valid. */
export function loadBootstrap(dir?: string): RdapBootstrap {
  const v4 = BootstrapFile.parse(bundledV4);
  const v6 = BootstrapFile.parse(bundledV6);
  if (!dir) return createBootstrap(v4, v6);
  return createBootstrap(
    newer(v4, readIfValid(join(dir, 'ipv4.json'))),
    newer(v6, readIfValid(join(dir, 'ipv6.json'))),
  );
}

/** When the copies in `dir` were last downloaded (ms since epoch), or null when there are none. */
export function refreshedBootstrapTime(dir: string): number | null {
  const files = ['ipv4.json', 'ipv6.json'].map((f) => join(dir, f));
  if (!files.every((f) => existsSync(f))) return null;
  return Math.min(...files.map((f) => statSync(f).mtimeMs));
}

export const IANA_BOOTSTRAP_BASE = 'https://data.iana.org/rdap/';

/**
 * Downloads ipv4.json and ipv6.json and stores them in `dir` (only when online lookups are on; tests point
 * `baseUrl` at 127.0.0.1). Returns the publication dates stored; throws on a network or format error, leaving
 * the previous files in place.
 */
export async function refreshRdapBootstrap(
  dir: string,
  options: { baseUrl?: string; timeoutMs?: number; fetch?: typeof fetch } = {},
): Promise<{ ipv4: string; ipv6: string }> {
  const base = options.baseUrl ?? IANA_BOOTSTRAP_BASE;
  const doFetch = options.fetch ?? fetch;
  const get = async (name: string): Promise<BootstrapFile> => {
    const res = await doFetch(new URL(name, base), { signal: AbortSignal.timeout(options.timeoutMs ?? 15_000) });
    if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
    return BootstrapFile.parse(await res.json());
  };
  const [v4, v6] = await Promise.all([get('ipv4.json'), get('ipv6.json')]);
  mkdirSync(dir, { recursive: true });
  for (const [name, data] of [
    ['ipv4.json', v4],
    ['ipv6.json', v6],
  ] as const) {
    const tmp = join(dir, `${name}.tmp`);
    writeFileSync(tmp, JSON.stringify(data));
    renameSync(tmp, join(dir, name));
  }
  return { ipv4: v4.publication, ipv6: v6.publication };
}

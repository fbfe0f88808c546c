/**
 * A minimal MaxMind DB writer for test fixtures (no npm package ships a small test .mmdb; MaxMind's own test files
 * live in the maxmind/MaxMind-DB repository, not in any installed package). Written from the MaxMind DB File Format
 * Specification 2.0 (maxmind.github.io/MaxMind-DB): IPv6 search tree with 24-bit records, 16-byte zero separator,
 * data section, then "\xAB\xCD\xEFMaxMind.com" and the metadata map. IPv4 networks are stored under ::/96 as the
 * spec's IPv4-in-IPv6 layout requires.
 */
type Value = string | number | { [key: string]: Value } | Value[] | { uint64: bigint };

function ctrl(type: number, size: number): number[] {
  const out: number[] = [];
  let first = type <= 7 ? type << 5 : 0;
  const ext = type > 7 ? [type - 7] : [];
  if (size < 29) {
    out.push(first | size, ...ext);
  } else if (size < 285) {
    first |= 29;
    out.push(first, ...ext, size - 29);
  } else {
    first |= 30;
    const s = size - 285;
    out.push(first, ...ext, s >> 8, s & 255);
  }
  return out;
}

function uintBytes(n: bigint): number[] {
  const out: number[] = [];
  while (n > 0n) {
    out.unshift(Number(n & 255n));
    n >>= 8n;
  }
  return out;
}

export function encode(value: Value): number[] {
  if (typeof value === 'string') {
    const bytes = [...new TextEncoder().encode(value)];
    return [...ctrl(2, bytes.length), ...bytes];
  }
  if (typeof value === 'number') {
    const bytes = uintBytes(BigInt(value));
    return value <= 0xffff ? [...ctrl(5, bytes.length), ...bytes] : [...ctrl(6, bytes.length), ...bytes];
  }
  if (Array.isArray(value)) return [...ctrl(11, value.length), ...value.flatMap(encode)];
  if ('uint64' in value && typeof value.uint64 === 'bigint') {
    const bytes = uintBytes(value.uint64);
    return [...ctrl(9, bytes.length), ...bytes];
  }
  const entries = Object.entries(value as Record<string, Value>);
  return [...ctrl(7, entries.length), ...entries.flatMap(([k, v]) => [...encode(k), ...encode(v)])];
}

export interface MmdbNetwork {
  /** "23.32.0.0/16" or "2a02:26f0::/32". */
  cidr: string;
  data: { [key: string]: Value };
}

function networkBits(cidr: string): { bits: bigint; length: number } {
  const [addr = '', len = ''] = cidr.split('/');
  const prefix = Number(len);
  if (addr.includes('.')) {
    const n = addr.split('.').reduce((a, o) => a * 256n + BigInt(Number(o)), 0n);
    return { bits: n, length: 96 + prefix };
  }
  const [head = '', tail = ''] = addr.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  return { bits: groups.reduce((a, g) => (a << 16n) | BigInt(parseInt(g, 16)), 0n), length: prefix };
}

type Rec = { node: number } | { data: number } | null;

export function writeMmdb(databaseType: string, networks: MmdbNetwork[]): Buffer {
  const data: number[] = [];
  const nodes: [Rec, Rec][] = [[null, null]];
  for (const net of networks) {
    const offset = data.length;
    data.push(...encode(net.data));
    const { bits, length } = networkBits(net.cidr);
    let node = 0;
    for (let i = 0; i < length; i++) {
      const bit = Number((bits >> BigInt(127 - i)) & 1n);
      const pair = nodes[node] as [Rec, Rec];
      if (i === length - 1) {
        pair[bit] = { data: offset };
        break;
      }
      const next = pair[bit];
      if (next && 'node' in next) node = next.node;
      else {
        nodes.push([null, null]);
        pair[bit] = { node: nodes.length - 1 };
        node = nodes.length - 1;
      }
    }
  }
  const nodeCount = nodes.length;
  const value = (r: Rec): number => (r === null ? nodeCount : 'node' in r ? r.node : nodeCount + 16 + r.data);
  const tree: number[] = [];
  for (const [l, r] of nodes) {
    for (const v of [value(l), value(r)]) tree.push((v >> 16) & 255, (v >> 8) & 255, v & 255);
  }
  const meta = encode({
    node_count: nodeCount,
    record_size: 24,
    ip_version: 6,
    database_type: databaseType,
    languages: ['en'],
    binary_format_major_version: 2,
    binary_format_minor_version: 0,
    build_epoch: { uint64: 1767225600n }, // 2026-01-01T00:00:00Z
    description: { en: `${databaseType} test fixture` },
  });
  return Buffer.from([
    ...tree,
    ...new Array<number>(16).fill(0),
    ...data,
    0xab,
    0xcd,
    0xef,
    ...Buffer.from('MaxMind.com'),
    ...meta,
  ]);
}

/**
 * The offline IP database: address -> { asn, asOrg, country }, over the compiled binary (see ipdb-format.ts).
 * Pure: works on bytes handed in (main/adapters/ipdb/load.ts reads them). Lookups parse the text by char codes and
 * walk the tables in the same pass (IPv4: /16, /20, /24 tables; IPv6: /16 bucket, /28 sub-table, then a short binary
 * search), reading each table as soon as the characters it needs are parsed, so its cache miss overlaps parsing the
 * rest. A lookup allocates nothing: results are frozen objects cached per record (every address of a range, and every
 * range with the same owner, shares one object).
 */
import { parseIPv6Into as importedParseIPv6Into, type Ipv6FirstWord } from './ip-fast';
import {
  IPDB_BUCKETS,
  IPDB_FORMAT_VERSION,
  IPDB_V4_MID,
  IPDB_V4_TOP_BITS,
  IPDB_V4_SUB,
  IPDB_V6_SUB_BITS,
  IPDB_HEADER_BYTES,
  IPDB_MAGIC,
  NO_STRING,
  sectionOffsets,
  type IpDatabaseMeta,
  type IpdbHeader,
} from './ipdb-format';

export interface IpLookupResult {
  /** Autonomous system number announcing / registered for the address; null when the data has none. */
  readonly asn: number | null;
  /** The AS organisation name as the data spells it (DB-IP / RIR names), null when unknown. */
  readonly asOrg: string | null;
  /** ISO 3166-1 alpha-2 country code (upper case), null when unknown. */
  readonly country: string | null;
}

/** What the attribution code needs from any backend (bundled database, the user's CSV or MMDB). */
export interface IpDatabaseLike {
  /** null when the text is not an address or the data knows nothing of it (private and reserved ranges included). */
  lookup(ip: string): IpLookupResult | null;
}

export class IpdbFormatError extends Error {
  override name = 'IpdbFormatError';
}

// Local bindings: a transpiler's module-namespace getter (tsx, esbuild) on every call costs more than the parse.
const parseIPv6Into = importedParseIPv6Into;

const LAYOUT_MATCHES_LITERALS =
  IPDB_V4_TOP_BITS === 16 && IPDB_V4_MID === 16 && IPDB_V4_SUB === 16 && IPDB_V6_SUB_BITS === 12;

export class IpDatabase implements IpDatabaseLike {
  readonly meta: IpDatabaseMeta;
  readonly header: IpdbHeader;
  private readonly v4Start: Uint32Array;
  private readonly v4Rec: Uint32Array;
  private readonly v6W0: Uint32Array;
  private readonly v6W1: Uint32Array;
  private readonly v6W2: Uint32Array;
  private readonly v6W3: Uint32Array;
  private readonly v6Rec: Uint32Array;
  private readonly recAsn: Uint32Array;
  private readonly recOrg: Uint32Array;
  private readonly recCc: Uint16Array;
  private readonly strOff: Uint32Array;
  private readonly strBytes: Uint8Array;
  private strings: string | null = null;
  /** First-level index on the top 16 bits: see IPDB_BUCKETS. */
  private readonly v4Bucket: Uint32Array;
  private readonly v4Top: Int32Array;
  private readonly v4Mid: Int32Array;
  private readonly v4Sub: Int32Array;
  private readonly v6Bucket: Uint32Array;
  private readonly v6SubIndex: Int32Array;
  private readonly v6Sub: Uint32Array;
  private readonly results: (IpLookupResult | null | undefined)[];
  /** The four 32-bit words of the IPv6 text being looked up. */
  private readonly words = new Int32Array(4);
  /** What the first 32 bits of that text told (see v6Lookup); lo = -1 when they told nothing. */
  private readonly v6Early: Ipv6FirstWord & { lo: number; hi: number; result: IpLookupResult | null } = {
    lo: -1,
    hi: -1,
    result: null,
    firstWord: (w0) => {
      const m = this.v6SubIndex[w0 >>> 16]!;
      if (m < 0) return;
      // A busy /16: the /28 block's entries bracket the ranges it touches (most often exactly one).
      const at = m * 4097 + ((w0 >>> 4) & 4095);
      const e = this.v6Early;
      e.lo = this.v6Sub[at]!;
      e.hi = this.v6Sub[at + 1]!;
      if (e.lo === e.hi) e.result = this.record(this.v6Rec[e.lo]!);
    },
  };

  constructor(input: Uint8Array | ArrayBuffer) {
    let bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
    // Typed-array views need 4-byte alignment; a Buffer slice may not have it.
    if (bytes.byteOffset % 4 !== 0) bytes = bytes.slice();
    if (bytes.byteLength < IPDB_HEADER_BYTES) throw new IpdbFormatError('IP database file is too short');
    for (let i = 0; i < IPDB_MAGIC.length; i++) {
      if (bytes[i] !== IPDB_MAGIC.charCodeAt(i)) throw new IpdbFormatError('not a NetWhy IP database file');
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const u32 = (at: number): number => view.getUint32(at, true);
    const header: IpdbHeader = {
      formatVersion: u32(8),
      v4Count: u32(12),
      v6Count: u32(16),
      recordCount: u32(20),
      stringCount: u32(24),
      stringBytes: u32(28),
      metaBytes: u32(32),
      v4SubBlocks: u32(36),
      v6SubTables: u32(40),
      v4MidBlocks: u32(44),
    };
    if (!LAYOUT_MATCHES_LITERALS) throw new IpdbFormatError('IP database layout constants changed; update IpDatabase');
    if (header.formatVersion !== IPDB_FORMAT_VERSION) {
      throw new IpdbFormatError(
        `IP database format ${header.formatVersion} is not supported (expected ${IPDB_FORMAT_VERSION}); rebuild it with npm run build:ipdb`,
      );
    }
    const at = sectionOffsets(header);
    if (at.total > bytes.byteLength) throw new IpdbFormatError('IP database file is truncated');
    if (header.v4Count === 0 || header.v6Count === 0 || header.recordCount === 0) {
      throw new IpdbFormatError('IP database file has no ranges');
    }
    const buf = bytes.buffer;
    const base = bytes.byteOffset;
    const u32s = (offset: number, count: number): Uint32Array => new Uint32Array(buf, base + offset, count);
    this.header = header;
    this.v4Start = u32s(at.v4Start, header.v4Count);
    this.v4Rec = u32s(at.v4Rec, header.v4Count);
    this.v6W0 = u32s(at.v6W[0], header.v6Count);
    this.v6W1 = u32s(at.v6W[1], header.v6Count);
    this.v6W2 = u32s(at.v6W[2], header.v6Count);
    this.v6W3 = u32s(at.v6W[3], header.v6Count);
    this.v6Rec = u32s(at.v6Rec, header.v6Count);
    this.recAsn = u32s(at.recAsn, header.recordCount);
    this.recOrg = u32s(at.recOrg, header.recordCount);
    this.recCc = new Uint16Array(buf, base + at.recCc, header.recordCount);
    this.strOff = u32s(at.strOff, header.stringCount + 1);
    this.strBytes = new Uint8Array(buf, base + at.strBytes, header.stringBytes);
    const metaText = new TextDecoder().decode(new Uint8Array(buf, base + at.meta, header.metaBytes));
    this.meta = JSON.parse(metaText) as IpDatabaseMeta;
    if (this.v4Start[0] !== 0 || this.v6W0[0] !== 0) throw new IpdbFormatError('IP database ranges do not start at 0');
    this.v4Bucket = u32s(at.v4Bucket, IPDB_BUCKETS + 1);
    this.v6Bucket = u32s(at.v6Bucket, IPDB_BUCKETS + 1);
    this.v4Top = new Int32Array(buf, base + at.v4Top, 1 << IPDB_V4_TOP_BITS);
    this.v4Mid = new Int32Array(buf, base + at.v4Mid, header.v4MidBlocks * IPDB_V4_MID);
    this.v4Sub = new Int32Array(buf, base + at.v4Sub, header.v4SubBlocks * IPDB_V4_SUB);
    this.v6SubIndex = new Int32Array(buf, base + at.v6SubIndex, IPDB_BUCKETS);
    this.v6Sub = u32s(at.v6Sub, header.v6SubTables * ((1 << IPDB_V6_SUB_BITS) + 1));
    if (this.v4Bucket[IPDB_BUCKETS] !== header.v4Count - 1 || this.v6Bucket[IPDB_BUCKETS] !== header.v6Count - 1) {
      throw new IpdbFormatError('IP database index does not match its ranges');
    }
    this.results = new Array<IpLookupResult | null | undefined>(header.recordCount).fill(undefined);
    this.results[0] = null;
  }

  // The hot path spells the layout constants as literals (16 = 32 - IPDB_V4_TOP_BITS, the shifts by 4 = 16 entries
  // per IPDB_V4_MID / IPDB_V4_SUB block, 4097 and 4095 from IPDB_V6_SUB_BITS): under a transpiler (tsx, esbuild) an
  // imported constant is a getter call on every read, which made the table step five times slower.
  // LAYOUT_MATCHES_LITERALS (above) fails loudly if the format changes.

  lookup(ip: string): IpLookupResult | null {
    const r = this.v4TextRecord(ip);
    if (r >= 0) return this.record(r);
    return this.v6Lookup(ip);
  }

  // The hot path below indexes typed arrays with `!`: every index is within bounds by construction (the buckets
  // bracket valid range indexes; records and strings were checked against the header at load).

  /**
   * Record of a dotted quad, -1 when the text is not one (same rules as parseIPv4Fast in ip-fast.ts). The /16 entry is
   * read as soon as the first two octets are parsed and the /20 and /24 entries after the third, so their cache misses
   * (tens of nanoseconds each: 6 MB of tables) overlap parsing the rest instead of following it.
   */
  private v4TextRecord(text: string): number {
    const end = text.length;
    if (end < 7 || end > 15) return -1;
    let i = 0;
    let d = 0;
    let o1 = 0;
    for (; i < end; i++) {
      d = text.charCodeAt(i) - 48;
      if (d >>> 0 > 9) break;
      o1 = (o1 * 10 + d) | 0;
    }
    // d is -2 at the '.'. At most 3 digits: zero-padded octets are decimal, as parseIPv4At reads them; `| 0` above
    // keeps a long run of digits in int32 (leaving it would deoptimise the function).
    if (d !== -2 || i === 0 || i > 3 || o1 > 255) return -1;
    let start = ++i;
    let o2 = 0;
    for (; i < end; i++) {
      d = text.charCodeAt(i) - 48;
      if (d >>> 0 > 9) break;
      o2 = (o2 * 10 + d) | 0;
    }
    if (d !== -2 || i === start || i > start + 3 || o2 > 255) return -1;
    const t = this.v4Top[(o1 << 8) | o2]!;
    start = ++i;
    let o3 = 0;
    for (; i < end; i++) {
      d = text.charCodeAt(i) - 48;
      if (d >>> 0 > 9) break;
      o3 = (o3 * 10 + d) | 0;
    }
    if (d !== -2 || i === start || i > start + 3 || o3 > 255) return -1;
    // A split /16: its /20 entry, then the /24 entry, can be read before the last octet too.
    let r = ~t;
    let e = 0;
    if (t >= 0) {
      const m = this.v4Mid[(t << 4) | (o3 >>> 4)]!;
      if (m < 0) r = ~m;
      else {
        e = this.v4Sub[(m << 4) | (o3 & 15)]!;
        r = ~e;
      }
    }
    start = ++i;
    let o4 = 0;
    for (; i < end; i++) {
      d = text.charCodeAt(i) - 48;
      if (d >>> 0 > 9) return -1;
      o4 = (o4 * 10 + d) | 0;
    }
    if (i === start || i > start + 3 || o4 > 255) return -1;
    if (r >= 0) return r;
    // The /24 is split too: search from the range holding its first address.
    return this.v4SearchRecord(e, (o1 << 24) | (o2 << 16) | (o3 << 8) | o4);
  }

  /** Record of the IPv4 address `ip` (an unsigned 32-bit number). */
  private v4Record(ip: number): number {
    const t = this.v4Top[ip >>> 16]!;
    if (t < 0) return ~t;
    return this.v4SplitRecord(t, ip | 0);
  }

  /** Record of `ip` (as a signed 32-bit number, so it never needs boxing) in a split /16 whose v4Top entry is t. */
  private v4SplitRecord(t: number, ip: number): number {
    // The /16 is split: its /20 entry answers most of what remains, else the /24 entry 99 % of the rest.
    const m = this.v4Mid[(t << 4) | ((ip >>> 12) & 15)]!;
    if (m < 0) return ~m;
    const e = this.v4Sub[(m << 4) | ((ip >>> 8) & 15)]!;
    if (e < 0) return ~e;
    return this.v4SearchRecord(e, ip);
  }

  /** Record of `ip` (signed 32-bit) by binary search from range e (holding its /24's first address) to its /16's end. */
  private v4SearchRecord(e: number, ip: number): number {
    const starts = this.v4Start;
    const u = ip >>> 0;
    let lo = e;
    let hi = this.v4Bucket[(u >>> 16) + 1]!;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= u) lo = mid;
      else hi = mid - 1;
    }
    return this.v4Rec[lo]!;
  }

  /**
   * IPv6 text -> result; null for text that is not an address. parseIPv6Into tells `v6Early` the first 32 bits as
   * soon as they are read, which fetches the /28 block's entries (and, when they name a single range, its record),
   * so those cache misses overlap parsing the rest.
   */
  private v6Lookup(text: string): IpLookupResult | null {
    const early = this.v6Early;
    early.lo = -1;
    const w = this.words;
    if (!parseIPv6Into(text, w, early)) return null;
    const x0 = w[0]!;
    const x1 = w[1]!;
    const x2 = w[2]!;
    const x3 = w[3]!;
    // IPv4-mapped IPv6 (::ffff:0:0/96, RFC 4291 §2.5.5.2) is the IPv4 address.
    if (x0 === 0 && x1 === 0 && x2 === 0xffff) return this.record(this.v4Record(x3 >>> 0));
    let lo = early.lo;
    let hi = early.hi;
    if (lo < 0) {
      const k = x0 >>> 16;
      const m = this.v6SubIndex[k]!;
      if (m >= 0) {
        const at = m * 4097 + ((x0 >>> 4) & 4095);
        lo = this.v6Sub[at]!;
        hi = this.v6Sub[at + 1]!;
      } else {
        lo = this.v6Bucket[k]!;
        hi = this.v6Bucket[k + 1]!;
      }
    } else if (lo === hi) {
      return early.result;
    }
    return this.record(this.v6Rec[this.searchV6(lo, hi, x0, x1, x2, x3)]!);
  }

  /** Index of the range holding x0..x3 (signed 32-bit words, most significant first) among ranges lo..hi. */
  private searchV6(lo: number, hi: number, x0: number, x1: number, x2: number, x3: number): number {
    const w0 = this.v6W0;
    const u0 = x0 >>> 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      // start[mid] <= x, compared word by word (most ranges differ in the first word).
      const a0 = w0[mid]!;
      if (a0 < u0 || (a0 === u0 && this.tailAtOrBelow(mid, x1 >>> 0, x2 >>> 0, x3 >>> 0))) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private tailAtOrBelow(i: number, x1: number, x2: number, x3: number): boolean {
    const a1 = this.v6W1[i]!;
    if (a1 !== x1) return a1 < x1;
    const a2 = this.v6W2[i]!;
    if (a2 !== x2) return a2 < x2;
    return this.v6W3[i]! <= x3;
  }

  private record(r: number): IpLookupResult | null {
    const cached = this.results[r];
    if (cached !== undefined) return cached;
    return this.makeRecord(r);
  }

  private makeRecord(r: number): IpLookupResult | null {
    const asn = this.recAsn[r]!;
    const org = this.recOrg[r]!;
    const cc = this.recCc[r]!;
    const result: IpLookupResult = Object.freeze({
      asn: asn === 0 ? null : asn,
      asOrg: org === NO_STRING ? null : this.string(org),
      country: cc === 0 ? null : String.fromCharCode(cc >>> 8, cc & 0xff),
    });
    this.results[r] = result;
    return result;
  }

  private string(index: number): string {
    // Decoded on first use: most sessions look up a few hundred addresses, so load time stays minimal.
    this.strings ??= new TextDecoder().decode(this.strBytes);
    return this.strings.slice(this.strOff[index] ?? 0, this.strOff[index + 1] ?? 0);
  }
}

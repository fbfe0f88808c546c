/**
 * The offline IP database: address -> { asn, asOrg, country }, over the compiled binary (see ipdb-format.ts).
 * Pure: works on bytes handed in (main/adapters/ipdb/load.ts reads them). Lookups parse the text by char codes, then
 * read the IPv4 /20 direct table or binary-search typed arrays inside a 16-bit first-level bucket, so a lookup
 * allocates nothing: results are frozen objects cached per record (every address of a range, and every range with
 * the same owner, shares one object).
 */
import { parseIPv4Fast as importedParseIPv4, parseIPv6Into as importedParseIPv6 } from './ip-fast';
import {
  IPDB_BUCKETS,
  IPDB_FORMAT_VERSION,
  IPDB_V4_DIR_BITS,
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
const parseIPv4Fast = importedParseIPv4;
const parseIPv6Into = importedParseIPv6;

const LAYOUT_MATCHES_LITERALS = IPDB_V4_DIR_BITS === 20 && IPDB_V4_SUB === 16 && IPDB_V6_SUB_BITS === 12;

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
  private readonly v4Dir: Int32Array;
  private readonly v4Sub: Int32Array;
  private readonly v6Bucket: Uint32Array;
  private readonly v6SubIndex: Int32Array;
  private readonly v6Sub: Uint32Array;
  private readonly results: (IpLookupResult | null | undefined)[];
  private readonly words = new Uint32Array(4);

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
    this.v4Dir = new Int32Array(buf, base + at.v4Dir, 1 << IPDB_V4_DIR_BITS);
    this.v4Sub = new Int32Array(buf, base + at.v4Sub, header.v4SubBlocks * IPDB_V4_SUB);
    this.v6SubIndex = new Int32Array(buf, base + at.v6SubIndex, IPDB_BUCKETS);
    this.v6Sub = u32s(at.v6Sub, header.v6SubTables * ((1 << IPDB_V6_SUB_BITS) + 1));
    if (this.v4Bucket[IPDB_BUCKETS] !== header.v4Count - 1 || this.v6Bucket[IPDB_BUCKETS] !== header.v6Count - 1) {
      throw new IpdbFormatError('IP database index does not match its ranges');
    }
    this.results = new Array<IpLookupResult | null | undefined>(header.recordCount).fill(undefined);
    this.results[0] = null;
  }

  // The hot path spells the layout constants as literals (12 = 32 - IPDB_V4_DIR_BITS, 16 = IPDB_V4_SUB, 4097 and 4095
  // from IPDB_V6_SUB_BITS): under a transpiler (tsx, esbuild) an imported constant is a getter call on every read,
  // which made the /20 table step five times slower. LAYOUT_MATCHES_LITERALS (above) fails loudly if the format changes.

  lookup(ip: string): IpLookupResult | null {
    const v4 = parseIPv4Fast(ip);
    if (v4 >= 0) return this.record(this.v4Record(v4));
    const w = this.words;
    if (!parseIPv6Into(ip, w)) return null;
    // IPv4-mapped IPv6 (::ffff:0:0/96, RFC 4291 §2.5.5.2) is the IPv4 address.
    if (w[0] === 0 && w[1] === 0 && w[2] === 0xffff) return this.record(this.v4Record(w[3]!));
    return this.record(this.v6Rec[this.findV6(w[0]!, w[1]!, w[2]!, w[3]!)]!);
  }

  // The hot path below indexes typed arrays with `!`: every index is within bounds by construction (the buckets
  // bracket valid range indexes; records and strings were checked against the header at load).

  /** Record of the IPv4 address `ip` (an unsigned 32-bit number). */
  private v4Record(ip: number): number {
    const d = this.v4Dir[ip >>> 12]!;
    if (d < 0) return ~d;
    // The /20 block is split: its /24 entry answers 99 % of what remains.
    const e = this.v4Sub[(d << 4) + ((ip >>> 8) & 15)]!;
    if (e < 0) return ~e;
    // The /24 is split too: search from the range holding its first address up to the /16 bucket's bound.
    const starts = this.v4Start;
    let lo = e;
    let hi = this.v4Bucket[(ip >>> 16) + 1]!;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= ip) lo = mid;
      else hi = mid - 1;
    }
    return this.v4Rec[lo]!;
  }

  private findV6(x0: number, x1: number, x2: number, x3: number): number {
    const w0 = this.v6W0;
    const k = x0 >>> 16;
    const m = this.v6SubIndex[k]!;
    let lo: number;
    let hi: number;
    if (m >= 0) {
      // A busy /16: the /28 block's entries bracket the ranges it touches (most often exactly one).
      const at = m * 4097 + ((x0 >>> 4) & 4095);
      lo = this.v6Sub[at]!;
      hi = this.v6Sub[at + 1]!;
    } else {
      lo = this.v6Bucket[k]!;
      hi = this.v6Bucket[k + 1]!;
    }
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      // start[mid] <= x, compared word by word (most ranges differ in the first word).
      const a0 = w0[mid]!;
      if (a0 < x0 || (a0 === x0 && this.tailAtOrBelow(mid, x1, x2, x3))) lo = mid;
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

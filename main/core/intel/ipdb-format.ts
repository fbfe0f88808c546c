/**
 * Layout of the compiled IP database (resources/ipdb/ipdb.bin), shared by the encoder and the reader.
 *
 * All numbers are little-endian (every platform Electron ships on is little-endian, so the reader maps the sections
 * as typed arrays without copying). Sections follow the header in this order, each starting on a 4-byte boundary:
 *
 *   v4Bucket u32[65537]        first-level index on the top 16 bits of IPv4 (see IPDB_BUCKETS)
 *   v6Bucket u32[65537]        the same for the first 16 bits of IPv6
 *   v4Top    i32[65536]        per /16 of IPv4: ~record when the whole /16 lies in one range (71 % of the address
 *                              space), else the number t of its /20 table in v4Mid. 256 KB, so it stays in the CPU's
 *                              L2 cache where a /20 table (4 MB) did not
 *   v4Mid    i32[v4MidBlocks * 16]  per /20 of each split /16 (entries t * 16 .. t * 16 + 15): ~record when the /20
 *                              lies in one range (together with v4Top: 91 % of addresses), else the number j of its
 *                              /24 table in v4Sub
 *   v4Sub    i32[v4SubBlocks * 16]  per /24 of each split /20 (entries j * 16 .. j * 16 + 15): ~record when the /24
 *                              lies in one range (99 % of them), else the index of the range holding its first address
 *   v6SubIndex i32[65536]      per first 16 bits of IPv6: the number m of its sub-table in v6Sub, -1 when the bucket
 *                              holds few ranges (IPDB_V6_SUB_MIN) and a binary search over it is short anyway
 *   v6Sub    u32[v6SubTables * 4097]  per /28 of a busy /16 (entries m * 4097 + s): index of the range holding the
 *                              block's first address; entry s + 1 bounds the search, so most lookups end without one
 *   v4Start  u32[v4Count]      first address of each IPv4 range; ranges are contiguous, so a range ends where the
 *                              next one starts (the first starts at 0.0.0.0; gaps carry record 0 = "no data")
 *   v4Rec    u32[v4Count]      record index of each IPv4 range
 *   v6W0..3  u32[v6Count] x4   the 128-bit first address of each IPv6 range as four 32-bit words, most significant first
 *   v6Rec    u32[v6Count]
 *   recAsn   u32[recordCount]  0 = unknown ASN. Records are numbered by how much IPv4 space they cover, largest
 *                              first (record 0, "no data", stays first): the lookup's per-record cache then keeps
 *                              the records most addresses resolve to together in memory
 *   recOrg   u32[recordCount]  string index of the AS organisation, NO_STRING when unknown
 *   recCc    u16[recordCount]  ISO 3166-1 alpha-2 country as two char codes (first << 8 | second), 0 when unknown
 *   strOff   u32[stringCount + 1]  UTF-16 offsets of each string in the decoded string blob
 *   strBytes u8[stringBytes]   all strings, UTF-8, concatenated
 *   meta     u8[metaBytes]     UTF-8 JSON (IpDatabaseMeta)
 *
 * IPv6 is stored with full 128-bit starts, not /64 prefixes: the data holds sub-/64 ranges (DNS anycast /124s in the
 * ASN list, single-address geofeed entries in the country list) that a 64-bit key would silently merge.
 */
export const IPDB_MAGIC = 'NWIPDB\0\0';
/**
 * 2: v4Sub, v6SubIndex and v6Sub sections (header grew by v4SubBlocks and v6SubTables).
 * 3: the IPv4 /20 direct table became a /16 table (v4Top) over /20 tables (v4Mid, header word v4MidBlocks);
 *    records ordered by IPv4 coverage.
 */
export const IPDB_FORMAT_VERSION = 3;
export const IPDB_HEADER_BYTES = 48;
export const NO_STRING = 0xffffffff;
/**
 * bucket[k] = index of the last range whose first 32-bit word is below k << 16 (0 if none); bucket[65536] = last
 * index. An address whose top 16 bits are k lies in a range with index in [bucket[k], bucket[k + 1]]. Stored rather
 * than computed at load: building it takes tens of milliseconds before the JIT has warmed up.
 */
export const IPDB_BUCKETS = 65536;
/** IPv4 /16 blocks in the first table (v4Top). */
export const IPDB_V4_TOP_BITS = 16;
/** /20 entries per split /16 block in v4Mid. */
export const IPDB_V4_MID = 16;
/** /24 entries per split /20 block in v4Sub. */
export const IPDB_V4_SUB = 16;
/** IPv6 sub-tables split a /16 bucket by the next 12 bits (/28 blocks; RIR allocations are /29../32). */
export const IPDB_V6_SUB_BITS = 12;
/** A /16 bucket gets a sub-table when it holds more ranges than this. */
export const IPDB_V6_SUB_MIN = 16;

export interface IpDatabaseSource {
  /** Who made the data, e.g. "RouteViews" or "DB-IP". */
  name: string;
  /** How it reached us: the npm package (or the user's file name). */
  via: string;
  /** Package version (or file date). */
  version: string;
  /** What the source contributes. */
  provides: ('asn' | 'country')[];
  /** SPDX-style licence name, e.g. "CC-BY-4.0". */
  license: string;
  /** The credit line the licence asks for. */
  attribution: string;
  url: string;
  /** The licence notice as shipped in the package, verbatim. */
  licenseText?: string;
}

export interface IpDatabaseMeta {
  formatVersion: number;
  /** ISO date (YYYY-MM-DD) of the data, from the package version. */
  dataDate: string | null;
  sources: IpDatabaseSource[];
  counts: {
    asnRowsV4: number;
    asnRowsV6: number;
    countryRowsV4: number;
    countryRowsV6: number;
    rangesV4: number;
    rangesV6: number;
    records: number;
    strings: number;
  };
}

export interface IpdbHeader {
  formatVersion: number;
  v4Count: number;
  v6Count: number;
  recordCount: number;
  stringCount: number;
  stringBytes: number;
  metaBytes: number;
  /** Split /16 blocks, each with IPDB_V4_MID entries in v4Mid. */
  v4MidBlocks: number;
  /** Split /20 blocks, each with IPDB_V4_SUB entries in v4Sub. */
  v4SubBlocks: number;
  /** IPv6 /16 buckets with a sub-table in v6Sub. */
  v6SubTables: number;
}

export const align4 = (n: number): number => (n + 3) & ~3;

/** Byte offsets of each section for a header (the single definition both sides use). */
export function sectionOffsets(h: IpdbHeader): {
  v4Bucket: number;
  v6Bucket: number;
  v4Top: number;
  v4Mid: number;
  v4Sub: number;
  v6SubIndex: number;
  v6Sub: number;
  v4Start: number;
  v4Rec: number;
  v6W: [number, number, number, number];
  v6Rec: number;
  recAsn: number;
  recOrg: number;
  recCc: number;
  strOff: number;
  strBytes: number;
  meta: number;
  total: number;
} {
  let at = IPDB_HEADER_BYTES;
  const take = (bytes: number): number => {
    const start = at;
    at = align4(at + bytes);
    return start;
  };
  const v4Bucket = take((IPDB_BUCKETS + 1) * 4);
  const v6Bucket = take((IPDB_BUCKETS + 1) * 4);
  const v4Top = take((1 << IPDB_V4_TOP_BITS) * 4);
  const v4Mid = take(h.v4MidBlocks * IPDB_V4_MID * 4);
  const v4Sub = take(h.v4SubBlocks * IPDB_V4_SUB * 4);
  const v6SubIndex = take(IPDB_BUCKETS * 4);
  const v6Sub = take(h.v6SubTables * ((1 << IPDB_V6_SUB_BITS) + 1) * 4);
  const v4Start = take(h.v4Count * 4);
  const v4Rec = take(h.v4Count * 4);
  const v6W: [number, number, number, number] = [
    take(h.v6Count * 4),
    take(h.v6Count * 4),
    take(h.v6Count * 4),
    take(h.v6Count * 4),
  ];
  const v6Rec = take(h.v6Count * 4);
  const recAsn = take(h.recordCount * 4);
  const recOrg = take(h.recordCount * 4);
  const recCc = take(h.recordCount * 2);
  const strOff = take((h.stringCount + 1) * 4);
  const strBytes = take(h.stringBytes);
  const meta = take(h.metaBytes);
  return {
    v4Bucket,
    v6Bucket,
    v4Top,
    v4Mid,
    v4Sub,
    v6SubIndex,
    v6Sub,
    v4Start,
    v4Rec,
    v6W,
    v6Rec,
    recAsn,
    recOrg,
    recCc,
    strOff,
    strBytes,
    meta,
    total: at,
  };
}

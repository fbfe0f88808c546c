/**
 * Builds the binary IP database (layout in ipdb-format.ts) from ASN rows and country rows. Used at build time by
 * scripts/compile-ipdb.ts and at run time for a CSV the user points the app at. Pure; bigint keys keep IPv4 and
 * IPv6 on one code path (this runs once, not per lookup).
 */
import {
  IPDB_BUCKETS,
  IPDB_FORMAT_VERSION,
  IPDB_V4_TOP_BITS,
  IPDB_V4_MID,
  IPDB_V4_SUB,
  IPDB_V6_SUB_BITS,
  IPDB_V6_SUB_MIN,
  IPDB_HEADER_BYTES,
  IPDB_MAGIC,
  NO_STRING,
  sectionOffsets,
  type IpDatabaseMeta,
  type IpdbHeader,
} from './ipdb-format';
import { RESERVED_V4, RESERVED_V6, type ReservedBlock } from './ipdb-reserved';

export interface AsnRow {
  start: bigint;
  end: bigint;
  asn: number | null;
  org: string | null;
}

export interface CountryRow {
  start: bigint;
  end: bigint;
  country: string | null;
}

export interface IpdbBuildInput {
  asnV4: readonly AsnRow[];
  asnV6: readonly AsnRow[];
  countryV4: readonly CountryRow[];
  countryV6: readonly CountryRow[];
  dataDate: string | null;
  sources: IpDatabaseMeta['sources'];
}

export interface IpdbBuildOutput {
  bytes: Uint8Array;
  meta: IpDatabaseMeta;
}

interface Span<V> {
  start: bigint;
  end: bigint;
  value: V;
}

/**
 * Sorted, non-overlapping spans from rows that may overlap. Where they do, the narrower row wins (ties: the later
 * one): the country list nests single-address geofeed corrections inside wider registry blocks.
 */
export function disjointSpans<V>(rows: readonly Span<V>[]): Span<V>[] {
  const sorted = rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) =>
      a.r.start !== b.r.start
        ? a.r.start < b.r.start
          ? -1
          : 1
        : a.r.end !== b.r.end
          ? a.r.end > b.r.end
            ? -1
            : 1
          : a.i - b.i,
    )
    .map((x) => x.r);
  const out: Span<V>[] = [];
  for (const row of sorted) {
    const tail: Span<V>[] = [];
    // Paint `row` over what is already there: cut the overlapped spans, keep their parts left and right of it.
    while (out.length > 0 && (out[out.length - 1] as Span<V>).end >= row.start) {
      const seg = out.pop() as Span<V>;
      if (seg.end > row.end) {
        tail.unshift({ start: seg.start > row.end ? seg.start : row.end + 1n, end: seg.end, value: seg.value });
      }
      if (seg.start < row.start) {
        out.push({ start: seg.start, end: row.start - 1n, value: seg.value });
        break;
      }
    }
    out.push({ start: row.start, end: row.end, value: row.value }, ...tail);
  }
  return out;
}

interface Cursor<V> {
  spans: Span<V>[];
  at: number;
}

/** Value of the span covering `pos` (advancing the cursor) and where the cursor's answer next changes. */
function probe<V>(c: Cursor<V>, pos: bigint): { value: V | undefined; next: bigint | null } {
  while (c.at < c.spans.length && (c.spans[c.at] as Span<V>).end < pos) c.at++;
  const span = c.spans[c.at];
  if (!span) return { value: undefined, next: null };
  if (span.start <= pos) return { value: span.value, next: span.end + 1n };
  return { value: undefined, next: span.start };
}

interface FamilyTable {
  starts: bigint[];
  records: number[];
}

class Records {
  readonly asn: number[] = [0];
  readonly org: number[] = [NO_STRING];
  readonly cc: number[] = [0];
  readonly strings: string[] = [];
  private readonly byKey = new Map<string, number>([['||', 0]]);
  private readonly stringIndex = new Map<string, number>();

  id(asn: AsnRow | undefined, country: string | undefined): number {
    const a = asn?.asn ?? null;
    const o = asn?.org ?? null;
    const c = country ?? null;
    const key = `${a ?? ''}|${o ?? ''}|${c ?? ''}`;
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.asn.length;
      this.byKey.set(key, id);
      this.asn.push(a ?? 0);
      this.org.push(o === null ? NO_STRING : this.string(o));
      this.cc.push(c === null ? 0 : (c.charCodeAt(0) << 8) | c.charCodeAt(1));
    }
    return id;
  }

  private string(s: string): number {
    let i = this.stringIndex.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.stringIndex.set(s, i);
    }
    return i;
  }
}

function buildFamily(
  asnRows: readonly AsnRow[],
  countryRows: readonly CountryRow[],
  reserved: readonly ReservedBlock[],
  max: bigint,
  records: Records,
): FamilyTable {
  const asn: Cursor<AsnRow> = {
    spans: disjointSpans(asnRows.map((r) => ({ start: r.start, end: r.end, value: r }))),
    at: 0,
  };
  const cc: Cursor<string | null> = {
    spans: disjointSpans(countryRows.map((r) => ({ start: r.start, end: r.end, value: r.country }))),
    at: 0,
  };
  const res: Cursor<true> = {
    spans: reserved.map((b) => ({ start: b.start, end: b.end, value: true as const })),
    at: 0,
  };
  const starts: bigint[] = [];
  const recs: number[] = [];
  let pos = 0n;
  while (pos <= max) {
    const a = probe(asn, pos);
    const c = probe(cc, pos);
    const r = probe(res, pos);
    const record = r.value ? 0 : records.id(a.value, c.value ?? undefined);
    if (recs.length === 0 || recs[recs.length - 1] !== record) {
      starts.push(pos);
      recs.push(record);
    }
    let next = max + 1n;
    for (const n of [a.next, c.next, r.next]) if (n !== null && n > pos && n < next) next = n;
    pos = next;
  }
  return { starts, records: recs };
}

export function buildIpDatabase(input: IpdbBuildInput): IpdbBuildOutput {
  const records = new Records();
  const t4 = buildFamily(input.asnV4, input.countryV4, RESERVED_V4, 0xffffffffn, records);
  const t6 = buildFamily(input.asnV6, input.countryV6, RESERVED_V6, (1n << 128n) - 1n, records);
  renumberByV4Coverage(records, t4, t6);

  const encoder = new TextEncoder();
  const strOff = new Uint32Array(records.strings.length + 1);
  let units = 0;
  records.strings.forEach((s, i) => {
    strOff[i] = units;
    units += s.length;
  });
  strOff[records.strings.length] = units;
  const strBytes = encoder.encode(records.strings.join(''));

  const meta: IpDatabaseMeta = {
    formatVersion: IPDB_FORMAT_VERSION,
    dataDate: input.dataDate,
    sources: input.sources,
    counts: {
      asnRowsV4: input.asnV4.length,
      asnRowsV6: input.asnV6.length,
      countryRowsV4: input.countryV4.length,
      countryRowsV6: input.countryV6.length,
      rangesV4: t4.starts.length,
      rangesV6: t6.starts.length,
      records: records.asn.length,
      strings: records.strings.length,
    },
  };
  const metaBytes = encoder.encode(JSON.stringify(meta));
  const v4Starts = t4.starts.map(Number);
  const v4 = directoryOf(v4Starts, t4.records);
  const v6First = t6.starts.map((s) => Number(s >> 96n));
  const v6Buckets = bucketsOf(v6First);
  const v6 = v6SubTablesOf(t6.starts, v6Buckets);
  const header: IpdbHeader = {
    formatVersion: IPDB_FORMAT_VERSION,
    v4Count: t4.starts.length,
    v6Count: t6.starts.length,
    recordCount: records.asn.length,
    stringCount: records.strings.length,
    stringBytes: strBytes.byteLength,
    metaBytes: metaBytes.byteLength,
    v4MidBlocks: v4.midBlocks,
    v4SubBlocks: v4.subBlocks,
    v6SubTables: v6.tables,
  };
  const at = sectionOffsets(header);
  const bytes = new Uint8Array(at.total);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < IPDB_MAGIC.length; i++) bytes[i] = IPDB_MAGIC.charCodeAt(i);
  [
    header.formatVersion,
    header.v4Count,
    header.v6Count,
    header.recordCount,
    header.stringCount,
    header.stringBytes,
    header.metaBytes,
    header.v4SubBlocks,
    header.v6SubTables,
    header.v4MidBlocks,
  ].forEach((v, i) => view.setUint32(8 + i * 4, v, true));
  if (8 + 10 * 4 !== IPDB_HEADER_BYTES) throw new Error('header layout mismatch');

  const putU32 = (offset: number, values: ArrayLike<number>): void => {
    for (let i = 0; i < values.length; i++) view.setUint32(offset + i * 4, values[i] ?? 0, true);
  };
  putU32(at.v4Bucket, bucketsOf(v4Starts));
  putU32(at.v6Bucket, v6Buckets);
  v4.top.forEach((v, i) => view.setInt32(at.v4Top + i * 4, v, true));
  v4.mid.forEach((v, i) => view.setInt32(at.v4Mid + i * 4, v, true));
  v4.sub.forEach((v, i) => view.setInt32(at.v4Sub + i * 4, v, true));
  v6.index.forEach((v, i) => view.setInt32(at.v6SubIndex + i * 4, v, true));
  putU32(at.v6Sub, v6.sub);
  putU32(at.v4Start, v4Starts);
  putU32(at.v4Rec, t4.records);
  for (let w = 0; w < 4; w++) {
    const shift = BigInt(96 - 32 * w);
    putU32(
      at.v6W[w] ?? 0,
      t6.starts.map((s) => Number((s >> shift) & 0xffffffffn)),
    );
  }
  putU32(at.v6Rec, t6.records);
  putU32(at.recAsn, records.asn);
  putU32(at.recOrg, records.org);
  records.cc.forEach((v, i) => view.setUint16(at.recCc + i * 2, v, true));
  putU32(at.strOff, strOff);
  bytes.set(strBytes, at.strBytes);
  bytes.set(metaBytes, at.meta);
  return { bytes, meta };
}

/** The first-level index described at IPDB_BUCKETS, from each range's first 32-bit word. */
export function bucketsOf(firstWord: readonly number[]): Uint32Array {
  const bucket = new Uint32Array(IPDB_BUCKETS + 1);
  let i = 0;
  const n = firstWord.length;
  for (let k = 0; k < IPDB_BUCKETS; k++) {
    const bound = k * 65536;
    while (i + 1 < n && (firstWord[i + 1] ?? 0) < bound) i++;
    bucket[k] = i;
  }
  bucket[IPDB_BUCKETS] = n - 1;
  return bucket;
}

/**
 * The IPv4 tables (v4Top, v4Mid, v4Sub in ipdb-format.ts): per /16, then per /20 of a split /16, then per /24 of a
 * split /20, ~record for a block inside one range; a /24 that is split too gets the index of the range holding its
 * first address.
 */
export function directoryOf(
  starts: readonly number[],
  records: readonly number[],
): { top: Int32Array; mid: Int32Array; sub: Int32Array; midBlocks: number; subBlocks: number } {
  const top = new Int32Array(1 << IPDB_V4_TOP_BITS);
  const mid: number[] = [];
  const sub: number[] = [];
  let i = 0;
  /** ~record when [first, first + span) lies in one range, else the range holding `first`; advances i. */
  const entry = (first: number, span: number): number => {
    while (i + 1 < starts.length && (starts[i + 1] ?? 0) <= first) i++;
    const next = starts[i + 1];
    return next === undefined || next >= first + span ? ~(records[i] ?? 0) : i;
  };
  const topSize = 2 ** (32 - IPDB_V4_TOP_BITS);
  const midSize = topSize / IPDB_V4_MID;
  const subSize = midSize / IPDB_V4_SUB;
  for (let k = 0; k < top.length; k++) {
    const first = k * topSize;
    const at = i;
    const t = entry(first, topSize);
    if (t < 0) {
      top[k] = t;
      continue;
    }
    i = at;
    top[k] = mid.length / IPDB_V4_MID;
    for (let m = 0; m < IPDB_V4_MID; m++) {
      const midFirst = first + m * midSize;
      const midAt = i;
      const e = entry(midFirst, midSize);
      if (e < 0) {
        mid.push(e);
        continue;
      }
      i = midAt;
      mid.push(sub.length / IPDB_V4_SUB);
      for (let s = 0; s < IPDB_V4_SUB; s++) sub.push(entry(midFirst + s * subSize, subSize));
    }
  }
  return {
    top,
    mid: Int32Array.from(mid),
    sub: Int32Array.from(sub),
    midBlocks: mid.length / IPDB_V4_MID,
    subBlocks: sub.length / IPDB_V4_SUB,
  };
}

/**
 * Renumbers the records by the IPv4 space each covers, largest first, once both families are built (in place: the
 * record columns and the ranges' records; the key map is not used again). Record 0 ("no data") keeps its number and
 * ties keep their order. 1,000 records cover 86 % of the IPv4 space, so the lookup's cached results for most
 * addresses sit together in memory.
 */
function renumberByV4Coverage(records: Records, t4: FamilyTable, t6: FamilyTable): void {
  const count = records.asn.length;
  const cover = new Float64Array(count);
  const n = t4.starts.length;
  for (let i = 0; i < n; i++) {
    const start = Number(t4.starts[i] ?? 0n);
    const end = i + 1 < n ? Number(t4.starts[i + 1] ?? 0n) : 2 ** 32;
    const r = t4.records[i] ?? 0;
    cover[r] = (cover[r] ?? 0) + end - start;
  }
  const order = Array.from({ length: count - 1 }, (_, k) => k + 1).sort((a, b) => (cover[b] ?? 0) - (cover[a] ?? 0));
  order.unshift(0);
  const newOf = new Uint32Array(count);
  order.forEach((old, at) => (newOf[old] = at));
  const remap = (rs: number[]): void => {
    for (let i = 0; i < rs.length; i++) rs[i] = newOf[rs[i] ?? 0] ?? 0;
  };
  remap(t4.records);
  remap(t6.records);
  const columns = [records.asn, records.org, records.cc];
  for (const col of columns) {
    const copy = col.slice();
    order.forEach((old, at) => (col[at] = copy[old] ?? 0));
  }
}

/**
 * IPv6 sub-tables (v6SubIndex, v6Sub in ipdb-format.ts): for each /16 bucket holding more than IPDB_V6_SUB_MIN
 * ranges, the index of the range holding the first address of each /28 block, plus one closing entry.
 */
export function v6SubTablesOf(
  starts: readonly bigint[],
  buckets: Uint32Array,
): { index: Int32Array; sub: Uint32Array; tables: number } {
  const index = new Int32Array(IPDB_BUCKETS).fill(-1);
  const per = (1 << IPDB_V6_SUB_BITS) + 1;
  const sub: number[] = [];
  const step = 1n << BigInt(112 - IPDB_V6_SUB_BITS);
  for (let k = 0; k < IPDB_BUCKETS; k++) {
    const lo = buckets[k] ?? 0;
    const hi = buckets[k + 1] ?? 0;
    if (hi - lo <= IPDB_V6_SUB_MIN) continue;
    index[k] = sub.length / per;
    let i = lo;
    const base = BigInt(k) << 112n;
    for (let s = 0; s < per; s++) {
      const first = base + BigInt(s) * step;
      while (i + 1 < starts.length && (starts[i + 1] ?? 0n) <= first) i++;
      sub.push(i);
    }
  }
  return { index, sub: Uint32Array.from(sub), tables: sub.length / per };
}

import { createHash, randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { ReportEdits, ReportListItem, ReportSelection, ReportView } from '../../preload/contract/reports';
import { buildEml } from '../adapters/mail/eml';
import type { Attribution } from '../core/model/attribution';
import type { ConnectionEvent } from '../core/model/event';
import { VERDICT_IDS, type VerdictId } from '../core/model/verdict';
import {
  buildMailto,
  buildReport,
  buildXarf,
  csvFileName,
  listedEvents,
  listedEventsCollector,
  mailInput,
  renderCsv,
  renderTextBody,
  reportSubject,
  reportTotals,
  reportTotalsAccumulator,
  type AbuseReport,
  type ReportTotals,
  type ReportVerdict,
} from '../core/report';
import { analyzeEvents } from '../core/verdicts/analyze';
import { readHostEvents, type HostPageCursor } from '../db/repos/analysis-events';
import { breathe } from './analysis';
import {
  busiestRemote,
  eventsByIds,
  getReport,
  deleteReport,
  insertReport,
  listReports,
  updateReportOptions,
  type StoredEvent,
} from '../db/repos/reports';
import { ReportEdits as EditsSchema, REPORT_DRAFT_GONE } from '../../preload/contract/reports';

export class ReportInputError extends Error {}

/** A call with a draft's id after the draft was forgotten (MAX_DRAFTS newer ones prepared since); nothing was stored. */
export class ReportDraftGoneError extends ReportInputError {
  constructor(id: number) {
    super(
      `${REPORT_DRAFT_GONE}: report draft ${id} is no longer held (${MAX_DRAFTS} newer reports were prepared since ` +
        'and it was never kept); prepare it again.',
    );
  }
}

export interface ReportServiceDeps {
  db: Database;
  /** Owner, ASN, PTR and RDAP abuse contact of an address (INTEL); null when nothing is known. */
  attribute(ip: string): Promise<Attribution | null>;
  now(): number;
  generator: string;
  /** Events read per page of a host's events (REPORT_PAGE_EVENTS); tests make it small. */
  pageEvents?: number;
  /** Events the verdict is judged from (JUDGE_EVENTS); tests make it small. */
  judgeEvents?: number;
}

/**
 * A report reads its host's events in pages of this many along the address index, so a host with hundreds of
 * thousands of events is never held in memory at once (a page of 2,000 reads in about 50 ms).
 */
export const REPORT_PAGE_EVENTS = 2_000;

/**
 * Totalling an event costs about 0.3 ms (its report time and zone), so the walk pauses whenever it has worked this
 * long: IPC and paint go on while a big host's report is made, instead of stalling for a page at a time.
 */
const SLICE_MS = 25;

/**
 * The verdict is judged from the host's earliest events (untimed ones first, then by time), at most this many, as
 * before totals covered every event: the rules hold what they judge in memory. The host screen's verdict comes from
 * the analysis of all events.
 */
export const JUDGE_EVENTS = 10_000;

/** What a selection names: its host, the events the report lists, the totals of all of them. */
interface Found {
  host: string;
  /** The earliest DEFAULT_MAX_EVENTS by time, untimed last (listedEvents). */
  listed: StoredEvent[];
  totals: ReportTotals;
  /** The events the verdict is judged from. */
  judged: ConnectionEvent[];
  verdict: VerdictId | null;
}

/** Everything a report is rebuilt from; stored so a report reopens after its import was deleted. */
interface Snapshot {
  host: string;
  events: ConnectionEvent[];
  attribution: Attribution | null;
  verdict: ReportVerdict | null;
  /**
   * Count, times, ports and flags of all the host's events; `events` keeps only the ones the report lists.
   * Absent in reports stored before it was kept: those count their stored events, as they did.
   */
  totals?: ReportTotals;
}

const SeenSchema = z.object({ time: z.string().nullable(), zone: z.string().nullable(), tsUtc: z.number().nullable() });
const TotalsSchema = z.object({
  eventCount: z.number().int().nonnegative(),
  firstSeen: SeenSchema.nullable(),
  lastSeen: SeenSchema.nullable(),
  protocols: z.array(z.string()),
  flagsSeen: z.array(z.string()),
  sourcePorts: z.array(z.number()),
  destinationPorts: z.array(z.number()),
  destinations: z.array(z.string()),
  assumedZones: z.array(z.string()),
});

const SnapshotSchema = z.object({
  host: z.string(),
  events: z.array(z.custom<ConnectionEvent>((v) => typeof v === 'object' && v !== null && 'raw' in v)),
  attribution: z.custom<Attribution>((v) => typeof v === 'object').nullable(),
  verdict: z
    .object({ id: z.enum(VERDICT_IDS), title: z.object({ en: z.string(), ja: z.string() }).optional() })
    .nullable(),
  totals: TotalsSchema.optional(),
});

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The verdict the analysis gives this host's events (issue 5), with its titles. */
export function judgeHost(
  host: string,
  events: readonly ConnectionEvent[],
  attribution: Attribution | null,
): ReportVerdict | null {
  const attributions = new Map<string, Attribution>(attribution ? [[host, attribution]] : []);
  const summary = analyzeEvents(events, { attributions }).hosts.find((h) => h.ip === host);
  return summary ? { id: summary.verdict.id, title: summary.verdict.title } : null;
}

function render(report: AbuseReport): Pick<ReportView, 'subject' | 'text' | 'csv' | 'xarf' | 'mailto'> {
  const mailto = buildMailto(report);
  return {
    subject: reportSubject(report),
    text: renderTextBody(report),
    csv: renderCsv(report),
    xarf: JSON.stringify(buildXarf(report, { sha256 }), null, 2) + '\n',
    mailto: mailto.ok ? { url: mailto.url, reason: null } : { url: null, reason: mailto.reason },
  };
}

export interface ReportFile {
  name: string;
  /** For the save dialog's filter. */
  extension: string;
  content: Buffer;
}

/**
 * Drafts kept in memory at once. A draft is a report the window shows but the user has not yet copied, saved,
 * mailed or edited; the oldest is forgotten when the window opens more than this many without keeping them.
 */
const MAX_DRAFTS = 16;

/** What a stored report row holds, for a draft not stored yet. */
interface Draft {
  uuid: string;
  createdAt: number;
  snapshot: Snapshot;
  edits: ReportEdits;
  eventIds: number[];
}

export function createReportService(deps: ReportServiceDeps) {
  const { db } = deps;

  /**
   * Reports prepared but not kept (negative ids, so they cannot clash with stored ones). A report the user only
   * looked at — or cancelled at the harmless-verdict warning — is not theirs yet, and the Reports list showed it
   * as if it had been sent. It is stored by keep(), or by its first update: the window sends one when the user
   * copies, saves or mails the report or changes one of its fields.
   */
  const drafts = new Map<number, Draft>();
  /**
   * A kept draft's id → its stored id: a call the window made with the draft's id still finds it. The window
   * switches to the stored id with the answer that kept it, so only the calls in flight then need this: the newest
   * MAX_DRAFTS are remembered, not every report kept in the life of the process.
   */
  const keptAs = new Map<number, number>();
  let nextDraft = -1;

  const pageEvents = deps.pageEvents ?? REPORT_PAGE_EVENTS;
  const judgeEvents = deps.judgeEvents ?? JUDGE_EVENTS;

  /**
   * Every event of `host` (in [from, to) for a range) read page by page along the events(remote, ts_utc) index:
   * totalled as they come, the listed ones kept. Reading at most 10,000 made a busy host's report count, date and
   * sum up the first 10,000 events only.
   */
  async function walkHost(host: string, range: { from: number; to: number } | null): Promise<Omit<Found, 'verdict'>> {
    const totals = reportTotalsAccumulator(host);
    const listed = listedEventsCollector<ConnectionEvent & { id: number }>();
    const judged: ConnectionEvent[] = [];
    // The pages come untimed events first, then by (time, id): a cursor at (from, 0) starts at the range's first
    // instant and leaves the untimed events out, as a time range does.
    let cursor: HostPageCursor = range ? { ts: range.from, id: 0 } : null;
    let slice = performance.now();
    for (let ended = false; !ended;) {
      const page = readHostEvents(db, host, cursor, pageEvents);
      for (const { id, event } of page.events) {
        if (range && (event.tsUtc === null || event.tsUtc >= range.to)) {
          ended = true;
          break;
        }
        totals.add(event);
        listed.add({ ...event, id });
        if (judged.length < judgeEvents) judged.push(event);
        if (performance.now() - slice >= SLICE_MS) {
          await breathe();
          slice = performance.now();
        }
      }
      if (page.next === null) break;
      cursor = page.next;
    }
    // The pages leave out the raw line and the columns only the report shows: read them for the listed events.
    const rows = eventsByIds(
      db,
      listed.result().map(({ id }) => id),
    );
    return { host, listed: listedEvents(rows), totals: totals.result(), judged };
  }

  async function eventsFor(selection: ReportSelection): Promise<Found> {
    switch (selection.kind) {
      case 'host':
        return { ...(await walkHost(selection.host, null)), verdict: null };
      case 'verdict': {
        const verdict = (VERDICT_IDS as readonly string[]).includes(selection.verdict)
          ? (selection.verdict as VerdictId)
          : null;
        return { ...(await walkHost(selection.host, null)), verdict };
      }
      case 'range': {
        const host = selection.host ?? busiestRemote(db, selection);
        if (!host) return { host: '', listed: [], totals: reportTotals('', []), judged: [], verdict: null };
        return { ...(await walkHost(host, { from: selection.from, to: selection.to })), verdict: null };
      }
      case 'events': {
        // Explicit ids: at most 10,000 (the contract), read at once.
        const events = eventsByIds(db, selection.ids);
        // One report is one incident from one source: the busiest internet address among the chosen events.
        const counts = new Map<string, number>();
        // Rows with no internet address (LAN-only chatter) name nobody to report.
        for (const e of events) {
          if (e.remote) counts.set(e.remote, (counts.get(e.remote) ?? 0) + 1);
        }
        const host = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
        const own = events.filter((e) => e.src === host || e.dst === host);
        return {
          host,
          listed: listedEvents(own),
          totals: reportTotals(host, own),
          judged: own.slice(0, judgeEvents),
          verdict: null,
        };
      }
    }
  }

  function build(snapshot: Snapshot, uuid: string, createdAt: number, edits: ReportEdits): AbuseReport {
    const reporter =
      edits.reporterEmail || edits.reporterName ? { name: edits.reporterName, email: edits.reporterEmail } : null;
    return buildReport(snapshot, {
      reportId: uuid,
      now: createdAt,
      language: edits.language,
      redact: edits.redact,
      reporter,
      summary: edits.summary,
      summaryJa: edits.summaryJa,
      recipient: edits.recipient,
      japaneseCopy: edits.japaneseCopy,
      generator: deps.generator,
    });
  }

  function load(anyId: number): {
    id: number;
    report: AbuseReport;
    edits: ReportEdits;
    row: { uuid: string; createdAt: number };
  } {
    const id = keptAs.get(anyId) ?? anyId;
    const draft = drafts.get(id);
    if (draft)
      return {
        id,
        report: build(draft.snapshot, draft.uuid, draft.createdAt, draft.edits),
        edits: draft.edits,
        row: draft,
      };
    // Negative ids are drafts only: one not held any more was forgotten, not deleted by the user.
    if (id < 0) throw new ReportDraftGoneError(id);
    const row = getReport(db, id);
    if (!row) throw new ReportInputError(`No report ${id}`);
    const snapshot = SnapshotSchema.parse(JSON.parse(row.snapshot)) as Snapshot;
    const edits = EditsSchema.parse(JSON.parse(row.options));
    return { id, report: build(snapshot, row.uuid, row.createdAt, edits), edits, row };
  }

  /** Stores a draft (a stored report's id is returned as it is). */
  function keep(anyId: number): number {
    const id = keptAs.get(anyId) ?? anyId;
    const draft = drafts.get(id);
    if (!draft) return id;
    const report = build(draft.snapshot, draft.uuid, draft.createdAt, draft.edits);
    const { totals } = draft.snapshot;
    const stored = insertReport(db, {
      uuid: draft.uuid,
      createdAt: draft.createdAt,
      host: draft.snapshot.host,
      recipient: report.recipient,
      verdict: draft.snapshot.verdict?.id ?? null,
      eventCount: totals?.eventCount ?? draft.snapshot.events.length,
      // The earliest and latest timed events of all of them.
      firstTs: totals?.firstSeen?.tsUtc ?? null,
      lastTs: totals?.lastSeen?.tsUtc ?? null,
      eventIds: JSON.stringify(draft.eventIds),
      options: JSON.stringify(draft.edits),
      snapshot: JSON.stringify(draft.snapshot),
    });
    drafts.delete(id);
    keptAs.set(id, stored);
    if (keptAs.size > MAX_DRAFTS) keptAs.delete(keptAs.keys().next().value ?? id);
    return stored;
  }

  function view(anyId: number): ReportView {
    const { id, report, edits, row } = load(anyId);
    return {
      id,
      uuid: row.uuid,
      createdAt: row.createdAt,
      host: report.source,
      recipient: report.recipient,
      recipientSource: report.recipientSource,
      verdict: report.verdict?.id ?? null,
      verdictTitle: report.verdict?.title ?? null,
      warning: report.warning,
      summary: report.summary,
      defaultSummary: report.defaultSummary,
      eventCount: report.eventCount,
      rows: report.rows.map(({ tsUtc: _t, ...r }) => r),
      destinations: report.destinations,
      redaction: report.redaction,
      edits,
      ...render(report),
    };
  }

  return {
    async create(selection: ReportSelection, partial: Partial<ReportEdits> = {}): Promise<ReportView> {
      const found = await eventsFor(selection);
      const { totals } = found;
      if (!found.host || totals.eventCount === 0) {
        throw new ReportInputError(`No events for ${found.host || 'this selection'}: nothing to report.`);
      }
      const attribution = await deps.attribute(found.host);
      const judged = judgeHost(found.host, found.judged, attribution);
      const verdict: ReportVerdict | null = found.verdict
        ? { id: found.verdict, ...(judged?.id === found.verdict && judged.title ? { title: judged.title } : {}) }
        : judged;
      // The snapshot keeps only the events the report lists, but the totals of all of them: trimming the events
      // alone made the report say "Events: 500" and end at the 500th event's time.
      const kept = found.listed;
      const snapshot: Snapshot = {
        host: found.host,
        events: kept.map(({ id: _id, remote: _remote, ...e }) => e),
        attribution,
        verdict,
        totals,
      };
      const edits = EditsSchema.parse(partial);
      const id = nextDraft--;
      drafts.set(id, { uuid: randomUUID(), createdAt: deps.now(), snapshot, edits, eventIds: kept.map((e) => e.id) });
      // Map order is insertion order: the first key is the oldest draft.
      if (drafts.size > MAX_DRAFTS) drafts.delete(drafts.keys().next().value ?? id);
      return view(id);
    },
    keep,
    open: view,
    /** Changes the edits; a draft is stored first (an empty change only stores it). */
    update(anyId: number, partial: Partial<ReportEdits>): ReportView {
      const id = keep(anyId);
      const { edits } = load(id);
      const next = EditsSchema.parse({ ...edits, ...partial });
      updateReportOptions(db, { id, options: JSON.stringify(next), recipient: null, at: deps.now() });
      const v = view(id);
      updateReportOptions(db, { id, options: JSON.stringify(next), recipient: v.recipient, at: deps.now() });
      return v;
    },
    list(limit = 200): ReportListItem[] {
      return listReports(db, { limit }).map(
        ({ id, createdAt, host, recipient, verdict, eventCount, firstTs, lastTs }) => ({
          id,
          createdAt,
          host,
          recipient,
          verdict,
          eventCount,
          firstTs,
          lastTs,
        }),
      );
    },
    remove(anyId: number): boolean {
      const id = keptAs.get(anyId) ?? anyId;
      if (drafts.delete(id)) return true;
      const found = getReport(db, id) !== undefined;
      deleteReport(db, id);
      return found;
    },
    /** One format as the file the user saves. */
    async file(id: number, format: 'text' | 'csv' | 'xarf' | 'eml'): Promise<ReportFile> {
      const { report } = load(id);
      const base = csvFileName(report).replace(/\.csv$/, '');
      switch (format) {
        case 'text':
          return { name: `${base}.txt`, extension: 'txt', content: Buffer.from(renderTextBody(report), 'utf8') };
        case 'csv':
          return { name: `${base}.csv`, extension: 'csv', content: Buffer.from(renderCsv(report), 'utf8') };
        case 'xarf':
          return { name: `${base}.xarf.json`, extension: 'json', content: Buffer.from(render(report).xarf, 'utf8') };
        case 'eml':
          return {
            name: `${base}.eml`,
            extension: 'eml',
            content: await buildEml(mailInput(report), { date: new Date(deps.now()) }),
          };
      }
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;

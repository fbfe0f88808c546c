import { z } from 'zod';
import { invoke } from './define';

/** What a report is made from: a host, a host's verdict group, a time range (timeline selection) or event ids. */
export const ReportSelection = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('host'), host: z.string().min(2).max(64) }),
  z.object({ kind: z.literal('verdict'), host: z.string().min(2).max(64), verdict: z.string().max(32) }),
  z.object({
    kind: z.literal('range'),
    host: z.string().min(2).max(64).nullable().default(null),
    from: z.number(),
    to: z.number(),
  }),
  z.object({ kind: z.literal('events'), ids: z.array(z.number().int()).min(1).max(10_000) }),
]);
export type ReportSelection = z.infer<typeof ReportSelection>;

const editFields = {
  redact: z.boolean(),
  language: z.enum(['en', 'ja']),
  japaneseCopy: z.boolean(),
  summary: z.string().max(5_000).nullable(),
  summaryJa: z.string().max(5_000).nullable(),
  recipient: z.string().max(320).nullable(),
  reporterName: z.string().max(200),
  reporterEmail: z.string().max(320),
};

/** What the user edits in the dialog, with the defaults of a new report. */
export const ReportEdits = z.object({
  redact: editFields.redact.default(true),
  language: editFields.language.default('en'),
  japaneseCopy: editFields.japaneseCopy.default(false),
  summary: editFields.summary.default(null),
  summaryJa: editFields.summaryJa.default(null),
  recipient: editFields.recipient.default(null),
  reporterName: editFields.reporterName.default(''),
  reporterEmail: editFields.reporterEmail.default(''),
});
/** A change to some of the edits: absent keys stay as they are (no defaults filled in). */
export const ReportEditsPatch = z.object(editFields).partial().strict();
export type ReportEditsPatch = z.infer<typeof ReportEditsPatch>;
export type ReportEdits = z.infer<typeof ReportEdits>;

export const ReportFormat = z.enum(['text', 'csv', 'xarf', 'eml']);
export type ReportFormat = z.infer<typeof ReportFormat>;

const Localized = z.object({ en: z.string(), ja: z.string() });

export const ReportEventRowDto = z.object({
  time: z.string().nullable(),
  zone: z.string().nullable(),
  zoneAssumed: z.boolean(),
  proto: z.string(),
  src: z.string(),
  sport: z.number().nullable(),
  dst: z.string(),
  dport: z.number().nullable(),
  flags: z.string(),
  raw: z.string(),
});

export const ReportView = z.object({
  id: z.number().int(),
  uuid: z.string(),
  createdAt: z.number(),
  host: z.string(),
  recipient: z.string().nullable(),
  recipientSource: z.enum(['user', 'rdap', 'knowledge']).nullable(),
  verdict: z.string().nullable(),
  verdictTitle: Localized.nullable(),
  /** Harmless verdict: why a report is unlikely to help (shown first). */
  warning: Localized.nullable(),
  summary: Localized,
  defaultSummary: Localized,
  eventCount: z.number().int(),
  rows: z.array(ReportEventRowDto),
  destinations: z.array(z.string()),
  redaction: z.object({
    enabled: z.boolean(),
    lanAddresses: z.number(),
    macAddresses: z.number(),
    hostNames: z.number(),
  }),
  edits: ReportEdits,
  subject: z.string(),
  text: z.string(),
  csv: z.string(),
  xarf: z.string(),
  /** A mailto: link when the report fits in one; else the reason the .eml must be used. */
  mailto: z.object({ url: z.string().nullable(), reason: z.enum(['too-long', 'no-recipient']).nullable() }),
});
export type ReportView = z.infer<typeof ReportView>;

export const ReportListItem = z.object({
  id: z.number().int(),
  createdAt: z.number(),
  host: z.string(),
  recipient: z.string().nullable(),
  verdict: z.string().nullable(),
  eventCount: z.number().int(),
  firstTs: z.number().nullable(),
  lastTs: z.number().nullable(),
});
export type ReportListItem = z.infer<typeof ReportListItem>;

/**
 * Starts the message of a call made with a draft's id after main forgot the draft (more newer drafts were prepared
 * than it holds): errors cross ipc as their message only, and the window says this one in the user's words.
 */
export const REPORT_DRAFT_GONE = 'REPORT_DRAFT_GONE';

export const SaveResult = z.object({ path: z.string().nullable() });
export const MailResult = z.object({ via: z.enum(['mailto', 'eml', 'cancelled']), path: z.string().nullable() });

export const reportsInvoke = {
  'reports.create': invoke(z.object({ selection: ReportSelection, edits: ReportEditsPatch.optional() }), ReportView),
  'reports.open': invoke(z.object({ id: z.number().int() }), ReportView),
  'reports.update': invoke(z.object({ id: z.number().int(), edits: ReportEditsPatch }), ReportView),
  'reports.list': invoke(
    z.object({ limit: z.number().int().min(1).max(1_000).default(200) }).optional(),
    z.array(ReportListItem),
  ),
  'reports.delete': invoke(z.object({ id: z.number().int() }), z.object({ ok: z.boolean() })),
  /** Main writes the file (save dialog in the app); path null when the user cancelled. */
  'reports.save': invoke(z.object({ id: z.number().int(), format: ReportFormat }), SaveResult),
  'reports.copy': invoke(
    z.object({ id: z.number().int(), format: ReportFormat.exclude(['eml']) }),
    z.object({ ok: z.boolean() }),
  ),
  /** Opens the user's mail program: a mailto: link when short enough, else the saved .eml. Nothing is sent. */
  'reports.mail': invoke(z.object({ id: z.number().int() }), MailResult),
};

export const reportsEvents = {};

import { z } from 'zod';
import { VERDICT_IDS } from '../../main/core/model/verdict';
import { invoke } from './define';

/** Verdict ids are a contract shared with the CLI and reports (main/core/model/verdict.ts). */
export const VerdictIdSchema = z.enum(VERDICT_IDS);
export const SeveritySchema = z.enum(['info', 'notice', 'warning']);
export const LaneSchema = z.enum(['akamai-edge', 'akamai-netsession', 'akamai-cloud', 'other-cdn', 'isp', 'unknown']);
export const Localized = z.object({ en: z.string(), ja: z.string() });

export const EvidenceDto = z.object({ kind: z.string(), detail: z.string(), detailJa: z.string().optional() });

export const VerdictDto = z.object({
  id: VerdictIdSchema,
  severity: SeveritySchema,
  rule: z.string(),
  title: Localized,
  explanation: Localized,
  advice: Localized,
  evidence: z.array(EvidenceDto),
});
export type VerdictDto = z.infer<typeof VerdictDto>;

/** One row of the Hosts table. */
export const HostRow = z.object({
  ip: z.string(),
  /** Owner as shown ("Akamai", "Akamai Connected Cloud (Linode)", an AS name) or null. */
  owner: z.string().nullable(),
  role: z.string().nullable(),
  asn: z.number().int().nullable(),
  asOrg: z.string().nullable(),
  country: z.string().nullable(),
  verdict: VerdictIdSchema,
  severity: SeveritySchema,
  lane: LaneSchema,
  title: Localized,
  events: z.number().int(),
  firstSeen: z.number().nullable(),
  lastSeen: z.number().nullable(),
});
export type HostRow = z.infer<typeof HostRow>;

export const PortCountDto = z.object({ proto: z.string(), port: z.number().int(), count: z.number().int() });

export const LinkFindingDto = z.object({
  proto: z.string(),
  port: z.number().int(),
  process: z.string().nullable(),
  pid: z.number().int().nullable(),
  listening: z.boolean(),
  events: z.number().int(),
  remotes: z.number().int(),
  source: z.enum(['live', 'log']),
  text: Localized,
});
export type LinkFindingDto = z.infer<typeof LinkFindingDto>;

/** Everything the host panel's verdict section shows. */
export const HostDetail = HostRow.extend({
  verdictDetail: VerdictDto,
  ports: z.array(PortCountDto),
  remotePorts: z.array(PortCountDto),
  protocols: z.record(z.string(), z.number()),
  actions: z.record(z.string(), z.number()),
  flowVerdicts: z.record(z.string(), z.number()),
  links: z.array(LinkFindingDto),
  sites: z.array(z.array(z.string())),
});
export type HostDetail = z.infer<typeof HostDetail>;

export const HostSort = z.enum(['ip', 'country', 'owner', 'events', 'verdict', 'firstSeen', 'lastSeen']);
export type HostSort = z.infer<typeof HostSort>;

export const HostQuery = z.object({
  sort: HostSort.default('events'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  verdicts: z.array(VerdictIdSchema).max(8).optional(),
  /** Substring of address, owner, AS name or country. */
  search: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(5_000).default(500),
  offset: z.number().int().min(0).default(0),
});
export type HostQuery = z.input<typeof HostQuery>;

export const HostList = z.object({
  total: z.number().int(),
  hosts: z.array(HostRow),
  /** When the table was last rebuilt (ms), null before the first analysis. */
  updatedAt: z.number().nullable(),
});
export type HostList = z.infer<typeof HostList>;

export const hostsInvoke = {
  'hosts.list': invoke(HostQuery.optional(), HostList),
  'hosts.detail': invoke(z.object({ ip: z.string().max(64) }), HostDetail.nullable()),
  /**
   * Rebuilds the table from stored events and the live sockets. `deferred`: nothing was rebuilt because an import is
   * writing (the previous table stays; the import's end rebuilds it), `hosts` is then the previous table's count.
   */
  'hosts.refresh': invoke(
    /**
     * onlyIfStale: the Hosts screen opening. A big summary (ten thousand addresses or more: a second of work and up) is then
     * rebuilt only when an import ended after it; a small one always (so this PC's newest connections show up).
     */
    z.object({ onlyIfStale: z.boolean().optional() }).strict().optional(),
    z.object({ hosts: z.number().int(), events: z.number().int(), at: z.number(), deferred: z.boolean() }),
  ),
  /** Verdicts of given addresses (the Connections screen's remote hosts). */
  'hosts.verdicts': invoke(
    z.object({ ips: z.array(z.string().max(64)).max(5_000) }),
    z.record(z.string(), z.object({ verdict: VerdictIdSchema, severity: SeveritySchema, title: Localized })),
  ),
  'hosts.exportCsv': invoke(
    HostQuery.omit({ limit: true, offset: true }).extend({ lang: z.enum(['en', 'ja']).default('en') }),
    z.object({ fileName: z.string(), text: z.string(), rows: z.number().int() }),
  ),
};

export const hostsEvents = {
  /** The hosts table was rebuilt (after an import or a refresh). */
  'hosts.changed': z.object({ at: z.number(), hosts: z.number().int() }),
};

import { z } from 'zod';
import { invoke } from './define';

/** One piece of evidence behind an attribution (main/core/model/attribution.ts Evidence). */
export const EvidenceDto = z.object({
  kind: z.string(),
  detail: z.string(),
  detailJa: z.string().optional(),
});

/** Who an address belongs to, as main/core/intel/attribute.ts decides it (the `netwhy whois --json` shape). */
export const AttributionDto = z.object({
  ip: z.string(),
  asn: z.number().int().nullable(),
  asOrg: z.string().nullable(),
  country: z.string().nullable(),
  ptr: z.string().nullable(),
  ptrConfirmed: z.boolean().nullable(),
  rdap: z
    .object({
      name: z.string().nullable(),
      org: z.string().nullable(),
      country: z.string().nullable(),
      abuseEmail: z.string().nullable(),
    })
    .nullable(),
  owner: z.string().nullable(),
  role: z.string(),
  confidence: z.enum(['high', 'medium', 'low']),
  evidence: z.array(EvidenceDto),
});
export type AttributionDto = z.infer<typeof AttributionDto>;

export const RdapBootstrapInfo = z.object({ ipv4: z.string(), ipv6: z.string() });

/** What "Update now" did (main/services/intel.ts BootstrapRefresh); publication = the dates in use afterwards. */
export const BootstrapRefreshResult = z.object({
  status: z.enum(['refreshed', 'fresh', 'offline', 'failed', 'no-folder']),
  publication: RdapBootstrapInfo,
  error: z.string().nullable(),
});
export type BootstrapRefreshResult = z.infer<typeof BootstrapRefreshResult>;

export const intelInvoke = {
  /**
   * Attribution of one address. `online: false` forces the offline answer; otherwise reverse DNS and RDAP are
   * asked only when the onlineLookups setting is on (the setting always wins).
   */
  'intel.attribute': invoke(
    z.object({ ip: z.string().min(1).max(64), online: z.boolean().optional() }),
    AttributionDto,
  ),
  /** Publication dates of the IANA RDAP bootstrap files in use. */
  'intel.bootstrapInfo': invoke(z.undefined(), RdapBootstrapInfo),
  /** Downloads IANA's current bootstrap files now; does nothing (status 'offline') while online lookups are off. */
  'intel.refreshBootstrap': invoke(z.undefined(), BootstrapRefreshResult),
};

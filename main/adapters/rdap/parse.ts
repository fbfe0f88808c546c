/**
 * RDAP IP network responses (RFC 9083 §5.4) -> the summary NetWhy shows: network name, registrant organisation,
 * country and abuse e-mail. Entities are walked recursively because registries nest differently: ARIN puts the
 * abuse contact inside the organisation entity, RIPE and APNIC list it beside the network.
 */
import { z } from 'zod';
import type { RdapSummary } from '../../core/model/attribution';

interface EntityShape {
  handle?: string | undefined;
  roles?: string[] | undefined;
  vcardArray?: unknown;
  entities?: EntityShape[] | undefined;
}

const Entity: z.ZodType<EntityShape> = z.lazy(() =>
  z.looseObject({
    handle: z.string().optional(),
    roles: z.array(z.string()).optional(),
    vcardArray: z.unknown().optional(),
    entities: z.array(Entity).optional(),
  }),
);

export const IpNetworkResponse = z.looseObject({
  objectClassName: z.string().optional(),
  handle: z.string().optional(),
  startAddress: z.string().optional(),
  endAddress: z.string().optional(),
  ipVersion: z.string().optional(),
  name: z.string().optional(),
  type: z.string().optional(),
  country: z.string().optional(),
  entities: z.array(Entity).optional(),
});
export type IpNetworkResponse = z.infer<typeof IpNetworkResponse>;

export interface RdapNetwork extends RdapSummary {
  handle: string | null;
  startAddress: string | null;
  endAddress: string | null;
}

/** A jCard property (RFC 7095): [name, params, type, value…]; returns its text value(s). */
function vcardValues(vcard: unknown, property: string): string[] {
  if (!Array.isArray(vcard) || vcard[0] !== 'vcard' || !Array.isArray(vcard[1])) return [];
  const out: string[] = [];
  for (const item of vcard[1] as unknown[]) {
    if (!Array.isArray(item) || item[0] !== property) continue;
    const value: unknown = item[3];
    if (typeof value === 'string' && value.trim()) out.push(value.trim());
    else if (Array.isArray(value)) {
      const joined = value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').join(' ');
      if (joined) out.push(joined);
    }
  }
  return out;
}

const MAX_DEPTH = 6;

function walk(entities: EntityShape[] | undefined, visit: (e: EntityShape, depth: number) => void, depth = 0): void {
  if (!entities || depth > MAX_DEPTH) return;
  // Breadth first: a contact beside the network outranks one nested deeper.
  for (const e of entities) visit(e, depth);
  for (const e of entities) walk(e.entities, visit, depth + 1);
}

const hasRole = (e: EntityShape, role: string): boolean => (e.roles ?? []).some((r) => r.toLowerCase() === role);

function isEmail(s: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s);
}

export function summarizeRdap(response: IpNetworkResponse): RdapNetwork {
  let org: string | null = null;
  let orgByKind: string | null = null;
  let abuseEmail: string | null = null;
  walk(response.entities, (e) => {
    if (!org && hasRole(e, 'registrant'))
      org = vcardValues(e.vcardArray, 'fn')[0] ?? vcardValues(e.vcardArray, 'org')[0] ?? null;
    if (!orgByKind && vcardValues(e.vcardArray, 'kind')[0]?.toLowerCase() === 'org')
      orgByKind = vcardValues(e.vcardArray, 'fn')[0] ?? null;
    if (!abuseEmail && hasRole(e, 'abuse'))
      abuseEmail =
        vcardValues(e.vcardArray, 'email')
          .map((m) => m.replace(/^mailto:/i, ''))
          .find(isEmail) ?? null;
  });
  return {
    name: response.name?.trim() || null,
    org: org ?? orgByKind,
    country: response.country?.trim().toUpperCase() || null,
    abuseEmail,
    handle: response.handle ?? null,
    startAddress: response.startAddress ?? null,
    endAddress: response.endAddress ?? null,
  };
}

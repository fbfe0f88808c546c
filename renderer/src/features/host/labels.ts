import type { AttributionDto } from '../../../../preload/contract/intel';

/** CSS colour class of an attribution, matching the lanes' variables in styles.css. */
export function laneClass(a: Pick<AttributionDto, 'owner' | 'role'>): string {
  if (a.owner === 'akamai') {
    if (a.role === 'cloud-customer') return 'lane-akamai-cloud';
    return 'lane-akamai-edge';
  }
  if (a.owner) return 'lane-other-cdn';
  if (a.role === 'isp') return 'lane-isp';
  return 'lane-unknown';
}

const KNOWN_OWNERS = new Set([
  'akamai',
  'cloudflare',
  'fastly',
  'google',
  'amazon',
  'microsoft',
  'apple',
  'digitalocean',
  'ovh',
  'hetzner',
  'vultr',
  'quad9',
  'opendns',
]);

/** i18n key of an owner's display name, or null to show the raw owner id. */
function ownerKey(owner: string): string | null {
  return KNOWN_OWNERS.has(owner) ? `owner.${owner}` : null;
}

/** Who the panel names as an address's owner, and where that name comes from. */
export type OwnerLabel =
  /** An owner NetWhy recognises (Akamai, Cloudflare …): `key` is its i18n key, or null to show `name` as is. */
  | { source: 'known'; name: string; key: string | null }
  /** No recognised owner, but the registration (RDAP) or the offline network (AS) data names the organisation. */
  | { source: 'rdap' | 'as'; name: string }
  | { source: 'none' };

/**
 * The owner line of the host panel. An address NetWhy does not recognise is still named when the registration or
 * the offline AS data names its organisation ("SoftBank Corp."), rather than "Unknown owner" beside an AS line
 * that names it; the panel says where the name is from, and the confidence stays what the attribution says.
 */
export function ownerLabel(a: Pick<AttributionDto, 'owner' | 'asOrg' | 'rdap'>): OwnerLabel {
  if (a.owner) return { source: 'known', name: a.owner, key: ownerKey(a.owner) };
  const rdap = a.rdap?.org?.trim();
  if (rdap) return { source: 'rdap', name: rdap };
  const as = a.asOrg?.trim();
  if (as) return { source: 'as', name: as };
  return { source: 'none' };
}

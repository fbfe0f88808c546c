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
export function ownerKey(owner: string): string | null {
  return KNOWN_OWNERS.has(owner) ? `owner.${owner}` : null;
}

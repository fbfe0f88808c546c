import type { Attribution } from '../model/attribution';
import type { VerdictId } from '../model/verdict';
import { isNetSessionProcess } from './netsession';

/** Timeline lanes (one colour each, CSS variables --akamai-edge …) and the hosts table's `lane` column. */
export const LANES = ['akamai-edge', 'akamai-netsession', 'akamai-cloud', 'other-cdn', 'isp', 'unknown'] as const;
export type Lane = (typeof LANES)[number];

/**
 * Which lane an address belongs in. NetSession comes from behaviour (its process, or a p2p-download verdict),
 * not from the address: its peers are Akamai servers and home connections alike.
 */
export function laneFor(
  a: Pick<Attribution, 'owner' | 'role' | 'asn'> | null,
  hint: { verdict?: VerdictId | null; process?: string | null } = {},
): Lane {
  if (hint.verdict === 'p2p-download' || isNetSessionProcess(hint.process)) return 'akamai-netsession';
  if (!a) return 'unknown';
  const akamai = a.owner === 'akamai' || a.owner === 'linode';
  if (a.asn === 63949 || a.owner === 'linode' || (akamai && a.role === 'cloud-customer')) return 'akamai-cloud';
  if (akamai) return 'akamai-edge';
  switch (a.role) {
    case 'cdn-edge':
    case 'private-relay':
    case 'ddos-scrubbing':
    case 'hosting':
    case 'cloud-customer':
    case 'dns':
      return 'other-cdn';
    case 'isp':
      return 'isp';
    default:
      return 'unknown';
  }
}

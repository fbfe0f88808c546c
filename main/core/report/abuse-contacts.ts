import type { Attribution } from '../model/attribution';

/**
 * Abuse desks of owners NetWhy recognises, used when RDAP gave no abuse contact (offline, or the lookup failed).
 * RDAP (RFC 9083 entity with role "abuse") always wins: it is the registry's current word.
 * Source: ARIN / PeeringDB records for Akamai (AS20940 and others) and for the former Linode space (AS63949) list
 * abuse@akamai.com (peeringdb.com/asn/20940; shared/DOMAIN.md §1).
 */
export const KNOWN_ABUSE_CONTACTS: Readonly<Record<string, string>> = {
  akamai: 'abuse@akamai.com',
  linode: 'abuse@akamai.com',
};

export interface RecipientChoice {
  email: string | null;
  source: 'user' | 'rdap' | 'knowledge' | null;
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

export function isEmailAddress(text: string): boolean {
  return EMAIL.test(text.trim());
}

/** The user's choice first, then RDAP's abuse contact, then the knowledge table by owner. */
export function chooseRecipient(
  attribution: Pick<Attribution, 'rdap' | 'owner'> | null,
  userChoice?: string | null,
): RecipientChoice {
  if (userChoice && userChoice.trim()) return { email: userChoice.trim(), source: 'user' };
  const rdap = attribution?.rdap?.abuseEmail?.trim();
  if (rdap && isEmailAddress(rdap)) return { email: rdap, source: 'rdap' };
  const owner = attribution?.owner?.toLowerCase();
  const known = owner ? KNOWN_ABUSE_CONTACTS[owner] : undefined;
  if (known) return { email: known, source: 'knowledge' };
  return { email: null, source: null };
}

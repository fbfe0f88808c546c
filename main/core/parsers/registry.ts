import type { LogFamily } from './family';
import { netfilter } from './netfilter';
import { netgear } from './netgear';

/**
 * Every log family NetWhy reads, most specific first: detection asks each family's sniff() and the generic
 * fallback comes last. Add a family by importing its file here.
 */
export const FAMILIES: readonly LogFamily[] = [netfilter, netgear];

export function familyById(id: string): LogFamily | undefined {
  return FAMILIES.find((f) => f.id === id);
}

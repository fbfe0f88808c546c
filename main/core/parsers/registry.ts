import type { LogFamily } from './family';
import { netfilter } from './netfilter';
import { netgear } from './netgear';
import { yamaha } from './yamaha';
import { zyxel } from './zyxel';
import { dlink } from './dlink';
import { connectionLine } from './connection-line';
import { aterm } from './aterm';
import { buffalo } from './buffalo';
import { generic } from './generic';

/**
 * Every log family NetWhy reads, most specific first: detection asks each family's sniff() and the generic
 * fallback comes last. Add a family by importing its file here.
 */
export const FAMILIES: readonly LogFamily[] = [
  netfilter,
  netgear,
  yamaha,
  zyxel,
  dlink,
  connectionLine,
  aterm,
  buffalo,
  // The fallback stays last: it claims any line with two address:port pairs and a verdict word.
  generic,
];

export function familyById(id: string): LogFamily | undefined {
  return FAMILIES.find((f) => f.id === id);
}

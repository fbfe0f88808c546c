import type { VerdictRule } from '../types';
import { cdnConnection } from './cdn-connection';
import { cdnReply } from './cdn-reply';
import { p2pDownload } from './p2p-download';
import { probe } from './probe';
import { scan } from './scan';
import { staleLocal } from './stale-local';
import { streaming } from './streaming';
import { unknown } from './unknown';

/**
 * Every verdict rule, in the order they are tried: the first that matches a flow decides it. Local facts
 * (a program on this PC) come first, then a measured scan — which no CDN or streaming rule may excuse —
 * then the benign explanations, then background noise, then "unknown".
 */
export const RULES: readonly VerdictRule[] = [
  staleLocal,
  scan,
  p2pDownload,
  streaming,
  cdnReply,
  cdnConnection,
  probe,
  unknown,
];

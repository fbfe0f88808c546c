import type { Action, Direction } from '../model/event';
import { isLocalAddress } from '../net/scope';

/**
 * Verdict words routers print, in English and Japanese, mapped to NetWhy's actions.
 * "deny"/"block" say the packet was refused without saying how; "drop" = discarded silently; "reject" = refused
 * with an answer (RST / ICMP unreachable).
 */
const WORDS: Record<string, Action> = {
  drop: 'drop',
  dropped: 'drop',
  dropping: 'drop',
  discard: 'drop',
  discarded: 'drop',
  reject: 'reject',
  rejected: 'reject',
  rej: 'reject',
  deny: 'deny',
  denied: 'deny',
  block: 'deny',
  blocked: 'deny',
  refused: 'deny',
  accept: 'allow',
  accepted: 'allow',
  acc: 'allow',
  allow: 'allow',
  allowed: 'allow',
  permit: 'allow',
  permitted: 'allow',
  pass: 'allow',
  passed: 'allow',
};

const JA_WORDS: [string, Action][] = [
  ['破棄', 'drop'],
  ['廃棄', 'drop'],
  ['拒否', 'reject'],
  ['遮断', 'deny'],
  ['ブロック', 'deny'],
  ['許可', 'allow'],
  ['通過', 'allow'],
];

/** The first verdict word found in free text ("[UFW BLOCK]", "SFW2-INext-DROP-DEFLT", "拒否しました"). */
export function actionFromWords(text: string): Action {
  for (const word of text.toLowerCase().split(/[^a-z]+/)) {
    const a = WORDS[word];
    if (a) return a;
  }
  for (const [w, a] of JA_WORDS) if (text.includes(w)) return a;
  return 'unknown';
}

/**
 * Direction from the user's side judged by addresses alone: from an internet address to a local one is 'in',
 * the reverse is 'out'; undefined when both are local or both are public (the caller then looks at interfaces).
 */
export function directionByAddress(src: string, dst: string): Direction | undefined {
  const s = isLocalAddress(src);
  const d = isLocalAddress(dst);
  if (!s && d) return 'in';
  if (s && !d) return 'out';
  return undefined;
}

/**
 * Interface names that face the internet on common router firmware: ppp*, pppoe-wan (OpenWrt), wan, eth0.2 /
 * vlan2 (OpenWrt/DD-WRT/Tomato default WAN VLAN), WAN1 (Peplink), wwan (LTE), "wan" anywhere in the name.
 */
export function isWanInterface(name: string | null | undefined): boolean {
  if (!name) return false;
  return /wan|^ppp|^vlan2$|^eth0\.2$|^dsl|^adsl|^vdsl|^lte/i.test(name);
}

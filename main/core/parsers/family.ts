import type { ParsedEvent } from '../model/event';

/**
 * One log family (issue 3). A family file exports one `LogFamily`; `registry.ts` lists them all.
 * Parsing is per file and may keep state (W3C #Fields headers, netstat table headers, `netstat -b` owner lines).
 */
export interface LogFamily {
  /** Stable id used by `--format` and stored with every event ("netfilter", "netgear", "pfsense" …). */
  id: string;
  /** Human name for the format table ("Linux netfilter / iptables LOG"). */
  name: string;
  /** One real-format example line for `netwhy formats`. */
  example: string;
  /** How likely this single line belongs to the family: 0 (no) … 1 (certain). Cheap; called during detection. */
  sniff(line: string): number;
  /** A fresh parser for one file or stream. */
  open(): LineParser;
}

export type LineResult =
  /** A connection event. */
  | { kind: 'event'; event: ParsedEvent }
  /** Recognised as this family but not a connection (header, DHCP, system message, listening socket …). */
  | { kind: 'ignored' }
  /** Not understood: kept as raw text, counted and shown with its line number. */
  | { kind: 'unknown'; reason?: string }
  /**
   * Names the owner of the events since the previous `owner` result (Windows `netstat -b` prints the
   * process name on the line after its sockets). An empty `process` means the table could not name the owner
   * ("Can not obtain ownership information"): it still closes the group, and those events keep process null.
   */
  | { kind: 'owner'; process: string };

export interface LineParser {
  parse(line: string): LineResult;
}

/** A parser for families whose lines are independent of each other. */
export function stateless(parse: (line: string) => LineResult): () => LineParser {
  return () => ({ parse });
}

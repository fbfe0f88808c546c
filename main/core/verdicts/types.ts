import type { Attribution, Evidence } from '../model/attribution';
import type { SocketObservation } from '../model/socket';
import type { LocalizedText, Severity, VerdictId } from '../model/verdict';
import type { Packet } from './packets';
import type { Stamped } from './when';

/** A socket on this PC: live (polled) or a row of a pasted `netstat -ano -b`. */
export interface LocalSocket extends SocketObservation {
  /** When it entered its current state (ms), when known: a CLOSE_WAIT for hours is "lingering". */
  stateSince?: number | null;
  source: 'live' | 'log';
}

/** One address's scan episode, as psad-grade thresholds measured it (thresholds.ts). */
export interface ScanFinding {
  packets: number;
  /** Distinct destination address+port pairs inside the densest window. */
  targets: number;
  ports: number[];
  /** `ports` as the texts print them (describe.portList), written once per host: the scan rule runs per group. */
  portList: string;
  hosts: number;
  weight: number;
  stealth: boolean;
  shapes: string[];
  /** The episode's first and last event, for "between … and …" in the reader's words (when.ts). */
  first: Stamped | null;
  last: Stamped | null;
}

/** A high local port many peers reached over UDP, or one a NetSession process holds. */
export interface P2pPort {
  port: number;
  peers: Set<string>;
  process: LocalSocket | null;
}

/** Facts about the whole input that single flows cannot see. */
export interface World {
  sockets: LocalSocket[];
  /** The judged address's scan episode (rules look up their own group's address only). */
  scans: Map<string, ScanFinding>;
  /** Keyed by local UDP port. */
  p2pPorts: Map<number, P2pPort>;
  /** address -> the name chains the PC's DNS cache resolved to it (www.apple.com -> … -> address). */
  sites: Map<string, string[][]>;
  /** The time "now" for durations (ms); null in tests that don't care. */
  now: number | null;
}

/** The packets a rule judges: one flow, or all the flows of one host that share a verdict. */
export interface Group {
  remote: string;
  packets: Packet[];
  attribution: Attribution | null;
}

export interface RuleInput {
  group: Group;
  world: World;
}

/** Values a rule's text is filled with; both languages get the same. */
export type TextVars = Record<string, string | number>;

export interface RuleMatch {
  evidence: Evidence[];
  vars: TextVars;
}

export interface RuleText {
  title: LocalizedText;
  explanation: LocalizedText;
  advice: LocalizedText;
}

/** The rule's words with {name} placeholders, filled from RuleMatch.vars only when a text is shown. */
export type RuleTemplates = RuleText;

/** One verdict rule: its id, when it applies, what it tells the user. rules/index.ts lists them in order. */
export interface VerdictRule {
  id: string;
  verdict: VerdictId;
  severity: Severity;
  match(input: RuleInput): RuleMatch | null;
  templates: RuleTemplates;
}

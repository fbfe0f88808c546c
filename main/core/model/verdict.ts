import type { Evidence } from './attribution';

/** Verdict ids are a contract shared by the CLI, the UI and reports (issue 5). */
export const VERDICT_IDS = [
  'cdn-reply',
  'cdn-connection',
  'p2p-download',
  'streaming',
  'stale-local',
  'scan',
  'probe',
  'unknown',
] as const;
export type VerdictId = (typeof VERDICT_IDS)[number];
export type Severity = 'info' | 'notice' | 'warning';

export interface LocalizedText {
  en: string;
  ja: string;
}

export interface Verdict {
  id: VerdictId;
  severity: Severity;
  /** Id of the rule that decided it. */
  rule: string;
  title: LocalizedText;
  explanation: LocalizedText;
  /** What the user should do, short. */
  advice: LocalizedText;
  evidence: Evidence[];
}

/** Verdicts for which an abuse report is unlikely to help (issue 7). */
export const HARMLESS_VERDICTS: readonly VerdictId[] = [
  'cdn-reply',
  'cdn-connection',
  'streaming',
  'p2p-download',
  'stale-local',
];

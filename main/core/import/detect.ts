import type { LogFamily } from '../parsers/family';
import { splitHeader } from '../parsers/syslog-prefix';

export interface FamilyScore {
  id: string;
  /** Mean sniff() over the sampled lines, 0..1. */
  score: number;
  /** How many sampled lines this family claimed (sniff >= LINE_THRESHOLD). */
  lines: number;
}

export interface Detection {
  /** The best family, or null when no family claims enough of the sample. */
  family: LogFamily | null;
  /** 0..1: the best family's mean sniff over the sample. */
  confidence: number;
  /** Every family that scored above zero, best first (for the override select and for diagnostics). */
  scores: FamilyScore[];
  /** Non-empty lines sampled. */
  sampled: number;
}

/** A line counts as a family's when its sniff() reaches this. */
export const LINE_THRESHOLD = 0.5;
/** A file is taken as a family's when the family's mean sniff over the sample reaches this. */
export const FILE_THRESHOLD = 0.15;
/** How many non-empty lines the detection reads. */
export const SAMPLE_LINES = 200;

/**
 * How likely `line` belongs to `family`: its sniff() of the whole line, or of the message inside a syslog header
 * when a relay (rsyslog, a NAS, the receiver) wrapped a device's line in one.
 */
export function sniffLine(family: LogFamily, line: string): number {
  const whole = family.sniff(line);
  if (whole >= 0.9) return whole;
  const header = splitHeader(line);
  if (header.body === line || header.body === '') return whole;
  return Math.max(whole, family.sniff(header.body));
}

/**
 * Picks the family of a file from a sample of its first non-empty lines. A mixed syslog file (DHCP, kernel,
 * firewall lines) is fine: the family that claims the most lines wins, and the import falls back per line for
 * the rest.
 */
export function detectFamily(sample: readonly string[], families: readonly LogFamily[]): Detection {
  const lines = sample.filter((l) => l.trim() !== '').slice(0, SAMPLE_LINES);
  if (lines.length === 0) return { family: null, confidence: 0, scores: [], sampled: 0 };
  const scores: FamilyScore[] = [];
  for (const family of families) {
    let sum = 0;
    let claimed = 0;
    for (const line of lines) {
      let s = 0;
      try {
        s = sniffLine(family, line);
      } catch {
        s = 0;
      }
      sum += s;
      if (s >= LINE_THRESHOLD) claimed++;
    }
    if (sum > 0) scores.push({ id: family.id, score: sum / lines.length, lines: claimed });
  }
  // Stable for ties: registry order (most specific first) decides.
  scores.sort((a, b) => b.score - a.score || b.lines - a.lines);
  const best = scores[0];
  if (!best || best.score < FILE_THRESHOLD) {
    return { family: null, confidence: best?.score ?? 0, scores, sampled: lines.length };
  }
  const family = families.find((f) => f.id === best.id) ?? null;
  return { family, confidence: Math.round(best.score * 100) / 100, scores, sampled: lines.length };
}

/** The family most likely to own one line (mixed syslog files, the live receiver); null below LINE_THRESHOLD. */
export function detectLineFamily(
  line: string,
  families: readonly LogFamily[],
  skip?: LogFamily | null,
): { family: LogFamily; score: number } | null {
  let best: LogFamily | null = null;
  let bestScore = 0;
  for (const f of families) {
    if (f === skip) continue;
    let s = 0;
    try {
      s = sniffLine(f, line);
    } catch {
      s = 0;
    }
    if (s > bestScore) {
      best = f;
      bestScore = s;
    }
  }
  return best && bestScore >= LINE_THRESHOLD ? { family: best, score: bestScore } : null;
}

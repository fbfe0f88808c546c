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
  /**
   * 0..1: the family's mean sniff over the sample; for a log where it claims only a minority of lines (the rest
   * matching no family), its mean sniff over the lines some family claims.
   */
  confidence: number;
  /** Every family that scored above zero, best first (for the override select and for diagnostics). */
  scores: FamilyScore[];
  /** Non-empty lines sampled. */
  sampled: number;
}

/** A line counts as a family's when its sniff() reaches this. */
export const LINE_THRESHOLD = 0.5;
/**
 * A file is taken as a family's when the family's mean sniff over the sample reaches this; below it, the family
 * claiming the most lines (at least one) is taken (detectFamily).
 */
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
 *
 * A family whose mean sniff over the whole sample reaches FILE_THRESHOLD wins outright. Below it, a router's own
 * syslog where connection lines are a minority (an OpenWrt `logread` is mostly DHCP and Wi-Fi lines, one firewall
 * line in ten or fewer) still belongs to the family that claims the most of its lines; its confidence is then its
 * mean sniff over the lines some family claims, not over the chatter. Only a sample no family claims a single line
 * of is refused.
 */
export function detectFamily(sample: readonly string[], families: readonly LogFamily[]): Detection {
  const lines = sample.filter((l) => l.trim() !== '').slice(0, SAMPLE_LINES);
  if (lines.length === 0) return { family: null, confidence: 0, scores: [], sampled: 0 };
  // perLine[f][i]: family f's sniff of line i.
  const perLine = families.map((family) =>
    lines.map((line) => {
      try {
        return sniffLine(family, line);
      } catch {
        return 0;
      }
    }),
  );
  const claimedByAny = lines.map((_, i) => perLine.some((row) => (row[i] as number) >= LINE_THRESHOLD));
  const scores: FamilyScore[] = [];
  families.forEach((family, f) => {
    const row = perLine[f] as number[];
    const sum = row.reduce((a, b) => a + b, 0);
    const claimed = row.filter((s) => s >= LINE_THRESHOLD).length;
    if (sum > 0) scores.push({ id: family.id, score: sum / lines.length, lines: claimed });
  });
  // Stable for ties: registry order (most specific first) decides.
  scores.sort((a, b) => b.score - a.score || b.lines - a.lines);
  const best = scores[0];
  const familyOf = (id: string): LogFamily | null => families.find((f) => f.id === id) ?? null;
  if (best && best.score >= FILE_THRESHOLD) {
    return { family: familyOf(best.id), confidence: round2(best.score), scores, sampled: lines.length };
  }
  const sparse = [...scores].sort((a, b) => b.lines - a.lines || b.score - a.score)[0];
  if (!sparse || sparse.lines === 0) {
    return { family: null, confidence: best?.score ?? 0, scores, sampled: lines.length };
  }
  const f = families.findIndex((x) => x.id === sparse.id);
  const row = perLine[f] as number[];
  let sum = 0;
  let n = 0;
  claimedByAny.forEach((claimed, i) => {
    if (!claimed) return;
    sum += row[i] as number;
    n++;
  });
  return { family: familyOf(sparse.id), confidence: round2(sum / n), scores, sampled: lines.length };
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

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

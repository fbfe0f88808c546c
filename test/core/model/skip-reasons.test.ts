import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REASON } from '../../../main/core/import/pipeline';
import { isTechnicalReason, skipReasonKind } from '../../../main/core/model/skip-reasons';

const PARSERS = join(__dirname, '../../../main/core/parsers');

/** Every `reason:` string or template literal in the parsers, a template's `${…}` filled with a sample word. */
function parserReasons(): { file: string; reason: string }[] {
  const out: { file: string; reason: string }[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) {
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(/reason:\s*('(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`)/g)) {
          const literal = (m[1] ?? '').slice(1, -1).replace(/\$\{[^}]*\}/g, 'RT_FLOW_SESSION_DENY');
          out.push({ file: entry.name, reason: literal });
        }
      }
    }
  };
  walk(PARSERS);
  return out;
}

describe('skip reason kinds', () => {
  it('gives every reason a parser can store a kind a home user is told about, not "other"', () => {
    const reasons = parserReasons();
    // About 50 today; a scan that found few would mean the pattern no longer sees the parsers' reasons.
    expect(reasons.length).toBeGreaterThan(40);
    const unmapped = reasons.filter((r) => skipReasonKind(r.reason) === 'other');
    // A new reason in a parser needs a rule in main/core/model/skip-reasons.ts (and so a sentence on screen).
    expect(unmapped).toEqual([]);
  });

  it('tells apart the cases a user acts on differently', () => {
    const cases: [string, string][] = [
      // A line of another kind in the same log: nothing to fix.
      ['no IN=/OUT= fields', 'other-line'],
      ['not a Yamaha filter or INSPECT line', 'other-line'],
      ['not an RT_FLOW line', 'other-line'],
      ['no [event] tag', 'other-line'],
      ['fewer than two address:port pairs', 'other-line'],
      ['no "connection … from … to …" sentence', 'other-line'],
      // Hidden or unreadable addresses: the router masks them.
      ['netfilter line without SRC/DST addresses', 'no-addresses'],
      ['Aterm line with unreadable (masked?) addresses', 'no-addresses'],
      ['AirStation line with unreadable (masked?) address', 'no-addresses'],
      ['RouterOS: bad address', 'no-addresses'],
      ['service-blocked entry without a source', 'no-addresses'],
      ['pfirewall.log: row without addresses', 'no-addresses'],
      // Wording the parser does not know.
      ['ASA 106023: unexpected wording', 'layout'],
      ['RT_FLOW_SESSION_DENY: unexpected layout', 'layout'],
      ['filterlog: IP version missing', 'layout'],
      // netstat: run it another way.
      ['netstat row with host or service names: paste `netstat -ano` output', 'names-not-numbers'],
      ['ss row with host or service names: use -n', 'names-not-numbers'],
      ['IPv6 address may be cut short by netstat: paste `netstat -tunapW` output', 'ipv6-cut'],
      ['Netgear entry without a date', 'no-date'],
    ];
    expect(cases.map(([r]) => [r, skipReasonKind(r)])).toEqual(cases);
  });

  it('keeps the import pipeline codes as their own kinds, and anything unknown as "other"', () => {
    for (const code of Object.values(REASON)) expect(skipReasonKind(code)).toBe(code);
    expect(skipReasonKind('a reason some older version stored')).toBe('other');
    expect(skipReasonKind('')).toBe('other');
  });

  it('shows the stored text beside the kind only where it says more than a code', () => {
    expect(isTechnicalReason('no IN=/OUT= fields')).toBe(true);
    expect(isTechnicalReason(REASON.binary)).toBe(false);
    expect(isTechnicalReason('')).toBe(false);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { netfilter } from '../../../main/core/parsers/netfilter';
import { ruleText } from '../../../main/core/verdicts/analyze';
import { akamaiEdge, analyze, eventsOf } from './helpers';

// What users read: the explanation, advice and evidence of real-format log lines, in English and Japanese.

const scenario = (name: string): string[] =>
  readFileSync(join(__dirname, '../../fixtures/scenarios', name), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim());

describe('texts written again from stored values', () => {
  it('a stored value set missing a placeholder gives no text rather than a half-filled one', () => {
    const r = analyze(eventsOf(netfilter, scenario('slow-probe.log')), [akamaiEdge('126.74.201.3')]);
    const h = r.hosts[0];
    if (!h) throw new Error('no host');
    const again = ruleText(h.verdict.rule, h.verdictVars);
    expect(again?.explanation).toEqual(h.verdict.explanation);
    // Values stored by an older version that did not have {remote} yet.
    const { remote: _gone, ...older } = h.verdictVars;
    expect(ruleText(h.verdict.rule, older)).toBeNull();
  });
});

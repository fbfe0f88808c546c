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

// dmesg / `journalctl -k` print seconds since boot, not a wall-clock time.
const dmesgSyn = (dpt: number): string =>
  `[ 1732.118004] [UFW BLOCK] IN=eth0 OUT= MAC=c2:56:27:73:33:cf:c4:f0:81:b0:93:24:08:00 SRC=45.33.32.156 DST=203.0.113.7 LEN=40 TOS=0x00 PREC=0x00 TTL=240 ID=1 PROTO=TCP SPT=51638 DPT=${dpt} WINDOW=1024 RES=0x00 SYN URGP=0`;

describe('scan', () => {
  it('a log without wall-clock times: no "between ? and ?", in either language', () => {
    const lines = [22, 23, 25, 80, 110, 143, 443, 445].map(dmesgSyn);
    const r = analyze(eventsOf(netfilter, lines), [akamaiEdge('45.33.32.156')]);
    const v = r.hosts[0]?.verdict;
    expect(v?.id).toBe('scan');
    expect(v?.explanation.en).toContain(
      '45.33.32.156 (Akamai, AS20940) sent 8 connection attempts to 8 different ports. That is what a port scanner does',
    );
    expect(v?.explanation.ja).toContain('45.33.32.156（Akamai、AS20940）が、8 種類のポートへ 8 回の接続を試みました。');
    for (const t of [v?.explanation.en, v?.explanation.ja]) expect(t).not.toContain('?');
  });

  it('with times: when the attempts happened, in both languages', () => {
    const r = analyze(eventsOf(netfilter, scenario('syn-sweep-200.log')), [akamaiEdge('45.33.32.156')]);
    const v = r.hosts[0]?.verdict;
    expect(v?.explanation.en).toContain(
      'sent 200 connection attempts to 200 different ports between 2024-03-12T03:20:00Z and 2024-03-12T03:23:19Z.',
    );
    expect(v?.explanation.ja).toContain(
      'が、2024-03-12T03:20:00Z から 2024-03-12T03:23:19Z までの間に、200 種類のポートへ 200 回の接続を試みました。',
    );
  });
});

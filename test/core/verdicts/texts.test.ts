import { describe, expect, it } from 'vitest';
import { VERDICT_IDS } from '../../../main/core/model/verdict';
import { renderText } from '../../../main/core/verdicts/describe';
import { RULES } from '../../../main/core/verdicts/rules';

// Values a rule fills in; the Japanese template must be complete Japanese around them.
const VARS = {
  owner: 'Akamai, AS20940',
  ownerJa: 'Akamai、AS20940',
  ownerShort: 'Akamai',
  ownerShortJa: 'Akamai',
  remote: '192.0.2.1',
  count: 3,
  ports: 3,
  target: 'ports 22, 23 of your network',
  targetJa: 'あなたのネットワークのポート 22, 23 ',
  port: '443',
  flags: 'ACK',
  kind: 'with the TCP flags ACK',
  kindJa: 'TCP フラグ ACK のパケットが',
  story: 'They are late.',
  storyJa: '遅れた応答です。',
  subject: 'x.exe (PID 1)',
  subjectJa: ' x.exe（PID 1）',
  advice: 'Nothing is at risk. Restart x.exe.',
  adviceJa: '危険はありません。x.exe を再起動してください。',
  state: 'CLOSE_WAIT',
  stateMeaning: 'CLOSE_WAIT means …',
  stateMeaningJa: 'CLOSE_WAIT は相手が閉じた状態です。',
  stateWhy: 'The program has not closed it.',
  stateWhyJa: 'プログラムが閉じていません。',
  service: 'RTSP',
  serviceJa: 'RTSP',
  hosts: '',
  hostsJa: '',
  stealth: '',
  stealthJa: '',
  cloud: '',
  cloudJa: '',
  when: ' between a and b',
  whenJa: 'a から b までの間に、',
  threshold: '21',
  titleKind: 'Unsolicited attempts',
  titleKindJa: '一方的な接続の試み',
  titleVerdict: 'background noise',
  titleVerdictJa: 'ネット上の雑音です',
  attempt: 'tried 3 times to reach port 22 of your network without being asked',
  attemptJa: 'が、こちらから求めていないのにあなたのネットワークのポート 22 へ 3 回接続しようとしました',
  site: '',
  notVisited: 'Seeing Akamai is expected even if you never opened a site called "Akamai"',
  notVisitedJa: '「Akamai」のサイトを開いた覚えがなくても、',
  siteJa: '',
  why: 'Because.',
  whyJa: 'そのためです。',
  proto: 'UDP',
  protos: 'TCP',
  protosJa: 'TCP',
  portsKnown: ', remote port 443',
  lines: '3 log lines',
  fromRemote: '1 of them sent by the remote side',
  packets: '3 packets',
  webPort: 'port 443',
  connections: '2 connections',
  portsKnownJa: '、相手側ポートは 443',
  inbound: 1,
};

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
// English function words: their presence means an untranslated sentence slipped into the Japanese text.
const ENGLISH_SENTENCE = /\b(the|and|is|are|this|that|was|your|you|from|with|of|not|it)\b/i;

describe('explanation texts', () => {
  it('every verdict id has exactly one rule', () => {
    expect(RULES.map((r) => r.verdict).sort()).toEqual([...VERDICT_IDS].sort());
  });

  it.each(RULES.map((r) => [r.verdict, r] as const))(
    '%s: English and Japanese, Japanese really Japanese',
    (_id, rule) => {
      const text = renderText(rule, VARS);
      for (const part of [text.title, text.explanation, text.advice]) {
        expect(part.en.trim().length).toBeGreaterThan(10);
        expect(part.ja).toMatch(JAPANESE);
        expect(part.ja).not.toMatch(ENGLISH_SENTENCE);
        expect(part.en).not.toMatch(/\{\w+\}/);
        expect(part.ja).not.toMatch(/\{\w+\}/);
      }
      // A scared reader needs the whole story: what, why, whether to worry, what to do.
      expect(text.explanation.en.split('. ').length).toBeGreaterThanOrEqual(2);
    },
  );
});

describe('rendered verdicts', () => {
  it('every evidence line of every scenario has a Japanese rendering', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { netfilter } = await import('../../../main/core/parsers/netfilter');
    const { netgear } = await import('../../../main/core/parsers/netgear');
    const { akamaiEdge, analyze, eventsOf } = await import('./helpers');
    const dir = join(__dirname, '../../fixtures/scenarios');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.log'))) {
      const lines = readFileSync(join(dir, file), 'utf8').split('\n').filter(Boolean);
      const events = eventsOf(file.startsWith('netgear') ? netgear : netfilter, lines);
      const ips = [...new Set(events.map((e) => e.src))];
      for (const h of analyze(events, ips.map(akamaiEdge)).hosts) {
        for (const e of h.verdict.evidence) {
          expect(e.detailJa, `${file} ${e.detail}`).toBeTruthy();
          // Quoted registry names (「ssh」（The Secure Shell (SSH) Protocol）) stay as IANA wrote them.
          expect(e.detailJa?.replace(/（[^）]*）|「[^」]*」/g, '')).not.toMatch(ENGLISH_SENTENCE);
        }
        expect(h.verdict.explanation.ja).toMatch(JAPANESE);
      }
    }
  });
});

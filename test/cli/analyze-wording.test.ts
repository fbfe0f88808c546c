import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/main';
import { captureIo } from '../helpers/cli-io';

// What `netwhy analyze` users read, for inputs the reviewer found badly worded; real-format lines, offline owners.

const dir = mkdtempSync(join(tmpdir(), 'netwhy-analyze-wording-'));
function file(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\r\n') + '\r\n');
  return path;
}

interface HostJson {
  ip: string;
  verdict: string;
  title: string;
  explanation: string;
  advice: string;
  evidence: { kind: string; detail: string }[];
}

async function analyzeJson(path: string, lang: 'en' | 'ja'): Promise<HostJson[]> {
  const c = captureIo();
  const code = await runCli(
    ['analyze', path, '--offline', '--year', '2024', '--tz', 'UTC', '--json', '--lang', lang],
    c.io,
  );
  expect(code, c.err()).toBe(0);
  return (JSON.parse(c.out()) as { hosts: HostJson[] }).hosts;
}

describe('netwhy analyze --json wording', () => {
  it('a late QUIC packet from an Akamai edge: QUIC evidence and story, no TCP flags', async () => {
    const path = file('quic.log', [
      'Mar 12 20:00:00 OpenWrt kernel: DROP(src wan)IN=eth0 OUT= SRC=23.32.5.10 DST=203.0.113.7 LEN=44 TTL=51 ID=1 PROTO=UDP SPT=443 DPT=54001 LEN=60',
    ]);
    const en = (await analyzeJson(path, 'en')).find((h) => h.ip === '23.32.5.10');
    const ja = (await analyzeJson(path, 'ja')).find((h) => h.ip === '23.32.5.10');
    expect(en?.verdict).toBe('cdn-reply');
    expect(en?.explanation).toContain('from its web port 443 as QUIC');
    expect(ja?.explanation).toContain('Web 用ポート 443 より、QUIC（');
    expect(en?.evidence.map((e) => e.detail)).toContain(
      'UDP from server port 443: QUIC (HTTP/3), the server answering a connection from your side',
    );
    expect(ja?.evidence.map((e) => e.detail)).toContain(
      'サーバー側ポート 443 からの UDP: QUIC（HTTP/3）。こちら側から始めた接続へのサーバーの応答',
    );
    for (const h of [en, ja]) {
      const all = [h?.explanation, ...(h?.evidence ?? []).map((e) => e.detail)].join('\n');
      expect(all).not.toMatch(/TCP flags|TCP ?フラグ|フラグ UDP|flags UDP|ACK scan|ACK スキャン/);
    }
  });

  it('a plain netstat -ano: CLOSE_WAIT and LAST_ACK told apart, the program found by its PID', async () => {
    const path = join(__dirname, '../fixtures/sockets/windows-netstat-ano-close-wait.txt');
    const en = await analyzeJson(path, 'en');
    const ja = await analyzeJson(path, 'ja');
    const cw = en.find((h) => h.ip === '23.215.0.137');
    const la = en.find((h) => h.ip === '23.215.0.138');
    expect(cw?.explanation).toMatch(/^The program with PID 4321 on this PC still has 2 connection/);
    expect(cw?.advice).toContain('Task Manager (Details tab, PID column: 4321)');
    expect(la?.explanation).toContain('the program on this PC has closed its end too');
    expect(la?.explanation).not.toContain('has not closed it');
    const cwJa = ja.find((h) => h.ip === '23.215.0.137');
    const laJa = ja.find((h) => h.ip === '23.215.0.138');
    expect(cwJa?.explanation).toMatch(/^このPCの PID 4321 のプログラムの、/);
    expect(cwJa?.advice).toContain('タスク マネージャーの「詳細」タブの PID 列で 4321 のプログラムを探し');
    expect(laJa?.explanation).not.toContain('閉じていないため');
    for (const h of [...en, ...ja]) expect(`${h.explanation} ${h.advice}`).not.toMatch(/unidentified|特定できない/);
  });
});

describe('netwhy analyze text report', () => {
  it('English counts take their plural form: "1 file, 1 event, 1 remote host", "2 events"', async () => {
    const one = file('one.log', [
      'Mar 12 20:00:00 OpenWrt kernel: DROP(src wan)IN=eth0 OUT= SRC=23.32.5.10 DST=203.0.113.7 LEN=44 TTL=51 ID=1 PROTO=UDP SPT=443 DPT=54001 LEN=60',
    ]);
    const c = captureIo();
    expect(await runCli(['analyze', one, '--offline', '--year', '2024', '--tz', 'UTC'], c.io)).toBe(0);
    expect(c.out()).toContain('NetWhy analysis: 1 file, 1 event, 1 remote host\n');
    expect(c.out()).toMatch(/ 1 event {2}2024-03-12 20:00:00 \+00:00\n/);
    expect(c.out()).not.toMatch(/\b1 events\b|file\(s\)|host\(s\)/);

    const two = file('two.log', [
      'Mar 12 20:00:05 OpenWrt kernel: DROP(src wan)IN=eth0 OUT= SRC=23.32.5.11 DST=203.0.113.7 LEN=44 TTL=51 ID=1 PROTO=UDP SPT=30000 DPT=50777 LEN=60',
      'Mar 12 20:00:06 OpenWrt kernel: DROP(src wan)IN=eth0 OUT= SRC=23.32.5.11 DST=203.0.113.7 LEN=44 TTL=51 ID=1 PROTO=UDP SPT=30000 DPT=50777 LEN=60',
    ]);
    const d = captureIo();
    expect(await runCli(['analyze', one, two, '--offline', '--year', '2024', '--tz', 'UTC'], d.io)).toBe(0);
    expect(d.out()).toContain('NetWhy analysis: 2 files, 3 events, 2 remote hosts\n');
    expect(d.out()).toMatch(/ 2 events {2}2024-03-12 20:00:05 – 20:00:06 \+00:00\n/);
    const ja = captureIo();
    expect(
      await runCli(['analyze', one, two, '--offline', '--year', '2024', '--tz', 'UTC', '--lang', 'ja'], ja.io),
    ).toBe(0);
    expect(ja.out()).toContain('NetWhy の分析結果：ファイル 2 個、イベント 3 件、通信相手 2 件\n');
    expect(ja.out()).toMatch(/ 1 件 {2}2024-03-12 20:00:00 \+00:00\n/);
  });
});

describe('netwhy analyze: times in the zone the user gave', () => {
  const SCENARIOS = join(__dirname, '../fixtures/scenarios');

  it('--tz Asia/Tokyo: the period, host rows, evidence and prose are Tokyo wall time with the offset, not UTC', async () => {
    const args = [join(SCENARIOS, 'netgear-ack-akamai.log'), join(SCENARIOS, 'syn-sweep-200.log')];
    const en = captureIo();
    expect(await runCli(['analyze', ...args, '--offline', '--year', '2024', '--tz', 'Asia/Tokyo'], en.io)).toBe(0);
    const out = en.out();
    expect(out).toContain('Period: 2024-03-10 08:00:00 – 2024-03-12 03:23:19 +09:00\n');
    expect(out).toMatch(/ 200 events {2}2024-03-12 03:20:00 – 03:23:19 \+09:00\n/);
    expect(out).toMatch(/ 52 events {2}2024-03-10 08:00:00 – 2024-03-11 17:53:47 \+09:00\n/);
    expect(out).toContain('     - 200 log lines, 2024-03-12 03:20:00 – 03:23:19 +09:00\n');
    expect(out).toContain(
      'sent 200 connection attempts to 200 different ports between 12 Mar 2024 03:20 and 03:23 (UTC+9).',
    );
    // No machine time anywhere in the text: no ISO "T", no "Z".
    expect(out).not.toMatch(/\d{4}-\d\d-\d\dT\d\d|\d\dZ\b/);

    const ja = captureIo();
    expect(
      await runCli(['analyze', ...args, '--offline', '--year', '2024', '--tz', 'Asia/Tokyo', '--lang', 'ja'], ja.io),
    ).toBe(0);
    const outJa = ja.out();
    expect(outJa).toContain('期間: 2024-03-10 08:00:00 〜 2024-03-12 03:23:19 +09:00\n');
    expect(outJa).toMatch(/ 200 件 {2}2024-03-12 03:20:00 〜 03:23:19 \+09:00\n/);
    expect(outJa).toContain('     - ログ 200 行（2024-03-12 03:20:00 〜 03:23:19 +09:00）\n');
    expect(outJa).toContain('が、2024年3月12日 3:20〜3:23（UTC+9）に、200 種類のポートへ 200 回の接続を試みました。');
    expect(outJa).not.toMatch(/\d{4}-\d\d-\d\dT\d\d|\d\dZ\b/);
  });

  it('the period follows the zone given, not the UTC of the instants', async () => {
    const c = captureIo();
    const path = join(SCENARIOS, 'syn-sweep-200.log');
    // Logged in Tokyo, read for a user in New York: the same instants at -04:00 (summer time from 10 March 2024).
    expect(await runCli(['analyze', path, '--offline', '--year', '2024', '--tz', 'America/New_York'], c.io)).toBe(0);
    expect(c.out()).toContain('Period: 2024-03-12 03:20:00 – 03:23:19 -04:00\n');
  });
});

describe('netwhy analyze: link to this PC', () => {
  const SCENARIOS = join(__dirname, '../fixtures/scenarios');
  const REPORT = join(__dirname, '../fixtures/report');

  it('a port scan at the router is not said to be "meant for" a program in a pasted netstat, in either language', async () => {
    for (const lang of ['en', 'ja']) {
      const c = captureIo();
      const code = await runCli(
        [
          'analyze',
          join(SCENARIOS, 'syn-sweep-200.log'),
          join(REPORT, 'ufw-akamai-reply.log'),
          join(SCENARIOS, 'close-wait-netstat.txt'),
          '--offline',
          '--tz',
          'Asia/Tokyo',
          '--lang',
          lang,
        ],
        c.io,
      );
      expect(code, c.err()).toBe(0);
      expect(c.out()).toContain(lang === 'en' ? 'Port scan from 45.33.32.156' : '45.33.32.156 からのポートスキャン');
      expect(c.out()).not.toMatch(/svchost|meant for|宛てでした|netstat のPCの|Link to this PC|このPCとの関係/);
    }
  });
});

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
      expect(all).not.toMatch(/TCP flags|TCPフラグ|フラグ UDP|flags UDP|ACK scan|ACK スキャン/);
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
    expect(c.out()).toMatch(/ 1 event {2}2024-03-12T20:00:00\.000Z\n/);
    expect(c.out()).not.toMatch(/\b1 events\b|file\(s\)|host\(s\)/);

    const two = file('two.log', [
      'Mar 12 20:00:05 OpenWrt kernel: DROP(src wan)IN=eth0 OUT= SRC=23.32.5.11 DST=203.0.113.7 LEN=44 TTL=51 ID=1 PROTO=UDP SPT=30000 DPT=50777 LEN=60',
      'Mar 12 20:00:06 OpenWrt kernel: DROP(src wan)IN=eth0 OUT= SRC=23.32.5.11 DST=203.0.113.7 LEN=44 TTL=51 ID=1 PROTO=UDP SPT=30000 DPT=50777 LEN=60',
    ]);
    const d = captureIo();
    expect(await runCli(['analyze', one, two, '--offline', '--year', '2024', '--tz', 'UTC'], d.io)).toBe(0);
    expect(d.out()).toContain('NetWhy analysis: 2 files, 3 events, 2 remote hosts\n');
    expect(d.out()).toMatch(/ 2 events {2}2024-03-12T20:00:05\.000Z – 2024-03-12T20:00:06\.000Z\n/);
    const ja = captureIo();
    expect(
      await runCli(['analyze', one, two, '--offline', '--year', '2024', '--tz', 'UTC', '--lang', 'ja'], ja.io),
    ).toBe(0);
    expect(ja.out()).toContain('NetWhy の分析結果：ファイル 2 個、イベント 3 件、通信相手 2 件\n');
    expect(ja.out()).toMatch(/ 1 件 {2}2024-03-12T20:00:00\.000Z\n/);
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

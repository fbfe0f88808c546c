import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCommand } from '../../main/cli/analyze';
import { runCli } from '../../main/cli/main';
import { VERDICT_IDS } from '../../main/core/model/verdict';
import { captureIo } from '../helpers/cli-io';

const DIR = join(__dirname, '../fixtures/scenarios');
const f = (name: string): string => join(DIR, name);

const capture = captureIo;

interface HostJson {
  ip: string;
  owner: string | null;
  asn: number | null;
  asOrg: string | null;
  country: string | null;
  events: number;
  firstSeen: string | null;
  lastSeen: string | null;
  ports: unknown[];
  verdict: string;
  severity: string;
  title: string;
  explanation: string;
  evidence: { kind: string; detail: string }[];
}

async function analyzeJson(
  files: string[],
  lang = 'en',
): Promise<{ hosts: HostJson[]; flows: unknown[]; summary: Record<string, unknown> }> {
  const c = capture();
  const code = await runCli(
    ['analyze', ...files.map(f), '--offline', '--year', '2024', '--tz', 'UTC', '--json', '--lang', lang],
    c.io,
  );
  expect(code, c.err()).toBe(0);
  const lines = c.out().trim().split('\n');
  expect(lines).toHaveLength(1); // ONE object
  return JSON.parse(lines[0] as string);
}

// The offline verdict of every scenario file, with the bundled IP database attributing the addresses.
const CASES: [string, string, string][] = [
  ['netgear-ack-akamai.log', '23.32.5.10', 'cdn-reply'],
  ['udp-akamai-peers.log', '95.100.97.18', 'p2p-download'],
  ['quicktime-rtp.log', '23.62.99.10', 'streaming'],
  ['rtsp-554.log', '23.62.99.11', 'streaming'],
  ['mms-1755.log', '23.62.99.12', 'streaming'],
  ['syn-sweep-200.log', '45.33.32.156', 'scan'],
  ['slow-probe.log', '126.74.201.3', 'probe'],
];

describe('netwhy analyze', () => {
  it.each(CASES)('%s: %s is %s, in English and Japanese', async (file, ip, verdict) => {
    for (const lang of ['en', 'ja']) {
      const r = await analyzeJson([file], lang);
      const host = r.hosts.find((h) => h.ip === ip);
      expect(host?.verdict, JSON.stringify(host?.evidence)).toBe(verdict);
      expect(VERDICT_IDS).toContain(host?.verdict);
      if (lang === 'ja') expect(host?.explanation).toMatch(/[\u3040-\u30ff]/);
      else expect(host?.explanation).not.toMatch(/[\u3040-\u30ff]/);
    }
  });

  it('a pasted netstat -ano -b: lingering CLOSE_WAIT is stale-local, and its listener explains the router log', async () => {
    for (const lang of ['en', 'ja']) {
      const r = await analyzeJson(['close-wait-netstat.txt'], lang);
      const host = r.hosts.find((h) => h.ip === '23.215.0.137');
      expect(host?.verdict).toBe('stale-local');
      expect(host?.explanation).toContain('netsession_win.exe');
    }
    const both = await analyzeJson(['udp-akamai-peers.log', 'close-wait-netstat.txt']);
    expect((both.summary.links as { text: string }[])[0]?.text).toBe(
      'In the netstat output you gave, netsession_win.exe (PID 4321) listens on UDP 51234 — the rejected packets were most likely meant for it (routers usually keep UDP port numbers).',
    );
  });

  it('prints the contract fields for every host', async () => {
    const r = await analyzeJson(['syn-sweep-200.log', 'netgear-ack-akamai.log']);
    for (const h of r.hosts) {
      for (const key of [
        'ip',
        'owner',
        'asn',
        'asOrg',
        'country',
        'events',
        'firstSeen',
        'lastSeen',
        'ports',
        'verdict',
        'severity',
        'title',
        'explanation',
        'evidence',
      ]) {
        expect(h).toHaveProperty(key);
      }
    }
    const scanner = r.hosts.find((h) => h.ip === '45.33.32.156');
    expect(scanner).toMatchObject({
      asn: 63949,
      events: 200,
      severity: 'warning',
      firstSeen: '2024-03-12T03:20:00.000Z',
    });
    expect(scanner?.owner).toContain('Akamai Connected Cloud');
    expect(r.summary).toMatchObject({ events: 320, hosts: 6 });
    expect((r.summary.hostsByVerdict as Record<string, number>)['cdn-reply']).toBe(5);
    expect(r.flows.length).toBeGreaterThan(0);
  });

  it('a readable report in the chosen language', async () => {
    const en = capture();
    expect(await runCli(['analyze', f('syn-sweep-200.log'), '--offline', '--year', '2024', '--tz', 'UTC'], en.io)).toBe(
      0,
    );
    expect(en.out()).toContain('[scan] Port scan from 45.33.32.156');
    expect(en.out()).toContain('What to do:');
    const ja = capture();
    expect(
      await runCli(
        ['analyze', f('syn-sweep-200.log'), '--offline', '--year', '2024', '--tz', 'UTC', '--lang', 'ja'],
        ja.io,
      ),
    ).toBe(0);
    expect(ja.out()).toContain('45.33.32.156 からのポートスキャン');
    expect(ja.out()).toContain('どうすればよいか');
  });

  it('names the site from a DNS cache file', async () => {
    const c = capture();
    const code = await runCli(
      [
        'analyze',
        f('netgear-ack-akamai.log'),
        '--offline',
        '--json',
        '--dns',
        join(__dirname, '../fixtures/dns/displaydns-en.txt'),
      ],
      c.io,
    );
    expect(code).toBe(0);
    const host = (JSON.parse(c.out()) as { hosts: HostJson[] }).hosts.find((h) => h.ip === '23.215.0.137');
    expect(host?.evidence.map((e) => e.detail)).toContain(
      "This PC's DNS cache: www.apple.com → www.apple.com.edgekey.net → e6858.dsce9.akamaiedge.net → 23.215.0.137",
    );
  });

  it('rejects a bad --lang and a missing file', async () => {
    const c = capture();
    expect(await runCli(['analyze', f('slow-probe.log'), '--lang', 'fr'], c.io)).toBe(2);
    const d = capture();
    expect(await runCli(['analyze', f('no-such.log')], d.io)).toBe(1);
  });

  it('asks for online attribution only without --offline (through the attribution it is given)', async () => {
    const asked: boolean[] = [];
    const deps = {
      attribute: (offline: boolean) => {
        asked.push(offline);
        return async (ip: string) => ({
          ip,
          asn: 20940,
          asOrg: 'AKAMAI-ASN1',
          country: 'US',
          ptr: null,
          ptrConfirmed: null,
          rdap: null,
          owner: 'akamai',
          role: 'cdn-edge' as const,
          confidence: 'high' as const,
          evidence: [],
        });
      },
    };
    await analyzeCommand([f('rtsp-554.log'), '--json'], capture().io, deps);
    await analyzeCommand([f('rtsp-554.log'), '--json', '--offline'], capture().io, deps);
    expect(asked).toEqual([false, true]);
  });
});

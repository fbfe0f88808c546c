import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/main';
import { displayWidth } from '../../../main/core/report/width';
import type { CliIo } from '../../../main/cli/io';
import { resolveIpdbPath } from '../../../main/adapters/ipdb/load';
import { reverseName, startDnsServer, type TestDnsServer } from '../../helpers/dns-server';
import { startRdapServer, type TestRdapServer } from '../../helpers/rdap-server';

function capture(): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
    isTTY: false,
    env: {},
    cwd: process.cwd(),
  };
  return io;
}

const ATTRIBUTION_KEYS = [
  'asOrg',
  'asn',
  'confidence',
  'country',
  'evidence',
  'ip',
  'owner',
  'ptr',
  'ptrConfirmed',
  'rdap',
  'role',
].sort();

const hasDb = resolveIpdbPath() !== null;

describe('netwhy whois (CLI contract)', () => {
  it('--offline --json: one Attribution object per address, for any IPv4/IPv6, in the order given', async () => {
    const io = capture();
    const ips = [
      '23.215.0.136',
      '192.168.1.1',
      '2001:db8::1',
      '::1',
      '2600:1406:3c00::17cc:8a48',
      '1.1.1.1',
      '100.64.3.4',
    ];
    expect(await runCli(['whois', '--offline', '--json', ...ips], io)).toBe(0);
    const lines = io.out.trim().split('\n');
    expect(lines).toHaveLength(ips.length);
    const objs = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const [i, o] of objs.entries()) {
      expect(Object.keys(o).sort()).toEqual(ATTRIBUTION_KEYS);
      expect(o['ip']).toBe(ips[i]);
      expect(['high', 'medium', 'low']).toContain(o['confidence']);
      expect(o['ptr']).toBeNull();
      expect(o['rdap']).toBeNull();
      for (const e of o['evidence'] as { kind: string; detail: string; detailJa: string }[]) {
        expect(typeof e.kind).toBe('string');
        expect(e.detail.length).toBeGreaterThan(0);
        expect(e.detailJa.length).toBeGreaterThan(0);
      }
    }
    expect(objs[1]).toMatchObject({ role: 'private', confidence: 'high', owner: null });
    expect(objs[2]).toMatchObject({ role: 'documentation' });
    expect(objs[3]).toMatchObject({ role: 'loopback' });
    expect(objs[5]).toMatchObject({ owner: 'cloudflare', role: 'dns' });
    expect(objs[6]).toMatchObject({ role: 'cgnat' });
    if (hasDb) {
      expect(objs[0]).toMatchObject({ owner: 'akamai', role: 'cdn-edge', asn: 20940 });
      expect(objs[4]).toMatchObject({ owner: 'akamai', asn: 20940 });
    }
  });

  it('prints readable text, in Japanese with --lang ja, and credits the data', async () => {
    const io = capture();
    expect(await runCli(['whois', '--offline', '192.168.1.1'], io)).toBe(0);
    expect(io.out).toContain('192.168.1.1');
    expect(io.out).toMatch(/Role\s+a private \(home or company\) address/);
    expect(io.out).toContain('RFC 1918');
    if (hasDb) expect(io.err).toContain('DB-IP');
    const ja = capture();
    await runCli(['whois', '--offline', '--lang', 'ja', '127.0.0.1'], ja);
    expect(ja.out).toContain('ループバック');
  });

  it('reports a bad address on stderr and exits 1, still answering the good ones', async () => {
    const io = capture();
    expect(await runCli(['whois', '--offline', '--json', 'example.com', '10.0.0.1'], io)).toBe(1);
    expect(io.err).toContain('not an IP address: example.com');
    expect(io.out.trim().split('\n')).toHaveLength(1);
  });

  it('--lang ja: the error, the labels and the credits label in Japanese, values aligned by display width', async () => {
    const io = capture();
    expect(await runCli(['whois', '--offline', '--lang', 'ja', '999.1.1.1', '192.168.1.1'], io)).toBe(1);
    expect(io.err).toContain('netwhy whois: IP アドレスではありません: 999.1.1.1\n');
    expect(io.err).not.toContain('not an IP address');
    if (hasDb) {
      expect(io.err).toMatch(/\nデータの出典: .*DB-IP/);
      expect(io.err).not.toMatch(/^Data:/m);
    }
    const rows = io.out.split('\n').filter((l) => /^ {2}\S/.test(l) && !l.endsWith(':'));
    expect(rows.map((l) => l.trim().split(/\s+/)[0])).toEqual(['所有者', '役割', '確からしさ', 'ネットワーク', '国']);
    // Every value starts in the same terminal column: kanji and kana take two columns each.
    const columns = rows.map((l) => displayWidth(/^ {2}\S+\s+/.exec(l)?.[0] ?? ''));
    expect(new Set(columns).size).toBe(1);
    expect(io.out).toMatch(/ {2}役割 +プライベート/);
  });

  it.skipIf(!hasDb)('--lang ja evidence: Japanese punctuation, no space between sentences', async () => {
    const io = capture();
    expect(await runCli(['whois', '--offline', '--lang', 'ja', '45.33.32.156'], io)).toBe(0);
    expect(io.out).toContain('オフラインデータベース: AS63949 Akamai Technologies, Inc.（US）。');
    expect(io.out).toContain('です。この AS は Akamai Connected Cloud（旧 Linode');
    expect(io.out).not.toMatch(/。 /);
  });

  it('is a usage error without an address', async () => {
    const io = capture();
    expect(await runCli(['whois'], io)).toBe(2);
  });

  describe('online, against DNS and RDAP servers on 127.0.0.1', () => {
    let dns: TestDnsServer;
    let rdap: TestRdapServer;
    const PTR = 'a110-232-152-33.deploy.static.akamaitechnologies.com';
    beforeAll(async () => {
      dns = await startDnsServer({ [reverseName('110.232.152.33')]: { PTR: [PTR] }, [PTR]: { A: ['110.232.152.33'] } });
      rdap = await startRdapServer({});
    });
    afterAll(async () => {
      await dns.close();
      await rdap.close();
    });

    it('shows the reverse-DNS evidence: the AANP edge comes out as Akamai with both pieces of evidence', async () => {
      const io = capture();
      const code = await runCli(
        ['whois', '--json', '--dns-server', dns.address, '--rdap-base', rdap.base, '110.232.152.33'],
        io,
      );
      expect(code).toBe(0);
      const a = JSON.parse(io.out) as { owner: string; confidence: string; ptr: string; evidence: { kind: string }[] };
      expect(a).toMatchObject({ owner: 'akamai', ptr: PTR, ptrConfirmed: true });
      expect(['medium', 'high']).toContain(a.confidence);
      expect(a.evidence.map((e) => e.kind)).toEqual(
        expect.arrayContaining(['asn', 'ptr', 'ptr-forward-confirm', 'rdap']),
      );
      expect(rdap.requests).toEqual(['/ip/110.232.152.33']);
    });

    it('--offline sends nothing', async () => {
      const before = dns.queries.length;
      const io = capture();
      await runCli(['whois', '--offline', '--dns-server', dns.address, '--rdap-base', rdap.base, '110.232.152.33'], io);
      expect(dns.queries.length).toBe(before);
      expect(rdap.requests).toEqual(['/ip/110.232.152.33']);
    });
  });
});

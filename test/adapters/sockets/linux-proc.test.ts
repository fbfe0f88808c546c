import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProcSocketSource, parseProcNetTable, type ProcFs } from '../../../main/adapters/sockets/linux-proc';

const FIXTURES = join(__dirname, '../../fixtures/sockets');
const table = (name: string): string => readFileSync(join(FIXTURES, `proc-net-${name}.txt`), 'utf8');

describe('parseProcNetTable (recorded /proc/net tables)', () => {
  it('decodes little-endian IPv4 addresses, hex ports and TCP states', () => {
    const rows = parseProcNetTable(table('tcp'), 'tcp', 4);
    expect(rows.find((r) => r.localPort === 47011 && r.state === 'LISTEN')).toMatchObject({
      localAddress: '127.0.0.1',
      remoteAddress: '',
      remotePort: null,
      inode: 78741,
    });
    expect(rows.find((r) => r.state === 'CLOSE_WAIT')).toMatchObject({
      localAddress: '127.0.0.1',
      localPort: 41440,
      remoteAddress: '127.0.0.1',
      remotePort: 47011,
    });
    expect(rows.find((r) => r.state === 'FIN_WAIT2')?.localPort).toBe(47011);
    expect(rows.every((r) => !/^[0-9A-F]{2}$/.test(r.state))).toBe(true);
  });

  it('decodes IPv6 words to RFC 5952 text', () => {
    const rows = parseProcNetTable(table('tcp6'), 'tcp', 6);
    expect(rows.find((r) => r.localPort === 47012 && r.state === 'LISTEN')?.localAddress).toBe('::1');
    expect(rows.some((r) => r.state === 'ESTABLISHED' && r.remoteAddress === '::1')).toBe(true);
  });

  it('keeps unconnected UDP sockets (which the netstat|grep path loses) with no state', () => {
    expect(parseProcNetTable(table('udp'), 'udp', 4).find((r) => r.localPort === 47013)).toMatchObject({
      localAddress: '0.0.0.0',
      remoteAddress: '',
      state: '',
    });
    expect(parseProcNetTable(table('udp6'), 'udp', 6).find((r) => r.localPort === 47014)?.localAddress).toBe('::');
  });
});

describe('createProcSocketSource owner lookup', () => {
  function fakeProc(): { fs: ProcFs; scans: () => number; fds: Map<string, string> } {
    let scans = 0;
    const fds = new Map<string, string>([
      ['/proc/4321/fd/7', 'socket:[78741]'],
      ['/proc/4321/fd/8', 'socket:[78793]'],
      ['/proc/4321/fd/1', '/dev/null'],
    ]);
    const fs: ProcFs = {
      readFile: (p) => {
        if (p === '/proc/4321/comm') return 'netsession_mac\n';
        const m = /net\/(\w+)$/.exec(p);
        if (m) return table(m[1]!);
        throw new Error(`ENOENT ${p}`);
      },
      readdir: (p) => {
        if (p === '/proc') return (scans++, ['1', '4321', 'self', 'net']);
        if (p === '/proc/1/fd') throw new Error('EACCES');
        if (p === '/proc/4321/fd')
          return [...fds.keys()].filter((k) => k.startsWith(p)).map((k) => k.slice(p.length + 1));
        throw new Error(`ENOENT ${p}`);
      },
      readlink: (p) => {
        if (p === '/proc/4321/exe') return '/Users/me/Applications/Akamai/netsession_mac';
        const v = fds.get(p);
        if (!v) throw new Error('ENOENT');
        return v;
      },
    };
    return { fs, scans: () => scans, fds };
  }

  it('names the owning process and its path, and leaves TIME_WAIT ownerless', async () => {
    const proc = fakeProc();
    let now = 0;
    const source = createProcSocketSource(proc.fs, '/proc', () => now);
    const sockets = await source.poll();
    const listener = sockets.find((s) => s.localPort === 47011 && s.state === 'LISTEN');
    expect(listener).toMatchObject({
      pid: 4321,
      processName: 'netsession_mac',
      processPath: '/Users/me/Applications/Akamai/netsession_mac',
    });
    expect(sockets.filter((s) => s.state === 'TIME_WAIT').every((s) => s.pid === null)).toBe(true);
    // Sockets whose owner cannot be read are not rescanned for on every poll…
    const before = proc.scans();
    now = 2_000;
    await source.poll();
    expect(proc.scans()).toBe(before);
    // …but are after a while, and at once when a new unknown socket appears.
    now = 12_000;
    await source.poll();
    expect(proc.scans()).toBe(before + 1);
  });
});

import { createServer, connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createLiveSocketSource } from '../../main/adapters/sockets';
import { createSystemSocketSource } from '../../main/adapters/sockets/systeminformation';
import { runCli } from '../../main/cli/main';
import { socketsCommand } from '../../main/cli/sockets';
import type { SocketObservation } from '../../main/core/model/socket';
import { captureIo } from '../helpers/cli-io';
import { NETSESSION_LISTENER } from '../helpers/sockets';

const capture = captureIo;

const sample: SocketObservation[] = [
  NETSESSION_LISTENER,
  {
    protocol: 'tcp',
    family: 6,
    localAddress: '2001:db8::10',
    localPort: 50000,
    remoteAddress: '2a02:26f0::1',
    remotePort: 443,
    state: 'CLOSE_WAIT',
    pid: 77,
    processName: 'chrome.exe',
    processPath: 'C:\\chrome.exe',
  },
];

describe('netwhy sockets', () => {
  it('prints an aligned table sorted by program, with IPv6 endpoints bracketed', async () => {
    const c = capture();
    expect(await socketsCommand([], c.io, { poll: async () => sample })).toBe(0);
    const lines = c.out().trimEnd().split('\n');
    expect(lines[0]).toMatch(/^PROCESS\s+PID\s+PROTO\s+LOCAL\s+REMOTE\s+STATE\s+PATH$/);
    expect(lines[1]).toMatch(
      /^chrome\.exe\s+77\s+tcp6\s+\[2001:db8::10\]:50000\s+\[2a02:26f0::1\]:443\s+CLOSE_WAIT\s+C:\\chrome\.exe$/,
    );
    expect(lines[2]).toMatch(/^netsession_win\.exe\s+4321\s+udp\s+0\.0\.0\.0:51234\s+\*\s+-$/);
    expect(c.err()).toBe('2 sockets\n');
  });

  it('prints JSON lines with --json', async () => {
    const c = capture();
    await socketsCommand(['--json'], c.io, { poll: async () => sample });
    const objects = c
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as SocketObservation);
    expect(objects.map((o) => o.processName)).toEqual(['chrome.exe', 'netsession_win.exe']);
    expect(objects[0]).toEqual(sample[1]);
  });

  it('explains a wrong option with usage and exit code 2', async () => {
    const c = capture();
    expect(await runCli(['sockets', '--jsonn'], c.io)).toBe(2);
    expect(c.err()).toMatch(/Unknown option '--jsonn'/);
    expect(c.err()).toMatch(/netwhy sockets \[--json\]/);
    expect(await runCli(['frobnicate'], c.io)).toBe(2);
  });

  it.each([
    ['this OS’s live source', createLiveSocketSource],
    ['systeminformation', createSystemSocketSource],
  ])('lists this machine’s real sockets with process names (live, %s)', async (_name, create) => {
    const server = createServer(() => undefined);
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const port = (server.address() as { port: number }).port;
    const client = connect(port, '127.0.0.1');
    await new Promise<void>((done) => client.once('connect', () => done()));
    try {
      const sockets = await create().poll();
      const ours = sockets.filter((s) => s.localPort === port || s.remotePort === port);
      expect(ours.length).toBeGreaterThanOrEqual(2);
      expect(ours.every((s) => s.pid === process.pid)).toBe(true);
      expect(ours.every((s) => s.processName === 'node' || s.processName === 'MainThread')).toBe(true);
      expect(ours.some((s) => s.state === 'ESTABLISHED')).toBe(true);
    } finally {
      client.destroy();
      server.close();
    }
  });
});

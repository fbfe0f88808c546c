import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listenersFromNetstatWindows } from '../../../main/core/verdicts/listeners';

describe('listeners of a pasted netstat -ano -b', () => {
  it('keeps LISTENING and unconnected UDP rows with the program named under them', () => {
    const text = readFileSync(join(__dirname, '../../fixtures/scenarios/close-wait-netstat.txt'), 'utf8');
    expect(listenersFromNetstatWindows(text).map((s) => [s.protocol, s.localPort, s.processName, s.pid])).toEqual([
      ['tcp', 135, 'svchost.exe', 880],
      ['udp', 51234, 'netsession_win.exe', 4321],
    ]);
  });

  it('reads the recorded Windows netstat -nao output (no -b: no program names)', () => {
    const text = readFileSync(join(__dirname, '../../fixtures/sockets/windows-netstat-nao.txt'), 'utf8');
    const l = listenersFromNetstatWindows(text);
    expect(l.find((s) => s.localPort === 3389)).toMatchObject({
      protocol: 'tcp',
      state: 'LISTEN',
      pid: 1016,
      processName: null,
    });
  });
});

import { describe, expect, it } from 'vitest';
import type { SocketObservation } from '../../main/core/model/socket';
import { openDatabase } from '../../main/db/open';
import { listStateChanges } from '../../main/db/repos/connections';
import { createSocketMonitor, currentConnections, recordSocketSnapshot } from '../../main/services/sockets';

const edge = (state: string, over: Partial<SocketObservation> = {}): SocketObservation => ({
  protocol: 'tcp',
  family: 4,
  localAddress: '192.168.1.10',
  localPort: 51234,
  remoteAddress: '23.32.1.1',
  remotePort: 443,
  state,
  pid: 4321,
  processName: 'WeatherApplet.exe',
  processPath: 'C:\\Program Files\\Weather\\WeatherApplet.exe',
  ...over,
});
const options = { closeWaitStuckSec: 60, closedGraceSec: 30 };

describe('recording socket snapshots', () => {
  it('keeps a connection as one row with its state changes and times', () => {
    const db = openDatabase(':memory:');
    recordSocketSnapshot(db, [edge('ESTABLISHED')], 1_000);
    recordSocketSnapshot(db, [edge('ESTABLISHED')], 3_000);
    const changes = recordSocketSnapshot(db, [edge('CLOSE_WAIT')], 5_000);
    expect(changes).toEqual({ opened: 0, closed: 0, stateChanged: 1 });
    const [row] = currentConnections(db, 5_000, options).connections;
    expect(row).toMatchObject({
      state: 'CLOSE_WAIT',
      firstSeen: 1_000,
      lastSeen: 5_000,
      stateSince: 5_000,
      closedAt: null,
    });
    expect(listStateChanges(db, { connectionId: row!.id })).toEqual([
      { state: 'ESTABLISHED', at: 1_000 },
      { state: 'CLOSE_WAIT', at: 5_000 },
    ]);
  });

  it('marks a CLOSE_WAIT as stuck only after the threshold', () => {
    const db = openDatabase(':memory:');
    recordSocketSnapshot(db, [edge('CLOSE_WAIT')], 0);
    recordSocketSnapshot(db, [edge('CLOSE_WAIT')], 59_000);
    expect(currentConnections(db, 59_000, options).connections[0]?.stuck).toBe(false);
    recordSocketSnapshot(db, [edge('CLOSE_WAIT')], 61_000);
    expect(currentConnections(db, 61_000, options).connections[0]?.stuck).toBe(true);
    // ESTABLISHED for a long time is normal, never stuck.
    recordSocketSnapshot(db, [edge('ESTABLISHED', { localPort: 50000 })], 0);
    expect(currentConnections(db, 500_000, options).connections.find((c) => c.localPort === 50000)?.stuck).toBe(false);
  });

  it('keeps a vanished connection listed (greyed) during the grace period, then only in history', () => {
    const db = openDatabase(':memory:');
    recordSocketSnapshot(db, [edge('ESTABLISHED'), edge('ESTABLISHED', { localPort: 51235 })], 0);
    const changes = recordSocketSnapshot(db, [edge('ESTABLISHED')], 2_000);
    expect(changes.closed).toBe(1);
    const during = currentConnections(db, 20_000, options).connections;
    expect(during).toHaveLength(2);
    expect(during.find((c) => c.localPort === 51235)?.closedAt).toBe(2_000);
    const after = currentConnections(db, 40_000, options).connections;
    expect(after.map((c) => c.localPort)).toEqual([51234]);
  });

  it('opens a new row when the same endpoints come back after closing', () => {
    const db = openDatabase(':memory:');
    recordSocketSnapshot(db, [edge('ESTABLISHED')], 0);
    recordSocketSnapshot(db, [], 2_000);
    recordSocketSnapshot(db, [edge('ESTABLISHED')], 4_000);
    const rows = db.prepare('SELECT first_seen, closed_at FROM connections ORDER BY id').all();
    expect(rows).toEqual([
      { first_seen: 0, closed_at: 2_000 },
      { first_seen: 4_000, closed_at: null },
    ]);
  });
});

describe('socket monitor', () => {
  it('closes connections left open by a previous run before its first poll', async () => {
    const db = openDatabase(':memory:');
    recordSocketSnapshot(db, [edge('ESTABLISHED')], 0);
    const monitor = createSocketMonitor(
      db,
      { poll: async () => [] },
      () => options,
      () => 100_000,
    );
    const view = await monitor.pollOnce();
    expect(view.connections).toHaveLength(0);
    expect(db.prepare('SELECT closed_at FROM connections').get()).toEqual({ closed_at: 0 });
  });

  it('reports a failed poll and keeps the last data', async () => {
    const db = openDatabase(':memory:');
    let fail = false;
    const monitor = createSocketMonitor(
      db,
      {
        poll: async () => {
          if (fail) throw new Error('netstat: command not found');
          return [edge('ESTABLISHED')];
        },
      },
      () => options,
      () => 1_000,
    );
    await monitor.pollOnce();
    fail = true;
    const view = await monitor.pollOnce();
    expect(view.error).toBe('netstat: command not found');
    expect(view.connections).toHaveLength(1);
  });

  it('polls on its interval and stops when asked', async () => {
    const db = openDatabase(':memory:');
    let polls = 0;
    const monitor = createSocketMonitor(db, { poll: async () => (polls++, [edge('ESTABLISHED')]) }, () => options);
    const views: number[] = [];
    const stop = monitor.start(
      () => 10,
      (v) => views.push(v.connections.length),
    );
    await new Promise((r) => setTimeout(r, 80));
    stop();
    const after = polls;
    await new Promise((r) => setTimeout(r, 40));
    expect(polls).toBe(after);
    expect(views.length).toBeGreaterThanOrEqual(3);
    expect(views.every((n) => n === 1)).toBe(true);
  });
});

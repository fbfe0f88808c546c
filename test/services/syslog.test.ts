import { createSocket } from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open';
import { getImport } from '../../main/db/repos/imports';
import { createSyslogReceiver, type SyslogBatch, type SyslogReceiver } from '../../main/services/syslog';

// RFC 3164 §5.4 shape around a real UFW line; RFC 5424 §6.5 shape around a real pfSense filterlog line.
const BSD =
  '<4>Nov 21 09:14:03 gateway kernel: [UFW BLOCK] IN=eth0 OUT= MAC=00:11:22:33:44:55:66:77:88:99:aa:bb:08:00 SRC=23.45.67.89 DST=192.168.1.10 LEN=40 TOS=0x00 PREC=0x00 TTL=52 ID=0 DF PROTO=TCP SPT=443 DPT=51234 WINDOW=0 RES=0x00 ACK RST URGP=0';
const IETF =
  '<134>1 2026-11-21T09:15:00.123+09:00 pfsense.home filterlog 72237 - - 146,,,1535324496,igb1.12,match,block,in,4,0x0,,63,12617,0,DF,6,tcp,60,10.170.12.50,1.1.1.1,49724,853,0,S,1891286705,,64240,,mss;sackOK;TS;nop;wscale';

let receiver: SyslogReceiver | null = null;
afterEach(async () => {
  await receiver?.stop();
  receiver = null;
});

function send(port: number, messages: string[]): Promise<void> {
  const s = createSocket('udp4');
  return new Promise((resolve) => {
    let left = messages.length;
    for (const m of messages)
      s.send(Buffer.from(m), port, '127.0.0.1', () => {
        if (--left === 0) {
          s.close();
          resolve();
        }
      });
  });
}

describe('live syslog receiver (UDP on 127.0.0.1)', () => {
  it('stores RFC 3164 and RFC 5424 messages as they arrive, into one standing import', async () => {
    const db = openDatabase(':memory:');
    const batches: SyslogBatch[] = [];
    receiver = createSyslogReceiver({
      db,
      now: Date.now,
      zone: () => 'Asia/Tokyo',
      onBatch: (b) => batches.push(b),
      flushMs: 20,
    });
    const status = await receiver.start(0, '127.0.0.1');
    expect(status.running).toBe(true);
    const port = status.port as number;
    await send(port, [BSD, IETF, '<13>Nov 21 09:16:00 gateway ntpd[1]: time synchronised']);
    for (let i = 0; i < 100 && (batches.at(-1)?.received ?? 0) < 3; i++) await new Promise((r) => setTimeout(r, 20));
    expect(batches.at(-1)).toMatchObject({ received: 3, parsed: 2 });
    const events = db.prepare('SELECT * FROM events ORDER BY line').all() as Record<string, unknown>[];
    expect(events.map((e) => [e['format'], e['src'], e['dport'], e['ts_text']])).toEqual([
      ['netfilter', '23.45.67.89', 51234, expect.stringMatching(/^\d{4}-11-21T09:14:03\+09:00$/)],
      ['pfsense', '10.170.12.50', 853, '2026-11-21T09:15:00.123+09:00'],
    ]);
    expect(events[0]?.['zone']).toBe('Asia/Tokyo');
    const stopped = await receiver.stop();
    expect(stopped.running).toBe(false);
    const row = getImport(db, status.importId as number);
    expect(row).toMatchObject({ source: 'syslog', status: 'done', lines_parsed: 2 });
    db.close();
  });

  it('dates a message without any timestamp by its arrival', async () => {
    const db = openDatabase(':memory:');
    const at = Date.UTC(2026, 10, 21, 0, 0, 5, 250);
    receiver = createSyslogReceiver({ db, now: () => at, zone: () => 'UTC', onBatch: () => undefined, flushMs: 10 });
    const { port } = await receiver.start(0, '127.0.0.1');
    await send(port as number, [
      '<4>kernel: [UFW BLOCK] IN=eth0 OUT= SRC=23.45.67.89 DST=192.168.1.10 LEN=40 PROTO=TCP SPT=443 DPT=51234 ACK RST URGP=0',
    ]);
    for (let i = 0; i < 100 && receiver.status().parsed < 1; i++) await new Promise((r) => setTimeout(r, 20));
    await receiver.stop();
    const e = db.prepare('SELECT ts_utc FROM events').get() as { ts_utc: number } | undefined;
    expect(e?.ts_utc).toBe(at);
    db.close();
  });

  it('reports a port in use instead of failing silently', async () => {
    const db = openDatabase(':memory:');
    const blocker = createSocket('udp4');
    await new Promise<void>((r) => blocker.bind(0, '127.0.0.1', () => r()));
    receiver = createSyslogReceiver({ db, now: Date.now, zone: () => 'UTC', onBatch: () => undefined });
    const status = await receiver.start(blocker.address().port, '127.0.0.1');
    expect(status).toMatchObject({ running: false, error: 'port-in-use' });
    blocker.close();
    db.close();
  });
});

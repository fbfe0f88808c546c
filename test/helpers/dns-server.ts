/**
 * A tiny authoritative DNS server on 127.0.0.1 for tests (RFC 1035 §4 message format, hand-encoded): answers PTR,
 * A and AAAA from a table, NXDOMAIN for unknown names, SERVFAIL or silence on request, and counts every query.
 */
import { createSocket, type Socket } from 'node:dgram';
import { parseAddress, reverseDnsName } from '../../main/core/intel/address';

export interface DnsRecords {
  PTR?: string[];
  A?: string[];
  AAAA?: string[];
}

export interface TestDnsServer {
  /** "127.0.0.1:PORT", for Resolver.setServers. */
  address: string;
  port: number;
  queries: { name: string; type: string }[];
  close(): Promise<void>;
}

const TYPES: Record<number, keyof DnsRecords> = { 12: 'PTR', 1: 'A', 28: 'AAAA' };

export function reverseName(ip: string): string {
  const name = reverseDnsName(ip);
  if (!name) throw new Error(`bad ip ${ip}`);
  return name;
}

function encodeName(name: string): Buffer {
  const parts = name.replace(/\.$/, '').split('.').filter(Boolean);
  return Buffer.concat([
    ...parts.map((p) => Buffer.concat([Buffer.from([p.length]), Buffer.from(p, 'ascii')])),
    Buffer.from([0]),
  ]);
}

function readQuestion(msg: Buffer): { name: string; type: number; end: number } | null {
  let at = 12;
  const labels: string[] = [];
  while (at < msg.length) {
    const len = msg[at] ?? 0;
    if (len === 0) {
      at++;
      break;
    }
    labels.push(msg.subarray(at + 1, at + 1 + len).toString('ascii'));
    at += 1 + len;
  }
  if (at + 4 > msg.length) return null;
  return { name: labels.join('.').toLowerCase(), type: msg.readUInt16BE(at), end: at + 4 };
}

function rdata(type: keyof DnsRecords, value: string): Buffer {
  if (type === 'PTR') return encodeName(value);
  const a = parseAddress(value);
  if (!a) throw new Error(`bad address ${value}`);
  const width = type === 'A' ? 4 : 16;
  const out = Buffer.alloc(width);
  let v = a.value;
  for (let i = width - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

export async function startDnsServer(
  zone: Record<string, DnsRecords>,
  behaviour: { servfail?: string[]; silent?: string[] } = {},
): Promise<TestDnsServer> {
  const table = new Map(Object.entries(zone).map(([k, v]) => [k.toLowerCase(), v]));
  const queries: TestDnsServer['queries'] = [];
  const socket: Socket = createSocket('udp4');
  socket.on('message', (msg, rinfo) => {
    const q = readQuestion(msg);
    if (!q) return;
    const typeName = TYPES[q.type];
    queries.push({ name: q.name, type: typeName ?? String(q.type) });
    if (behaviour.silent?.includes(q.name)) return;
    const records = table.get(q.name);
    const values = records && typeName ? (records[typeName] ?? []) : [];
    const rcode = behaviour.servfail?.includes(q.name) ? 2 : records ? 0 : 3;
    const header = Buffer.alloc(12);
    header.writeUInt16BE(msg.readUInt16BE(0), 0);
    // QR=1, opcode 0, AA=1, RD copied, RA=1, RCODE.
    header.writeUInt16BE(0x8400 | (msg.readUInt16BE(2) & 0x0100) | 0x0080 | rcode, 2);
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(rcode === 0 ? values.length : 0, 6);
    const answers =
      rcode === 0 && typeName
        ? values.map((v) => {
            const data = rdata(typeName, v);
            const rr = Buffer.alloc(12);
            rr.writeUInt16BE(0xc00c, 0); // pointer to the question's name
            rr.writeUInt16BE(q.type, 2);
            rr.writeUInt16BE(1, 4); // IN
            rr.writeUInt32BE(300, 6);
            rr.writeUInt16BE(data.length, 10);
            return Buffer.concat([rr, data]);
          })
        : [];
    socket.send(Buffer.concat([header, msg.subarray(12, q.end), ...answers]), rinfo.port, rinfo.address);
  });
  await new Promise<void>((done) => socket.bind(0, '127.0.0.1', done));
  const port = socket.address().port;
  return {
    address: `127.0.0.1:${port}`,
    port,
    queries,
    close: () => new Promise<void>((done) => socket.close(() => done())),
  };
}

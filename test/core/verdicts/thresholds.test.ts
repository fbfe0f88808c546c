import { describe, expect, it } from 'vitest';
import { netfilter } from '../../../main/core/parsers/netfilter';
import { toPacket } from '../../../main/core/verdicts/packets';
import { measureScan } from '../../../main/core/verdicts/world';
import { eventsOf, netfilterLine } from './helpers';

const syns = (ports: number[], gapSec = 1) =>
  eventsOf(
    netfilter,
    ports.map((dpt, i) => {
      const t = i * gapSec;
      const hh = String(Math.floor(t / 3600)).padStart(2, '0');
      const mm = String(Math.floor((t % 3600) / 60)).padStart(2, '0');
      const ss = String(t % 60).padStart(2, '0');
      return netfilterLine({ time: `Mar 12 ${hh}:${mm}:${ss}`, src: '198.51.100.9', proto: 'TCP', spt: 40000, dpt });
    }),
  ).map(toPacket);

describe('psad-grade scan thresholds', () => {
  it('seven service ports (weight 21) within an hour are a scan; six are not', () => {
    expect(measureScan(syns([21, 22, 23, 25, 80, 110, 143]))?.weight).toBe(21);
    expect(measureScan(syns([21, 22, 23, 25, 80, 110]))).toBeNull();
  });

  it('21 high ports are a scan; 20 are not', () => {
    const high = Array.from({ length: 21 }, (_, i) => 8000 + i);
    expect(measureScan(syns(high))).not.toBeNull();
    expect(measureScan(syns(high.slice(0, 20)))).toBeNull();
  });

  it('the same seven ports spread over seven hours never fill one window', () => {
    expect(measureScan(syns([21, 22, 23, 25, 80, 110, 143], 3_601))).toBeNull();
  });

  it('repeated knocks on one port weigh once', () => {
    expect(measureScan(syns(Array.from({ length: 100 }, () => 22)))).toBeNull();
  });

  it('late ACKs from port 443 to many ephemeral ports are not scan-shaped at all', () => {
    const acks = eventsOf(
      netfilter,
      Array.from({ length: 50 }, (_, i) =>
        netfilterLine({
          time: 'Mar 12 10:00:00',
          src: '23.215.0.137',
          proto: 'TCP',
          spt: 443,
          dpt: 50000 + i,
          flags: 'ACK',
        }),
      ),
    ).map(toPacket);
    expect(measureScan(acks)).toBeNull();
  });

  it('an ACK scan from a high port aimed at service ports counts', () => {
    const acks = eventsOf(
      netfilter,
      [21, 22, 23, 25, 80, 110, 143].map((dpt) =>
        netfilterLine({ time: 'Mar 12 10:00:00', src: '198.51.100.9', proto: 'TCP', spt: 51515, dpt, flags: 'ACK' }),
      ),
    ).map(toPacket);
    expect(measureScan(acks)?.ports).toHaveLength(7);
  });
});

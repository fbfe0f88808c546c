import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { netfilter } from '../../../main/core/parsers/netfilter';
import {
  parseDisplayDns,
  parseDnsCacheText,
  parseDnsmasq,
  parseResolvedDump,
  siteChains,
} from '../../../main/core/verdicts/dns-cache';
import { akamaiEdge, analyze, eventsOf, netfilterLine } from './helpers';

const fixture = (name: string): string => readFileSync(join(__dirname, '../../fixtures/dns', name), 'utf8');

describe('DNS cache: the site an address served', () => {
  it('reads ipconfig /displaydns records (CRLF, CNAME and A)', () => {
    const records = parseDisplayDns(fixture('displaydns-en.txt'));
    expect(records).toContainEqual({ name: 'ts-frontend.trafficmanager.net', type: 'A', data: '52.183.205.142' });
    expect(records).toContainEqual({ name: 'www.apple.com', type: 'CNAME', data: 'www.apple.com.edgekey.net' });
    expect(records).toHaveLength(7);
  });

  it('walks CNAME chains back to the name the PC asked for', () => {
    const sites = siteChains(parseDisplayDns(fixture('displaydns-en.txt')));
    expect(sites.get('23.215.0.137')).toEqual([
      ['www.apple.com', 'www.apple.com.edgekey.net', 'e6858.dsce9.akamaiedge.net', '23.215.0.137'],
    ]);
    expect(sites.get('52.183.205.142')?.[0]?.[0]).toBe('tsfe.trafficshaping.dsp.mp.microsoft.com');
  });

  it('links dnsmasq reply lines of one answer in order (serials keep interleaved answers apart)', () => {
    const sites = siteChains(parseDnsmasq(fixture('dnsmasq.log')));
    expect(sites.get('74.125.193.138')).toEqual([['tools.google.com', 'tools.l.google.com', '74.125.193.138']]);
    expect(sites.get('2a00:1450:400b:c03::65')).toEqual([
      ['tools.google.com', 'tools.l.google.com', '2a00:1450:400b:c03::65'],
    ]);
    expect(sites.get('203.0.113.9')).toEqual([['cdn.example.net', '203.0.113.9']]);
  });

  it('reads systemd-resolved cache dump lines', () => {
    const text = [
      'Oct 10 22:21:23 vps systemd-resolved[3255524]:         vortex.data.microsoft.com IN CNAME asimov.vortex.data.trafficmanager.net',
      'Oct 10 22:21:23 vps systemd-resolved[3255524]:         cloudflare.com IN AAAA 2606:4700::6810:85e5',
    ].join('\n');
    expect(parseResolvedDump(text)).toHaveLength(2);
    expect(parseDnsCacheText(text)[1]).toEqual({ name: 'cloudflare.com', type: 'AAAA', data: '2606:4700::6810:85e5' });
  });

  it("puts the chain into a verdict's evidence in both languages", () => {
    const line = netfilterLine({
      time: 'Mar 12 20:00:00',
      src: '23.215.0.137',
      proto: 'TCP',
      spt: 443,
      dpt: 50111,
      flags: 'ACK RST',
    });
    const r = analyze(eventsOf(netfilter, [line]), [akamaiEdge('23.215.0.137')], {
      dnsCache: parseDnsCacheText(fixture('displaydns-en.txt')),
    });
    const ev = r.hosts[0]?.verdict.evidence.find((e) => e.kind === 'dns-cache');
    expect(ev?.detail).toBe(
      "This PC's DNS cache: www.apple.com → www.apple.com.edgekey.net → e6858.dsce9.akamaiedge.net → 23.215.0.137",
    );
    expect(ev?.detailJa).toContain('このPCのDNSキャッシュ');
  });
});

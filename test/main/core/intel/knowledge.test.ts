import { describe, expect, it } from 'vitest';
import {
  isNetSessionProcess,
  knownAsn,
  matchHostname,
  matchOrgName,
  NETSESSION_PROCESSES,
} from '../../../../main/core/intel/knowledge';

describe('Akamai and other provider knowledge', () => {
  it.each([
    [20940, 'akamai', 'cdn-edge', true],
    [16625, 'akamai', 'cdn-edge', true],
    [12222, 'akamai', 'cdn-edge', false],
    [32787, 'akamai', 'ddos-scrubbing', true],
    [63949, 'akamai', 'cloud-customer', true],
    [36183, 'akamai', 'private-relay', true],
    [13335, 'cloudflare', 'cdn-edge', true],
    [54113, 'fastly', 'cdn-edge', true],
    [15169, 'google', 'cdn-edge', false],
    [396982, 'google', 'cloud-customer', true],
    [16509, 'amazon', 'cloud-customer', false],
    [8075, 'microsoft', 'cdn-edge', false],
    [714, 'apple', 'cdn-edge', true],
    [14061, 'digitalocean', 'hosting', true],
  ])('AS%i belongs to %s as %s (certain: %s)', (asn, owner, role, certain) => {
    expect(knownAsn(asn)).toMatchObject({ owner, role, certain });
  });

  it('does not know an ISP AS and marks CDN-list-only Akamai ASNs as owner-uncertain', () => {
    expect(knownAsn(2527)).toBeNull();
    expect(knownAsn(null)).toBeNull();
    expect(knownAsn(33047)?.ownerUncertain).toBe(true);
  });

  it.each([
    ['a110-232-152-33.deploy.static.akamaitechnologies.com', 'akamai', 'cdn-edge', true],
    ['A23-215-0-136.deploy.static.akamaitechnologies.com.', 'akamai', 'cdn-edge', true],
    ['a23-1-2-3.deploy.akamaitechnologies.com', 'akamai', 'cdn-edge', true],
    ['something.akamaitechnologies.com', 'akamai', 'cdn-edge', false],
    ['e6858.dsce9.akamaiedge.net', 'akamai', 'cdn-edge', true],
    ['a248.e.akamai.net', 'akamai', 'cdn-edge', true],
    ['www.apple.com.edgekey.net', 'akamai', 'cdn-edge', true],
    ['example.com.edgesuite.net', 'akamai', 'cdn-edge', true],
    ['foo.akamaized.net', 'akamai', 'cdn-edge', true],
    ['x.akamaihd.net', 'akamai', 'cdn-edge', true],
    ['x.akamaistream.net', 'akamai', 'cdn-edge', true],
    ['x.akamaitech.net', 'akamai', 'cdn-edge', true],
    ['www.example.com.akadns.net', 'akamai', 'dns', true],
    ['a1-64.akam.net', 'akamai', 'dns', true],
    ['x.srip.net', 'akamai', 'cdn-edge', false],
    ['li1234-56.members.linode.com', 'akamai', 'cloud-customer', true],
    ['45-33-32-156.ip.linodeusercontent.com', 'akamai', 'cloud-customer', true],
    ['one.one.one.one', 'cloudflare', 'dns', true],
    ['dns.google', 'google', 'dns', true],
    ['nrt12s02-in-f14.1e100.net', 'google', 'cdn-edge', true],
    ['server-13-224-1-1.nrt57.r.cloudfront.net', 'amazon', 'cdn-edge', true],
    ['ec2-3-112-1-1.ap-northeast-1.compute.amazonaws.com', 'amazon', 'cloud-customer', true],
    ['17-253-1-1.aaplimg.com', 'apple', 'cdn-edge', true],
  ])('%s → %s %s', (name, owner, role, certain) => {
    expect(matchHostname(name)).toMatchObject({ owner, role, certain });
  });

  it('does not match look-alike names', () => {
    expect(matchHostname('notakamai.net')).toBeNull();
    expect(matchHostname('akamaitechnologies.com.evil.example')).toBeNull();
    expect(matchHostname('scanme.nmap.org')).toBeNull();
    // An address-shaped name outside deploy.static still only counts as a generic Akamai-zone name.
    expect(matchHostname('b110-232-152-33.deploy.static.akamaitechnologies.com')?.certain).toBe(false);
  });

  it('reads registered names', () => {
    expect(matchOrgName('Akamai Technologies, Inc.')).toMatchObject({ owner: 'akamai', role: 'cdn-edge' });
    expect(matchOrgName('Linode, LLC')).toMatchObject({ owner: 'akamai', role: 'cloud-customer' });
    expect(matchOrgName('Prolexic Technologies')).toMatchObject({ owner: 'akamai', role: 'ddos-scrubbing' });
    expect(matchOrgName('Sony Network Communications Inc.')).toBeNull();
  });

  it('knows NetSession by process name or path, case-insensitively', () => {
    expect(NETSESSION_PROCESSES).toContain('netsession_win.exe');
    expect(NETSESSION_PROCESSES).toContain('netsession_mac');
    expect(isNetSessionProcess('C:\\Users\\taro\\AppData\\Local\\Akamai\\netsession_win.exe')).toBe(true);
    expect(isNetSessionProcess('NetSession_Win.exe')).toBe(true);
    expect(isNetSessionProcess('/Users/hana/Applications/Akamai/netsession_mac')).toBe(true);
    expect(isNetSessionProcess('chrome.exe')).toBe(false);
    expect(isNetSessionProcess(null)).toBe(false);
  });
});

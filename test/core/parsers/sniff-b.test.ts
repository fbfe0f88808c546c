import { describe, expect, it } from 'vitest';
import { FAMILIES, familyById } from '../../../main/core/parsers/registry';
import { fixtureLines } from './fixture';

// Fixture -> the family that must win detection for every line it turns into an event (firewalls, routers and
// pasted socket tables of issue 3's second half). Lines the family only recognises (headers, other daemons in the
// same syslog stream) are left to detection's per-file majority.
const OWNERS: Record<string, string> = {
  'logs/pfsense.log': 'pfsense',
  'logs/windows-firewall.log': 'windows-firewall',
  'logs/pf.log': 'pf',
  'logs/macos-alf.log': 'macos-alf',
  'logs/mikrotik.log': 'mikrotik',
  'logs/cisco-asa.log': 'cisco-asa',
  'logs/fortigate.log': 'fortigate',
  'logs/sonicwall.log': 'sonicwall',
  'logs/sophos-utm.log': 'sophos-utm',
  'logs/juniper-srx.log': 'juniper-srx',
  'logs/lancom.log': 'lancom',
  'logs/peplink.log': 'peplink',
  'sockets/windows-netstat-abno.txt': 'netstat-windows',
  'sockets/windows-netstat-ano.ja.txt': 'netstat-windows',
  'sockets/windows-netstat-nao.txt': 'netstat-windows',
  'sockets/netstat-tunap.linux.txt': 'netstat-linux',
  'sockets/netstat-natvu.linux.txt': 'netstat-linux',
  'sockets/ss-tunap-iface.linux.txt': 'ss',
};

describe('detection across every registered family', () => {
  for (const [file, owner] of Object.entries(OWNERS)) {
    it(`${file} -> ${owner}`, () => {
      const family = familyById(owner);
      if (!family) throw new Error(`${owner} is not registered`);
      const parser = family.open();
      let checked = 0;
      for (const line of fixtureLines(file)) {
        const isEvent = parser.parse(line).kind === 'event';
        const own = family.sniff(line);
        if (!isEvent) continue;
        checked++;
        expect(own, line).toBeGreaterThanOrEqual(0.5);
        for (const other of FAMILIES) {
          if (other.id !== owner) expect(other.sniff(line), `${other.id} vs ${owner}: ${line}`).toBeLessThan(own);
        }
      }
      expect(checked).toBeGreaterThan(0);
    });
  }

  it('recognises each table or log by its header line where it has one', () => {
    const headers: [string, string][] = [
      ['#Software: Microsoft Windows Firewall', 'windows-firewall'],
      ['Active Connections', 'netstat-windows'],
      ['  Proto  Local Address          Foreign Address        State           PID', 'netstat-windows'],
      ['Active Internet connections (servers and established)', 'netstat-linux'],
      ['Netid State     Recv-Q Send-Q Local Address:Port  Peer Address:Port Process', 'ss'],
    ];
    for (const [line, owner] of headers) {
      const best = [...FAMILIES].sort((a, b) => b.sniff(line) - a.sniff(line))[0];
      expect(best?.id, line).toBe(owner);
    }
  });
});

/**
 * Every number the verdict rules decide with, in one place, with the tool it was borrowed from.
 *
 * Scan detection follows psad (github.com/mrash/psad, psad.conf defaults) and scanlogd / ipt_psd (openwall
 * scanlogd params.h): psad's time window and minimum packet count, scanlogd's port weights. Only packets that
 * could start a conversation count ("scan-shaped"); a late ACK/RST/FIN from a web server's port 80/443 never
 * does — psad itself ignores ACK packets by default (IGNORE_CONNTRACK_BUG_PKTS Y) for the same reason.
 */
export const THRESHOLDS = {
  /** psad SCAN_TIMEOUT (3600 s): packets from one address further apart than this are separate episodes. */
  scanWindowMs: 3_600_000,
  /** psad DANGER_LEVEL1: fewer scan-shaped packets than this in the window are never a scan. */
  scanMinPackets: 5,
  /** scanlogd PORT_WEIGHT_PRIV: a target below 1024 (a service port) weighs 3 … */
  weightPrivilegedPort: 3,
  /** … scanlogd PORT_WEIGHT_HIGH: a high port weighs 1 (fewer false alarms from replies and P2P). */
  weightHighPort: 1,
  /**
   * scanlogd SCAN_WEIGHT_THRESHOLD = 7 × 3 = 21: seven service ports, or 21 high ports, or a mix, hit by one
   * address inside the window (distinct destination address + port pairs, so a sweep across hosts counts too).
   */
  scanWeight: 21,
  /**
   * psad PORT_RANGE_SCAN_THRESHOLD 1: flag combinations no real TCP stack sends (NULL, XMAS, SYN+FIN) make a
   * scan as soon as they reach two different ports.
   */
  stealthMinPorts: 2,
  /** Distinct peers (Akamai or residential) reaching one high port of this network over UDP: NetSession-like. */
  p2pMinPeers: 4,
  /** Ports at or above this are "high" (IANA: 0-1023 system ports). */
  highPort: 1024,
  /**
   * Ports from here up are the temporary ports devices pick for their own outgoing connections (IANA's dynamic
   * range starts at 49152; Linux, Android and many routers start at 32768), as the port stories (intel/ports) say.
   */
  ephemeralPort: 32_768,
} as const;

/** Web servers' ports: a packet FROM one of these is a server talking back (DOMAIN.md §4-5). */
export const WEB_PORTS: ReadonlySet<number> = new Set([80, 443]);

/**
 * UDP source ports whose packets are answers to something this network asked (DNS, NTP, QUIC, STUN):
 * they never count towards a scan.
 */
export const UDP_REPLY_PORTS: ReadonlySet<number> = new Set([53, 123, 443, 3478, 5353]);

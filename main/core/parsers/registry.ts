import type { LogFamily } from './family';
import { netfilter } from './netfilter';
import { netgear } from './netgear';
import { yamaha } from './yamaha';
import { zyxel } from './zyxel';
import { dlink } from './dlink';
import { connectionLine } from './connection-line';
import { aterm } from './aterm';
import { buffalo } from './buffalo';
import { pfsense } from './pfsense';
import { windowsFirewall } from './windows-firewall';
import { macosPf } from './macos-pf';
import { macosAlf } from './macos-alf';
import { mikrotik } from './mikrotik';
import { ciscoAsa } from './cisco-asa';
import { fortigate } from './fortigate';
import { sonicwall } from './sonicwall';
import { sophosUtm } from './sophos-utm';
import { juniperSrx } from './juniper-srx';
import { lancom } from './lancom';
import { peplink } from './peplink';
import { netstatWindows } from './sockets/netstat-windows';
import { netstatLinux } from './sockets/netstat-linux';
import { ss } from './sockets/ss';
import { generic } from './generic';

/**
 * Every log family NetWhy reads, most specific first: detection asks each family's sniff() and the generic
 * fallback comes last. Add a family by importing its file here.
 */
export const FAMILIES: readonly LogFamily[] = [
  netfilter,
  netgear,
  yamaha,
  zyxel,
  dlink,
  connectionLine,
  aterm,
  buffalo,
  pfsense,
  windowsFirewall,
  macosPf,
  macosAlf,
  mikrotik,
  ciscoAsa,
  fortigate,
  sonicwall,
  sophosUtm,
  juniperSrx,
  lancom,
  peplink,
  netstatWindows,
  netstatLinux,
  ss,
  // The fallback stays last: it claims any line with two address:port pairs and a verdict word.
  generic,
];

export function familyById(id: string): LogFamily | undefined {
  return FAMILIES.find((f) => f.id === id);
}

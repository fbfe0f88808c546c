import type { Endpoint } from '../endpoint';

/**
 * A dual-stack socket talking to an IPv4 peer shows it as ::ffff:a.b.c.d (RFC 4291 §2.5.5.2); the peer is the
 * IPv4 host, and that is the address attribution and reports must see.
 */
export function unmapV4(ep: Endpoint): Endpoint {
  const m = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ep.ip);
  return m ? { ip: m[1] ?? ep.ip, port: ep.port } : ep;
}

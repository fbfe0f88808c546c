import { splitColonEndpoint, type Endpoint } from './endpoint';

/** "a.b.c.d:port" or "[v6]:port" as free text prints them (no bare IPv6 with a port: that is ambiguous). */
export const ADDR_PORT = String.raw`(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9A-Fa-f:.%\w]+\]):\d{1,5}`;

export function endpointOf(text: string): Endpoint | null {
  return splitColonEndpoint(text);
}

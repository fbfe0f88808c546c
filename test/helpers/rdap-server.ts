/** An RDAP server on 127.0.0.1 for tests: serves RFC 9083 JSON per address path and counts requests. */
import { createServer, type Server } from 'node:http';

export interface TestRdapServer {
  base: string;
  requests: string[];
  close(): Promise<void>;
}

export interface RdapRoute {
  status?: number;
  body?: unknown;
  /** Raw text body (for malformed answers). */
  text?: string;
  delayMs?: number;
  headers?: Record<string, string>;
}

/** routes: path ("/ip/1.2.3.4", "/ipv4.json") -> answer; anything else 404. */
export async function startRdapServer(routes: Record<string, RdapRoute>): Promise<TestRdapServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    requests.push(path);
    const route = routes[path];
    const send = (): void => {
      if (!route) {
        res.writeHead(404, { 'content-type': 'application/rdap+json' }).end('{"errorCode":404,"title":"Not Found"}');
        return;
      }
      res.writeHead(route.status ?? 200, { 'content-type': 'application/rdap+json', ...route.headers });
      res.end(route.text ?? JSON.stringify(route.body ?? {}));
    };
    if (route?.delayMs) setTimeout(send, route.delayMs).unref();
    else send();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    base: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

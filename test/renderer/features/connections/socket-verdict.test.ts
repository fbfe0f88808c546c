import { describe, expect, it } from 'vitest';
import { socketBadge } from '../../../../renderer/src/features/connections/socket-verdict';

const open = { state: 'ESTABLISHED', stuck: false };

describe("a live socket's badge on the Connections screen", () => {
  it('calls a browser connection to an address the router log saw late replies from a CDN connection', () => {
    expect(socketBadge({ verdict: 'cdn-reply', severity: 'info' }, open)).toEqual({
      kind: 'socket',
      verdict: 'cdn-connection',
      severity: 'info',
    });
  });

  it("labels a router-log verdict it cannot turn into one about the socket as the log's", () => {
    expect(socketBadge({ verdict: 'scan', severity: 'warning' }, open)).toEqual({
      kind: 'address',
      verdict: 'scan',
      severity: 'warning',
      from: 'log',
    });
  });

  it('says "program not closing" only of a socket the program holds open', () => {
    const host = { verdict: 'stale-local', severity: 'notice' } as const;
    expect(socketBadge(host, { state: 'CLOSE_WAIT', stuck: false })).toMatchObject({
      kind: 'socket',
      verdict: 'stale-local',
    });
    expect(socketBadge(host, open)).toMatchObject({ kind: 'address', verdict: 'stale-local', from: 'address' });
    expect(socketBadge({ verdict: 'cdn-connection', severity: 'info' }, { state: 'CLOSE_WAIT', stuck: true })).toEqual({
      kind: 'socket',
      verdict: 'stale-local',
      severity: 'notice',
    });
  });

  it('keeps verdicts that describe connections as they are', () => {
    for (const verdict of ['cdn-connection', 'p2p-download', 'streaming', 'unknown'] as const)
      expect(socketBadge({ verdict, severity: 'info' }, open)).toEqual({ kind: 'socket', verdict, severity: 'info' });
  });
});

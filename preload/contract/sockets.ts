import { z } from 'zod';
import { invoke } from './define';

export const Connection = z.object({
  id: z.number().int(),
  protocol: z.enum(['tcp', 'udp']),
  family: z.union([z.literal(4), z.literal(6)]),
  localAddress: z.string(),
  localPort: z.number().int(),
  remoteAddress: z.string(),
  remotePort: z.number().int().nullable(),
  pid: z.number().int().nullable(),
  processName: z.string().nullable(),
  processPath: z.string().nullable(),
  state: z.string(),
  stateSince: z.number(),
  firstSeen: z.number(),
  lastSeen: z.number(),
  closedAt: z.number().nullable(),
  /** In CLOSE_WAIT longer than the user's threshold: the local program is not closing it. */
  stuck: z.boolean(),
});
export type Connection = z.infer<typeof Connection>;

export const ConnectionsView = z.object({
  at: z.number(),
  /** The poll failed: the message says why (the list shows the last good data). */
  error: z.string().nullable(),
  connections: z.array(Connection),
});
export type ConnectionsView = z.infer<typeof ConnectionsView>;

export const StateChange = z.object({ state: z.string(), at: z.number() });

export const socketsInvoke = {
  'sockets.current': invoke(z.undefined(), ConnectionsView),
  'sockets.history': invoke(
    z.object({ from: z.number(), to: z.number(), limit: z.number().int().min(1).max(10_000).default(1_000) }),
    z.array(Connection),
  ),
  'sockets.stateChanges': invoke(z.object({ id: z.number().int() }), z.array(StateChange)),
};

export const socketsEvents = {
  'sockets.changed': ConnectionsView,
};

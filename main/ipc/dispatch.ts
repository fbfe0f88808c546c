import { invokeContract, type InvokeChannel } from '../../preload/contract';
import type { Handlers } from './types';

export class IpcInputError extends Error {}

function isChannel(channel: string): channel is InvokeChannel {
  return Object.hasOwn(invokeContract, channel);
}

/**
 * Parses a renderer payload with the channel's zod schema, then calls its handler. Electron's ipc (main/ipc/
 * register.ts) and the real-browser test harness both go through here, so both see the same validation.
 */
export async function dispatch(handlers: Handlers, channel: string, payload: unknown): Promise<unknown> {
  if (!isChannel(channel)) throw new IpcInputError(`Unknown channel "${channel}"`);
  const parsed = invokeContract[channel].input.safeParse(payload);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ');
    throw new IpcInputError(`Invalid payload for ${channel}: ${where}`);
  }
  const handler = handlers[channel] as (input: unknown) => unknown;
  return handler(parsed.data);
}

// Names only (channels.ts): importing the contract's values here would put zod and every schema in the preload.
import { EVENT_CHANNEL_NAMES, INVOKE_CHANNEL_NAMES } from './channels';
import type { EventChannel, EventPayload, InvokeChannel, NetwhyApi } from './contract';

export type Invoke = (channel: InvokeChannel, input: unknown) => Promise<unknown>;
export type Subscribe = (event: EventChannel, listener: (payload: unknown) => void) => () => void;

/**
 * Builds the named-function api from the contract's channel list, over any transport: Electron ipc in the preload,
 * Playwright bindings in the real-browser tests.
 */
export function createApi(
  invoke: Invoke,
  subscribe: Subscribe,
  /** Electron's webUtils.getPathForFile; absent in a plain browser (the real-browser tests). */
  pathForFile?: (file: object) => string,
): NetwhyApi {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const channel of INVOKE_CHANNEL_NAMES) {
    const [ns, method] = channel.split('.') as [string, string];
    (api[ns] ??= {})[method] = (input?: unknown) => invoke(channel, input);
  }
  const on = <E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): (() => void) => {
    if (!(EVENT_CHANNEL_NAMES as readonly string[]).includes(event)) throw new Error(`Unknown event ${String(event)}`);
    return subscribe(event, listener as (payload: unknown) => void);
  };
  const pathFor = (file: object): string | null => {
    if (!pathForFile) return null;
    try {
      // '' for a File that did not come from disk (built in memory, pasted).
      return pathForFile(file) || null;
    } catch {
      return null;
    }
  };
  return Object.freeze({ ...api, on, pathForFile: pathFor }) as unknown as NetwhyApi;
}

// Runs inside the page before the app (Playwright init script): builds window.netwhy from the real contract, over
// Playwright bindings instead of Electron ipc. __netwhyInvoke is exposed by the harness; __netwhyEmit is called by
// the harness to push main-side events.
import { createApi } from '../../../preload/api';
import type { NetwhyApi } from '../../../preload/contract';

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

declare global {
  interface Window {
    netwhy: NetwhyApi;
    __netwhyInvoke(channel: string, payload: unknown): Promise<unknown>;
    __netwhyEmit(event: string, payload: unknown): void;
  }
}

window.__netwhyEmit = (event, payload) => {
  for (const l of listeners.get(event) ?? []) l(payload);
};

const api = createApi(
  (channel, input) => window.__netwhyInvoke(channel, input === undefined ? null : input).then((r) => r),
  (event, listener) => {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  },
);
Object.defineProperty(window, 'netwhy', { value: api, writable: false });

import { beforeAll, describe, expect, it } from 'vitest';
import type { RangeResult } from '../../../../preload/contract/timeline';
import type * as Prefetch from '../../../../renderer/src/features/timeline/prefetch';

// prefetch.ts reads window.netwhy when loaded: a stand-in that records listeners so a test can emit events.
const listeners = new Map<string, Set<() => void>>();
const emit = (event: string): void => listeners.get(event)?.forEach((l) => l());

let prefetch: typeof Prefetch;

beforeAll(async () => {
  const netwhy = {
    on(event: string, listener: () => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
  (globalThis as unknown as { window: unknown }).window = { netwhy };
  prefetch = await import('../../../../renderer/src/features/timeline/prefetch');
});

const empty: RangeResult = { from: null, to: null, events: 0, live: 0, hostsStale: false, first: null };
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

describe('the start-up answer handed to the Timeline', () => {
  it('is used while nothing has changed since start-up', async () => {
    prefetch.prefetchTimeline(Promise.resolve(empty));
    await settle();
    expect(prefetch.takePrefetched.rangeNow()).toEqual(empty);
  });

  it('is dropped once an import (or anything new) reached the timeline before the screen opened', async () => {
    // Empty database at start-up; the user imports on the Imports screen, then opens the Timeline.
    prefetch.prefetchTimeline(Promise.resolve(empty));
    await settle();
    emit('timeline.live');
    // The screen must ask main again instead of showing "Nothing on the timeline yet".
    expect(prefetch.takePrefetched.rangeNow()).toBeNull();
    expect(prefetch.takePrefetched.range()).toBeNull();
  });

  it('is dropped when hosts were re-judged, even if the change came before the answer', async () => {
    let answer: (r: RangeResult) => void = () => undefined;
    prefetch.prefetchTimeline(new Promise<RangeResult>((r) => (answer = r)));
    emit('hosts.changed');
    answer(empty);
    await settle();
    expect(prefetch.takePrefetched.rangeNow()).toBeNull();
    expect(prefetch.takePrefetched.range()).toBeNull();
  });

  it('stops listening once the screen has taken it', async () => {
    prefetch.prefetchTimeline(Promise.resolve(empty));
    await settle();
    prefetch.takePrefetched.rangeNow();
    expect([...listeners.values()].every((s) => s.size === 0)).toBe(true);
  });
});

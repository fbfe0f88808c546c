import type { AppContext } from '../app-context';
import type { HandlersFor } from './types';

/** Timeline screen: buckets for the visible window, the events of a bucket, the overall range, filter options. */
export function timelineHandlers(ctx: AppContext): HandlersFor<'timeline'> {
  return {
    'timeline.range': (q) => ctx.timeline.range(q?.first),
    'timeline.buckets': (q) => ctx.timeline.buckets(q),
    'timeline.events': (q) => ctx.timeline.events(q),
    'timeline.options': () => ctx.timeline.options(),
  };
}

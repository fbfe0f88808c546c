import { readSettings, updateSettings } from '../services/settings';
import type { AppContext } from '../app-context';
import type { RangeResult } from '../../preload/contract/timeline';
import type { Handlers } from './types';

export function appHandlers(
  ctx: AppContext,
): Pick<Handlers, 'app.start' | 'app.info' | 'settings.get' | 'settings.update'> {
  return {
    'app.start': (q) => ({
      settings: readSettings(ctx.db),
      info: ctx.info,
      timeline: startRange(ctx, q?.timelineFirst),
    }),
    'app.info': () => ctx.info,
    'settings.get': () => readSettings(ctx.db),
    'settings.update': (patch) => {
      const settings = updateSettings(ctx.db, patch);
      ctx.emit('settings.changed', settings);
      return settings;
    },
  };
}

/**
 * The timeline's range with its first picture. The picture only saves the screen a round trip: if building it
 * fails, the range alone is sent and the screen asks for its buckets itself (showing any error there).
 */
function startRange(ctx: AppContext, first: Parameters<AppContext['timeline']['range']>[0]): RangeResult {
  if (!first) return ctx.timeline.range();
  try {
    return ctx.timeline.range(first);
  } catch {
    return ctx.timeline.range();
  }
}

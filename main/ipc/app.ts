import { readSettings, updateSettings } from '../services/settings';
import type { AppContext } from '../app-context';
import type { Handlers } from './types';

export function appHandlers(
  ctx: AppContext,
): Pick<Handlers, 'app.start' | 'app.info' | 'settings.get' | 'settings.update'> {
  return {
    'app.start': (q) => ({
      settings: readSettings(ctx.db),
      info: ctx.info,
      timeline: ctx.timeline.range(q?.timelineFirst),
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

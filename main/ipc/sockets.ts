import { listConnectionHistory, listStateChanges } from '../db/repos/connections';
import { readSettings } from '../services/settings';
import { toConnectionDto } from '../services/sockets';
import type { AppContext } from '../app-context';
import type { HandlersFor } from './types';

export function socketsHandlers(ctx: AppContext): HandlersFor<'sockets'> {
  return {
    'sockets.current': () => ctx.sockets.current(),
    'sockets.history': ({ from, to, limit }) => {
      const at = ctx.now();
      const options = readSettings(ctx.db);
      return listConnectionHistory(ctx.db, { from, to, limit }).map((r) => toConnectionDto(r, at, options));
    },
    'sockets.stateChanges': ({ id }) => listStateChanges(ctx.db, { connectionId: id }),
  };
}

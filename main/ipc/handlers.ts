import type { AppContext } from '../app-context';
import { appHandlers } from './app';
import { ipdbHandlers } from './ipdb';
import { hostsHandlers } from './hosts';
import { importsHandlers } from './imports';
import { intelHandlers } from './intel';
import { reportsHandlers } from './reports';
import { socketsHandlers } from './sockets';
import { timelineHandlers } from './timeline';
import type { Handlers } from './types';

/** The one handler table: Electron's ipcMain and the real-browser harness register exactly this. */
export function createHandlers(ctx: AppContext): Handlers {
  return {
    ...appHandlers(ctx),
    ...ipdbHandlers(ctx),
    ...hostsHandlers(ctx),
    ...importsHandlers(ctx),
    ...intelHandlers(ctx),
    ...socketsHandlers(ctx),
    ...reportsHandlers(ctx),
    ...timelineHandlers(ctx),
  };
}

import { FAMILIES } from '../core/parsers/registry';
import { readSettings, updateSettings } from '../services/settings';
import { toImportSummary } from '../services/import-services';
import type { AppContext } from '../app-context';
import type { HandlersFor } from './types';

/** Options from the screen, with the zone defaulting to the one in Settings ('' there = this PC's). */
function withZone<T extends { tz?: string | undefined }>(ctx: AppContext, o: T): T {
  if (o.tz) return o;
  const zone = readSettings(ctx.db).importZone;
  return zone ? { ...o, tz: zone } : o;
}

export function importsHandlers(ctx: AppContext): HandlersFor<'imports' | 'syslog'> {
  return {
    'imports.formats': () => FAMILIES.map((f) => ({ id: f.id, name: f.name, example: f.example })),
    'imports.detect': (input) =>
      'path' in input
        ? ctx.imports.detect({ path: input.path })
        : ctx.imports.detect({ name: input.name, data: Buffer.from(input.dataBase64, 'base64') }),
    'imports.start': ({ path, ...o }) => ({ jobId: ctx.imports.startFile(path, withZone(ctx, o)) }),
    'imports.startBytes': ({ name, dataBase64, source, ...o }) => ({
      jobId: ctx.imports.startBytes(name, Buffer.from(dataBase64, 'base64'), source, withZone(ctx, o)),
    }),
    'imports.cancel': ({ jobId }) => ctx.imports.cancel(jobId),
    'imports.list': () => ctx.imports.list().map(toImportSummary),
    'imports.skipped': ({ importId, offset, limit }) => ctx.imports.skipped(importId, offset, limit),
    'imports.remove': ({ importId }) => ctx.imports.remove(importId),
    'syslog.start': async (input) => {
      const port = input?.port ?? readSettings(ctx.db).syslogPort;
      const status = await ctx.syslog.start(port);
      // Remembered, so the receiver starts again with the app.
      if (status.running)
        ctx.emit('settings.changed', updateSettings(ctx.db, { syslogEnabled: true, syslogPort: port }));
      return status;
    },
    'syslog.stop': async () => {
      const status = await ctx.syslog.stop();
      ctx.emit('settings.changed', updateSettings(ctx.db, { syslogEnabled: false }));
      return status;
    },
    'syslog.status': () => ctx.syslog.status(),
  };
}

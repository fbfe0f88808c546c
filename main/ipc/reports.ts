import { writeFile } from 'node:fs/promises';
import type { AppContext } from '../app-context';
import type { HandlersFor } from './types';

const FILTER_NAMES = { txt: 'Text', csv: 'CSV', json: 'X-ARF JSON', eml: 'E-mail message' } as const;

export function reportsHandlers(ctx: AppContext): HandlersFor<'reports'> {
  const { reports, desktop } = ctx;
  return {
    'reports.create': ({ selection, edits }) => reports.create(selection, edits ?? {}),
    'reports.open': ({ id }) => reports.open(id),
    'reports.update': ({ id, edits }) => reports.update(id, edits),
    'reports.list': (input) => reports.list(input?.limit ?? 200),
    'reports.delete': ({ id }) => ({ ok: reports.remove(id) }),
    'reports.save': async ({ id, format }) => {
      const file = await reports.file(id, format);
      const name = FILTER_NAMES[file.extension as keyof typeof FILTER_NAMES] ?? file.extension;
      const path = await desktop.chooseSavePath(file.name, { name, extensions: [file.extension] });
      if (!path) return { path: null };
      await writeFile(path, file.content);
      return { path };
    },
    'reports.copy': ({ id, format }) => {
      const view = reports.open(id);
      desktop.writeClipboard(view[format]);
      return { ok: true };
    },
    'reports.mail': async ({ id }) => {
      const view = reports.open(id);
      if (view.mailto.url) {
        await desktop.openExternal(view.mailto.url);
        return { via: 'mailto', path: null };
      }
      // Too long for a mailto: link: save the .eml (a draft, X-Unsent) and open it in the mail program.
      const file = await reports.file(id, 'eml');
      const path = await desktop.chooseSavePath(file.name, { name: FILTER_NAMES.eml, extensions: ['eml'] });
      if (!path) return { via: 'cancelled', path: null };
      await writeFile(path, file.content);
      await desktop.openPath(path);
      return { via: 'eml', path };
    },
  };
}

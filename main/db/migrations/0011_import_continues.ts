import type { Migration } from './types';

/**
 * A log that grew since it was imported (a live log, copied again later) is imported as a continuation: a new
 * import that stores only the lines after those of the earlier import whose bytes it starts with, instead of
 * storing every earlier line a second time (main/services/import.ts).
 * - continues_import: that earlier import; NULL once the user removes it (this import keeps its own lines).
 * - lines_before: the file's lines that import held (its lines_total then). This import's own lines are
 *   lines_before + 1 .. lines_total; it stays on the row so the range is known after the other import is removed.
 */
export const migration: Migration = {
  version: 11,
  name: 'import_continues',
  sql: `
    ALTER TABLE imports ADD COLUMN continues_import INTEGER REFERENCES imports(id) ON DELETE SET NULL;
    ALTER TABLE imports ADD COLUMN lines_before INTEGER NOT NULL DEFAULT 0;
  `,
};

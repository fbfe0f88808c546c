import type { Migration } from './types';

/**
 * Why a failed import stopped, as a code (core/model/import-errors.ts) beside the English `error` text, so the
 * Imports screen can say it in the user's language. Older failed rows keep only their text.
 */
export const migration: Migration = {
  version: 10,
  name: 'import_error_code',
  sql: `ALTER TABLE imports ADD COLUMN error_code TEXT;`,
};

/**
 * Why a log cannot be read (a LogFileError's code). Each has a sentence in English and Japanese in the Imports
 * screen (renderer/src/features/imports/locales: fileError.<code>), so the user reads it in their language.
 */
export const LOG_FILE_ERROR_CODES = [
  'not-found',
  'not-a-file',
  'unreadable',
  'empty',
  'binary',
  'no-format',
  'bad-gzip',
] as const;
export type LogFileErrorCode = (typeof LOG_FILE_ERROR_CODES)[number];

/**
 * Why an import stopped: the file's own problems above, the same file being imported already ('in-progress'), or
 * the thread reading it stopping ('reader-stopped': run again to continue).
 */
export const IMPORT_ERROR_CODES = [...LOG_FILE_ERROR_CODES, 'in-progress', 'reader-stopped'] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

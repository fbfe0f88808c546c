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

/** The code of an error or stored value when it is one of the above (an error's `code` field), else null. */
export function importErrorCode(value: unknown): ImportErrorCode | null {
  const code = typeof value === 'object' && value !== null && 'code' in value ? value.code : value;
  return (IMPORT_ERROR_CODES as readonly unknown[]).includes(code) ? (code as ImportErrorCode) : null;
}

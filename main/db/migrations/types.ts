/**
 * Migrations are TypeScript modules holding SQL text, not .sql files, so that every runtime that opens the
 * database (the Electron bundle, the CLI, vitest, tsx benchmarks) loads them without a bundler-specific loader.
 */
export interface Migration {
  /** Becomes PRAGMA user_version once applied; strictly increasing from 1. */
  version: number;
  name: string;
  sql: string;
}

import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Import boundaries (shared/STYLE.md): imports point down. Each folder lists what it must never import.
const NODE_BUILTINS = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  '/net', // anchored: a bare 'net' would also match main/core/net/ (gitignore-style patterns)
  'dgram',
  'dns',
  'dns/*',
  'http',
  'https',
  'zlib',
  'stream',
  'stream/*',
  'crypto',
  'url',
  'util',
  'worker_threads',
  'readline',
  'events',
  'buffer',
  'tls',
];
const RUNTIME_LIBS = [
  'electron',
  'better-sqlite3',
  'systeminformation',
  'nodemailer',
  'iconv-lite',
  'undici',
  'node-fetch',
];

const forbid = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.native/**', 'resources/**', 'test-results/**', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['main/core/**/*.ts'],
    rules: forbid(
      [
        ...NODE_BUILTINS,
        ...RUNTIME_LIBS,
        '**/db/**',
        '**/adapters/**',
        '**/services/**',
        '**/ipc/**',
        '**/preload/**',
        '**/renderer/**',
      ],
      'main/core is the pure domain: no Node, Electron, SQLite or network modules, and nothing from outer layers.',
    ),
  },
  {
    files: [
      'main/services/**/*.ts',
      'main/adapters/**/*.ts',
      'main/db/**/*.ts',
      'main/cli/**/*.ts',
      'main/app-context.ts',
    ],
    rules: forbid(
      ['electron', '**/ipc/**', '**/renderer/**'],
      "Only main/index.ts, window.ts, security.ts and main/ipc may import 'electron'.",
    ),
  },
  {
    files: ['preload/contract.ts', 'preload/contract/**/*.ts', 'preload/api.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...NODE_BUILTINS, ...RUNTIME_LIBS, '**/renderer/**'],
              message: 'The contract is shared by both ends: zod, types and the pure domain model only.',
            },
            {
              regex: '(^|/)main/(?!core/model/)',
              message: 'The contract may use the pure domain model (main/core/model) and nothing else of main.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...forbid(
        [
          ...NODE_BUILTINS,
          ...RUNTIME_LIBS,
          '**/main/db/**',
          '**/main/services/**',
          '**/main/adapters/**',
          '**/main/ipc/**',
        ],
        'The renderer runs sandboxed: no Node modules; talk to main through window.netwhy (src/api.ts).',
      ),
    },
  },
);

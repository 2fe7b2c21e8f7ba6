import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'test-results/', 'playwright-report/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The isomorphic layer must stay free of server and browser code.
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**', '**/web/**', 'node:*', 'fastify*', 'kysely', 'pg', 'better-sqlite3', 'react*'], message: 'src/shared is isomorphic: no server, web or Node imports.' }] }],
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**', 'node:*', 'fastify*', 'kysely', 'pg', 'better-sqlite3'], message: 'The web app talks to the server over HTTP only.' }] }],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    ignores: ['src/server/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/web/**', 'react*'], message: 'The server does not import the web app.' },
            { group: ['../*/*.repo.js'], message: "A feature's SQL is its own: call the other feature's service instead of its repo." },
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/web/**', 'react*'], message: 'The server does not import the web app.' }] }],
    },
  },
  {
    // Test files share their fork's modules (vitest.config.ts: isolate false): a mocked module or a
    // stubbed global would leak into the next file.
    files: ['**/*.test.ts', 'test/support/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['mock', 'doMock', 'stubGlobal', 'stubEnv'].map((property) => ({ object: 'vi', property, message: 'Test files share modules (isolate: false): pass a dependency in instead.' })),
      ],
    },
  },
);

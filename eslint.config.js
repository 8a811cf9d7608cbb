// Lint rules that keep the layers of ../shared/design/architecture.md honest:
// a wrong import fails `npm run lint` (and so `npm test`), not a review.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'url', 'util', 'worker_threads'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', '.tsbuild/**', 'node_modules/**', '.bench/**', '.e2e-profiles/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // shared/zod.ts sets zod jitless before any schema parses (the CSP allows no eval).
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [{ name: 'zod', message: 'Import z from shared/zod.ts (jitless under the CSP).', allowTypeImports: true }],
      }],
    },
  },
  {
    files: ['shared/zod.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*'], message: 'shared/ is pure: no electron.' },
          { group: ['dexie', 'dexie-*'], message: 'shared/ is pure: only renderer/storage/ touches Dexie.' },
          { group: nodeBuiltins, message: 'shared/ is pure: no Node built-ins.' },
          { group: ['**/renderer/**', '**/electron/**', 'react', 'react-dom'], message: 'shared/ imports nothing from the app layers.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator', 'process', 'require', 'Buffer', '__dirname'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^electron(/|$)', message: 'The renderer reaches the main process only through window.kata (renderer/platform/electron.ts).' },
          { regex: '^(\\.\\./)+electron(/|$)', message: 'renderer/ and electron/ meet only through shared/ipc.ts.' },
          { group: nodeBuiltins, message: 'The renderer runs in a sandbox: no Node.' },
          { group: ['dexie', 'dexie-*'], message: 'Only renderer/storage/ touches Dexie: go through a repository.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/storage/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*', '**/electron/**'], message: 'storage runs in the renderer.' },
          { group: nodeBuiltins, message: 'The renderer runs in a sandbox: no Node.' },
        ],
      }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/renderer/**', 'react', 'react-dom', 'dexie'], message: 'electron/ and renderer/ meet only through shared/ipc.ts.' },
        ],
      }],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.{ts,tsx}', 'scripts/**/*.{js,mjs}', '*.config.{js,ts}', 'bin/**/*.cjs', '.dependency-cruiser.cjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

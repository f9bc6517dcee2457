// @ts-check
import tseslint from 'typescript-eslint';

/** Folders whose imports are fenced (CONVENTIONS.md "Layers you can see in the folder names"). */
const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'http', 'https', 'net', 'crypto', 'child_process', 'worker_threads'];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', '.tsbuild/**', '.tools/**', 'test/artifacts/**', 'scripts/**', 'bin/**', 'eslint.config.js'] },
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: false }],
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports (CONVENTIONS.md).' },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/src-main/**', '**/src-renderer/**', '**/src-preload/**'], message: 'shared/ imports nothing from src-*.' },
            { group: ['electron', 'react', 'react-dom', ...NODE_BUILTINS], message: 'shared/ is pure: no Node, DOM, React or Electron.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/src-main/**', '**/src-preload/**'], message: 'The renderer talks to the core only through the contract.' },
            { group: ['electron', ...NODE_BUILTINS], message: 'The renderer has no Node or Electron.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/src-main/**', '**/src-renderer/**'], message: 'The preload imports only shared/ contract pieces.' }] },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/src-renderer/**', '**/src-preload/**'], message: 'src-main/ may import shared/, never the renderer or preload.' }] },
      ],
    },
  },
  {
    files: ['electron.vite.config.ts', 'vitest.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);

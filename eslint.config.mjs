// ESLint for the project's own TypeScript and scripts (npm run lint; part of npm test).
// typescript-eslint's recommended rules, with the few adjustments below, each for a reason.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', '.cache/**', '.vscode-test/**', 'test-results/**', 'node_modules/**', 'server/src/engine/generated/**', 'server/src/node/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_`-prefixed names are deliberately unused (destructuring a key away, a callback's slot).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // require() is used on purpose where a module must load late or not at all (YAML only for
      // front matter, the code-cache loader, the bundles' import.meta shim).
      '@typescript-eslint/no-require-imports': 'off',
      // The linter looks for NUL and control characters in its input, and tests strip ANSI colours.
      'no-control-regex': 'off',
      // An empty catch is how a best-effort cleanup says "already gone".
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Escapes such as \- in a character class are harmless and read as intended: reported, not failing.
      'no-useless-escape': 'warn',
    },
  },
  {
    // Playwright runs these functions in the page.
    files: ['test/editor/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Unused names in files other work is changing right now: reported until they are removed.
    files: ['scripts/eval.ts', 'test/lsp/server.test.ts'],
    rules: { '@typescript-eslint/no-unused-vars': 'warn' },
  },
);

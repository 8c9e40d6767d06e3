import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import docusaurus from '@docusaurus/eslint-plugin';
import globals from 'globals';

// The browser bundle and the isomorphic modules may know the server's types (`hc<AppType>`, inferred
// answers), never its code: that would ship Node modules and secrets' handling to the browser.
const SERVER_CODE = {
  group: ['@site/server', '@site/server/**', '**/server', '**/server/**'],
  allowTypeImports: true,
  message: 'Browser and shared code import the server as types only (`import type`).',
};
// Public pages must not carry the staff tools (their code, their words) into the public bundle.
const STAFF_CODE = {
  group: [
    '@site/src/support',
    '@site/src/support/**',
    '@site/src/pages/support/**',
    '**/support',
    '**/support/**',
  ],
  message: 'Public UI never imports staff code (src/support, src/pages/support).',
};

export default tseslint.config(
  {
    ignores: [
      'build/',
      '.docusaurus/',
      'node_modules/',
      'data/',
      'test-results/',
      'playwright-report/',
      'coverage/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { '@docusaurus': docusaurus, 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@docusaurus/string-literal-i18n-messages': 'error',
      // Every piece of visible text in the UI goes through <Translate> or translate().
      '@docusaurus/no-untranslated-text': [
        'error',
        { ignoredStrings: ['·', '—', '–', '×', '#', '→', '←', '…', '/', ':', '(', ')', '+1', '•'] },
      ],
      '@docusaurus/no-html-links': 'error',
      '@docusaurus/prefer-docusaurus-heading': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    // Docusaurus plugins run in Node at build time (they read the server's settings), not in the
    // browser; so do tests and their fixtures.
    ignores: ['src/plugins/**', 'src/**/*.test.{ts,tsx}', 'src/**/test-model.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [SERVER_CODE] }] },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    // The support-links plugin feeds the staff link builder: it may read staff code.
    ignores: [
      'src/support/**',
      'src/pages/support/**',
      'src/plugins/**',
      'src/**/*.test.{ts,tsx}',
      'src/**/test-model.ts',
    ],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [SERVER_CODE, STAFF_CODE] }] },
  },
  {
    // Isomorphic: no Node or browser APIs, so nothing but its own modules and types.
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\./)',
              allowTypeImports: true,
              message: 'shared/ imports only shared/ modules (and types).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.test.{ts,tsx}', 'src/**/*.machine.ts'],
    rules: { '@docusaurus/no-untranslated-text': 'off' },
  },
);

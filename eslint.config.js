// Lint: typescript-eslint on every root, React hooks rules on the web, and the import boundaries of STYLE.md.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const boundary = (message, ...patterns) => ({ group: patterns, message });

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'coverage/', 'test-results/', 'scratch/', 'src/server/db/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            boundary('src/shared is isomorphic: it imports neither server nor web code.', '**/server/**', '**/web/**'),
            boundary('src/shared runs in the browser too: no Node built-ins.', 'node:*'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/web/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { patterns: [boundary('The web app never imports server code; share through src/shared.', '**/server/**', 'node:*')] },
      ],
      // The first-load budget (QUALITY P5, docs/decisions/014-front-end-size.md): these antd parts have light or
      // lazily loaded stand-ins in components/; the schemas bring Zod, so pages take only their types.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'antd',
              importNames: ['Table', 'Card', 'Typography', 'Tag', 'Result', 'Segmented', 'Spin', 'Upload', 'Modal', 'Progress', 'TreeSelect', 'App', 'message'],
              message:
                'Use the component of the same name in src/web/components/ (Table, Card, Typography, Tag, Result, Modal, Progress, TreeSelect, FilePicker for Upload, useMessage from feedback.js for App/message): antd\'s own would weigh on the first load (P5).',
            },
          ],
          patterns: [
            { group: ['antd/lib/*'], message: "antd's CommonJS build duplicates its ES build: import from 'antd' or 'antd/es/...'." },
            { group: ['**/shared/schemas/*'], allowTypeImports: true, message: 'Schemas bring Zod into the browser: import their types only, and values from shared/vocabulary.ts.' },
          ],
        },
      ],
    },
  },
  {
    // The one place antd's message machinery is mounted (loaded with the first message).
    files: ['src/web/components/MessageHolder.tsx'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    files: ['src/server/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [boundary('The server never imports web code; share through src/shared.', '**/web/**')] },
      ],
    },
  },
  {
    files: ['scripts/**/*.js', 'bin/**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

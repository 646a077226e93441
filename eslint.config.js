// Lint: typescript-eslint on every root, React hooks rules on the web, and the import boundaries of STYLE.md.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const boundary = (message, ...patterns) => ({ group: patterns, message });

// SQL is never built from strings (QUALITY R1): values go as parameters (drizzle's sql`` tag, pg's $1), identifiers
// through a quoting tag (src/server/db/sql-text.ts). These selectors catch the usual ways strings turn into SQL.
const DYNAMIC_TEMPLATE = "TemplateLiteral[expressions.length>0]";
const NO_SQL_FROM_STRINGS = [
  {
    selector: "CallExpression[callee.object.name='sql'][callee.property.name='raw']:not([arguments.0.type='Literal']):not([arguments.0.type='TemplateLiteral'][arguments.0.expressions.length=0])",
    message: 'sql.raw() with a computed argument builds SQL from a string: use sql`` with parameters or sql.identifier().',
  },
  {
    selector: `CallExpression[callee.property.name=/^(query|execute)$/] > ${DYNAMIC_TEMPLATE}.arguments:first-child`,
    message: 'A template string passed to query()/execute() builds SQL from a string: pass parameters ($1) or use the quoting tag sqlText``.',
  },
  {
    selector: "CallExpression[callee.property.name=/^(query|execute)$/] > BinaryExpression[operator='+'].arguments:first-child",
    message: 'A concatenated string passed to query()/execute() builds SQL from a string: pass parameters ($1) instead.',
  },
  {
    selector: `CallExpression[callee.property.name=/^(query|execute)$/] > ObjectExpression.arguments:first-child > Property[key.name='text'] > ${DYNAMIC_TEMPLATE}.value`,
    message: 'A template string as query text builds SQL from a string: pass parameters ($1) instead.',
  },
];

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
      'no-restricted-syntax': ['error', ...NO_SQL_FROM_STRINGS],
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

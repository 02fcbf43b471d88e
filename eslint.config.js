import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = {
  group: ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'crypto'],
  message: 'Node APIs are not allowed here.',
};
const electron = { group: ['electron', 'electron/*'], message: 'Only electron/ may import Electron.' };
const sqlite = { group: ['better-sqlite3'], message: 'Only src/core talks to SQLite.' };
const react = {
  group: ['react', 'react-dom', 'react-dom/*', 'recharts', '@dnd-kit/*', '@tanstack/*'],
  message: 'UI libraries belong in src/renderer.',
};
// `!@*/…` keeps scoped packages such as @dnd-kit/core allowed: only our own folders are layers.
const layer = (name) => ({
  group: [`**/${name}`, `**/${name}/**`, `!@*/${name}`],
  message: `Do not import src/${name} from here (see docs/architecture.md).`,
});

const corePatterns = [electron, react, layer('renderer'), layer('server'), layer('cli'), layer('electron')];
// src/core is one folder per business area (docs/architecture.md); inside one, a file's role is in its name: `*-handlers.ts`
// (one operation area's handlers), `*-service.ts` (rules over several tables), `*-repo.ts` (named SQL). A few files
// older than the naming keep their names and are listed here by role.
const serviceFiles = [
  'app/app-info',
  'app/sample-data',
  'connects/purchase-lots',
  'imports/export-to',
  'imports/import-jobs',
  'imports/output-file',
  'leads/stage-history',
  'reports/report-export',
  'money-input',
];
const repoFiles = ['db/paging', 'leads/search-matches', 'payments/payment-fees', 'subscriptions/plan-charges'];
const roleFiles = {
  handlers: ['src/core/**/*-handlers.ts'],
  services: ['src/core/**/*-service.ts', ...serviceFiles.map((f) => `src/core/${f}.ts`)],
  repos: ['src/core/**/*-repo.ts', ...repoFiles.map((f) => `src/core/${f}.ts`)],
};
// The same roles as import specifiers.
const roleImports = {
  handlers: ['**/*-handlers'],
  services: ['**/*-service', ...serviceFiles.map((f) => `**/${f.split('/').pop()}`)],
  repos: ['**/*-repo', ...repoFiles.map((f) => `**/${f.split('/').pop()}`)],
  csv: ['**/core/csv/**', '../csv/**', '../../csv/**'],
};
// Inside src/core: repositories are the data layer; csv may use them but never the services above it.
const notAbove = (role) => ({
  group: roleImports[role],
  message: `Do not import core ${role} from here: ${role} sit above this file (docs/architecture.md).`,
});
const sqliteValues = {
  group: ['better-sqlite3'],
  allowTypeImports: true,
  message:
    "Services and handlers take the Database type only; SQL goes in a repository function (an area's *-repo.ts).",
};
const statementCache = {
  group: ['**/db/statements'],
  message: 'Prepared statements belong in a repository (*-repo.ts).',
};
// Written before the role rules reached their folders; their SQL is to move into their repositories.
const sqlNotYetMoved = ['src/core/visibility/visibility-service.ts', 'src/core/backups/backup-service.ts'];
// The CLI is a host like the others: it reaches the core only through dispatch and the host openers
// (src/core/host-store.ts, src/core/host-files.ts). Its tests may look inside.
const coreFolders = (folders) => folders.flatMap((f) => [`**/core/${f}`, `**/core/${f}/**`]);
const coreInternals = {
  group: [
    ...roleImports.handlers,
    ...roleImports.services,
    ...roleImports.repos,
    ...coreFolders(['csv', 'rollups', 'db', 'backups']),
    '**/migrations',
    '**/migrations/**',
  ],
  message:
    'src/cli reaches the core only through dispatch (src/core/dispatch.ts) and the host openers (src/core/host-*.ts).',
};
const cliTests = ['src/cli/**/*.test.ts', 'src/cli/test-support/**'];
// The other hosts (browser-mode server, Electron main) too: operations through dispatch, files through host-files.
const hostInternals = {
  group: [
    ...roleImports.handlers,
    ...roleImports.services,
    ...roleImports.repos,
    ...coreFolders(['csv', 'rollups']),
    '**/migrations',
    '**/migrations/**',
  ],
  message:
    'A host reaches the core through dispatch and the host openers (src/core/host-*.ts), not its services, repositories or CSV code.',
};

/** The arrows of docs/architecture.md: a wrong import fails `npm test`. */
const boundaries = [
  {
    files: ['src/shared/**'],
    patterns: [
      nodeBuiltins,
      electron,
      sqlite,
      react,
      layer('core'),
      layer('renderer'),
      layer('server'),
      layer('cli'),
      layer('electron'),
    ],
  },
  { files: ['src/core/**'], patterns: corePatterns },
  {
    files: [...roleFiles.services, ...roleFiles.handlers],
    ignores: ['**/*.test.ts'],
    patterns: [...corePatterns, sqliteValues, statementCache],
  },
  {
    files: ['src/core/csv/**'],
    ignores: ['**/*.test.ts'],
    patterns: [...corePatterns, notAbove('services'), notAbove('handlers')],
  },
  {
    files: roleFiles.repos,
    ignores: ['**/*.test.ts'],
    patterns: [...corePatterns, notAbove('services'), notAbove('handlers'), notAbove('csv')],
  },
  {
    files: ['src/renderer/**'],
    patterns: [nodeBuiltins, electron, sqlite, layer('core'), layer('server'), layer('cli'), layer('electron')],
  },
  {
    files: ['src/server/**'],
    ignores: ['**/*.test.ts'],
    patterns: [electron, react, layer('renderer'), layer('cli'), layer('electron'), hostInternals],
  },
  {
    files: ['src/server/**/*.test.ts'],
    patterns: [electron, react, layer('renderer'), layer('cli'), layer('electron')],
  },
  {
    files: ['src/cli/**'],
    ignores: cliTests,
    patterns: [electron, react, layer('renderer'), layer('electron'), coreInternals],
  },
  { files: cliTests, patterns: [electron, react, layer('renderer'), layer('electron')] },
  {
    files: ['electron/preload/**'],
    patterns: [sqlite, react, layer('core'), layer('renderer'), layer('server'), layer('cli')],
  },
  { files: ['electron/main/**'], patterns: [react, layer('renderer'), layer('server'), layer('cli'), hostInternals] },
];

// SQL lives in the data layer (*-repo.ts, migrations, rollups, the CSV writer); services and handlers
// call named repository functions, so SQL text or a statement there fails the lint.
const sqlKeyword =
  '/^\\s*(SELECT|INSERT|UPDATE|DELETE|REPLACE|WITH|CREATE|DROP|ALTER|PRAGMA|VACUUM|BEGIN|COMMIT|ROLLBACK)\\s/';
const sqlMessage =
  "No SQL in services or handlers: add a named repository function (db, args) to the area's *-repo.ts.";
const noSql = [
  { selector: 'CallExpression[callee.property.name=/^(prepare|pragma)$/]', message: sqlMessage },
  { selector: "CallExpression[callee.property.name='exec'][callee.object.name=/^db$/]", message: sqlMessage },
  { selector: "CallExpression[callee.property.name='exec'][callee.object.property.name='db']", message: sqlMessage },
  { selector: `TemplateElement[value.raw=${sqlKeyword}]`, message: sqlMessage },
  { selector: `Literal[value=${sqlKeyword}]`, message: sqlMessage },
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.electron-native/**',
      '.bench/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    // File bytes move only through the FileTransfer extension (src/renderer/api/http-files.ts, electron/preload).
    files: ['src/renderer/**/*.ts', 'src/renderer/**/*.tsx'],
    ignores: ['src/renderer/api/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        {
          name: 'fetch',
          message: 'Call the API (src/renderer/api): operations, or the files extension for file bytes.',
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.tsx', 'src/renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  ...boundaries.map(({ files, ignores, patterns }) => ({
    files,
    ...(ignores ? { ignores } : {}),
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  })),
  {
    files: [...roleFiles.services, ...roleFiles.handlers],
    ignores: ['**/*.test.ts', ...sqlNotYetMoved],
    rules: { 'no-restricted-syntax': ['error', ...noSql] },
  },
  // Test support (test-support/, src/cli/test-support/) is for tests only and never built into the app.
  {
    files: ['src/**', 'electron/**'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', '**/test-support/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/test-support', '**/test-support/**'], message: 'Only tests import test support.' }],
        },
      ],
    },
  },
);

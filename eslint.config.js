import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The architecture, enforced: one dependency direction between the src/ folders.
//   domain ← contract ← commands ← (server | browser: local-db, sync, scan, pwa ← app)
//   domain ← print (barcode drawing, shared) ← (server | app)
// and in the app, a feature never reaches into another feature.
const browser = ['./src/app', './src/local-db', './src/sync', './src/scan', './src/pwa'];
const appFeatures = [
  'sign-in',
  'curbside',
  'alerts',
  'queue',
  'pick',
  'handover',
  'activity',
  'settings',
  'labels',
  'ship',
  'stock',
  'arrivals',
  'returns',
  'counter',
  'board',
  'manager',
];

const zones = [
  {
    target: './src/domain',
    from: ['./src/contract', './src/server', ...browser],
    message: 'domain is pure rules: it imports nothing of ours',
  },
  {
    target: './src/contract',
    from: ['./src/server', ...browser],
    message: 'contract may import only domain',
  },
  {
    target: './src/commands',
    from: ['./src/server', ...browser, './src/print'],
    message: 'a command is written once for both sides: it may import only domain and contract',
  },
  {
    // The parity tests run both sides of a command on purpose; nothing runs them.
    target: ['./src/domain', './src/contract', './src/commands', './src/server', ...browser, './src/print'],
    from: './src/parity',
    message: 'src/parity holds tests that cross the boundary; nothing imports them',
  },
  {
    target: './src/print',
    from: ['./src/contract', './src/server', ...browser],
    message: 'print draws barcodes for both sides: it may import only domain',
  },
  { target: './src/server', from: browser, message: 'the server never imports browser code' },
  ...browser.map((target) => ({
    target,
    from: './src/server',
    message: 'browser code never imports the server: share through domain or contract',
  })),
  ...['./src/local-db', './src/sync', './src/scan', './src/pwa'].map((target) => ({
    target,
    from: './src/app',
    message: 'shared browser modules must not depend on the app',
  })),
  ...appFeatures.map((feature) => ({
    target: `./src/app/${feature}`,
    from: appFeatures.filter((other) => other !== feature).map((other) => `./src/app/${other}`),
    message: 'a feature never reaches into another feature: move shared code to app/common, ui or shell',
  })),
  ...appFeatures.map((feature) => ({
    target: `./src/app/${feature}`,
    from: './src/app/shell',
    message: 'a feature never reaches into the shell: what features share lives in app/common',
  })),
  ...['./src/app/common', './src/app/ui', './src/app/i18n'].map((target) => ({
    target,
    from: appFeatures.map((feature) => `./src/app/${feature}`),
    message: 'shared app code must not depend on a feature',
  })),
];

// The server's folders: a platform every feature stands on, the features, and the composition
// that wires them (app.ts, main.ts, background jobs, the demo, test helpers). A feature never
// imports another feature; what two features share moves down into the platform.
const serverPlatform = [
  './src/server/rate-limit',
  './src/server/core',
  './src/server/db',
  './src/server/audit',
  './src/server/plugins',
  './src/server/pdf',
];
const serverFeatures = [
  'auth',
  'catalogue',
  'curbside',
  'health',
  'kiosk',
  'manager',
  'notifications',
  'orders',
  'passes',
  'returns',
  'shipping',
  'stock',
  'stores',
  'sync',
];
const serverComposition = [
  './src/server/jobs',
  './src/server/demo',
  './src/server/testing',
  './src/server/app.ts',
  './src/server/main.ts',
];
const serverZones = [
  ...serverFeatures.map((feature) => ({
    target: `./src/server/${feature}`,
    from: [
      ...serverFeatures.filter((other) => other !== feature).map((other) => `./src/server/${other}`),
      ...serverComposition,
    ],
    message:
      'a server feature never imports another feature or the composition: move what they share to src/server/core',
  })),
  ...serverPlatform.map((target) => ({
    target,
    from: [...serverFeatures.map((feature) => `./src/server/${feature}`), ...serverComposition],
    message: 'the server platform (core, db, audit, plugins, pdf) never imports a feature',
  })),
];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'data/',
      'test-results/',
      'playwright-report/',
      'src/server/db/migrations/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    settings: { 'import-x/resolver': { typescript: true, node: true } },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      'import-x/no-cycle': ['error', { maxDepth: 4 }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Tests may cross the server's folders (a feature's test seeds through the demo); code may not.
    files: ['src/server/**/*.ts'],
    ignores: ['src/server/**/*.test.ts', 'src/server/**/testing/**'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: [...zones, ...serverZones] }] },
  },
  {
    // IndexedDB is reached through src/local-db only, and the service worker through src/pwa only.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/local-db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'dexie', message: 'IndexedDB belongs to src/local-db: read and write through it' }],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/pwa/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='serviceWorker']",
          message: 'the service worker belongs to src/pwa: call through it',
        },
      ],
    },
  },
  {
    // Playwright fixtures call a function named `use`, which is not React's.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
);

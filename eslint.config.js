import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The architecture, enforced: one dependency direction between the src/ folders.
//   domain ← contract ← (server | browser: local-db, sync, scan, pwa ← app)
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
  ...['./src/app/common', './src/app/ui', './src/app/i18n'].map((target) => ({
    target,
    from: appFeatures.map((feature) => `./src/app/${feature}`),
    message: 'shared app code must not depend on a feature',
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
    // Playwright fixtures call a function named `use`, which is not React's.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
);

import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', '.builds/**', 'node_modules/**', '.data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'db/migrations/**'],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // process.env is read in one module only (lib/core/env.ts); scripts and configs are tooling.
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read env through lib/core/env.ts.' }],
    },
  },
  {
    files: ['lib/core/env.ts', 'scripts/**', '*.config.*', 'e2e/**', 'tests/**', 'lib/demo/seed.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
];

export default config;

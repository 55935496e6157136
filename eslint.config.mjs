// Lint rules that keep the architecture honest. Nx tags carry the dependency rules:
//   type:app  may import libraries only (never another app)
//   type:lib  may import libraries only (never an app)
// and inside every project, domain code never imports infrastructure adapters or clients.
import nx from '@nx/eslint-plugin';

export default [
  { ignores: ['**/dist', '**/node_modules', '.stack', '.nx', 'coverage', 'tmp', '**/*.js', '**/*.mjs'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          banTransitiveDependencies: false,
          allow: ['@procurelink/test-support'],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'read configuration once, in the app configuration schema, and pass it in',
        },
      ],
    },
  },
  {
    // Configuration entry points and tooling may read the environment.
    files: ['**/main.ts', '**/run-service.ts', 'tools/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', '**/*.spec.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Test helpers never reach production code.
    files: ['**/*.ts'],
    ignores: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@procurelink/test-support', message: 'test helpers are for spec files only' }] },
      ],
    },
  },
  {
    files: ['**/domain/**/*.ts', '**/*.decide.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@procurelink/test-support', message: 'test helpers are for spec files only' }],
          patterns: [
            {
              group: ['**/infra', '**/infra/**'],
              message: 'domain code never imports infrastructure adapters; depend on a port instead',
            },
            {
              group: ['kafkajs', 'ioredis', 'pg', '@kafkajs/*', '@nestjs/*'],
              message: 'domain code stays free of clients and frameworks; take what it needs as arguments',
            },
          ],
        },
      ],
    },
  },
];

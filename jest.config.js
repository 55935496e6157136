// Three tiers chosen by file suffix; each runs on its own: `jest --selectProjects unit|int|e2e`.
//   *.unit.spec.ts  pure logic, no I/O
//   *.int.spec.ts   a real Kafka broker, schema registry, Redis and PostgreSQL (npm run stack -- up)
//   *.e2e.spec.ts   across apps, on the same real stack
//   *.faults.spec.ts  the fault suite, on a stack of its own (npm run test:faults)
const { readFileSync } = require('node:fs');

const swc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.$schema;

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@procurelink/test-support$': '<rootDir>/test/index.ts',
    '^@procurelink/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.stack/'],
  modulePathIgnorePatterns: ['<rootDir>/.stack/', '<rootDir>/dist/', '<rootDir>/apps/.*/dist/', '<rootDir>/libs/.*/dist/'],
};

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/**/*.unit.spec.ts'] },
    {
      ...shared,
      displayName: 'int',
      testMatch: ['<rootDir>/**/*.int.spec.ts'],
      globalSetup: '<rootDir>/test/stack-ready.global-setup.ts',
      testTimeout: 60_000,
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/**/*.e2e.spec.ts'],
      globalSetup: '<rootDir>/test/stack-ready.global-setup.ts',
      testTimeout: 180_000,
    },
    {
      // The fault suite (npm run test:faults): its own stack, faults injected during a long stream.
      ...shared,
      displayName: 'faults',
      testMatch: ['<rootDir>/test/faults/**/*.faults.spec.ts'],
      globalSetup: '<rootDir>/test/stack-ready.global-setup.ts',
      testTimeout: 1_200_000,
    },
  ],
};

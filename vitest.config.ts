import { defineConfig } from 'vitest/config';
import { LongestFirst } from './test/support/longestFirst.js';

// graphql 16 ships ESM and CJS builds; Vite would pick the ESM one for our code while the
// Apollo packages require the CJS one, and two copies of graphql refuse each other's types.
const resolve = { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] };
const env = { APOLLO_TELEMETRY_DISABLED: '1' };
// A worker runs its files one after another in one module graph, so Apollo, graphql and the composed
// supergraph load once per worker rather than once per file (a third of the integration files' CPU
// time, two thirds of the unit layer's). fileIndependence.ts fails any file that leaves state behind
// for the next one.
const sharedModules = { isolate: false, setupFiles: ['test/support/fileIndependence.ts'] };

export default defineConfig({
  resolve,
  test: {
    // Integration files start real servers; two cores handle two files at a time well.
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        // Pure logic with injected fakes: no PostgreSQL, no servers, seconds in all
        // (`npm run test:unit`). A test belongs here when its file is named *.unit.test.ts.
        resolve,
        test: { name: 'unit', include: ['test/**/*.unit.test.ts'], ...sharedModules, env },
      },
      {
        resolve,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.unit.test.ts'],
          globalSetup: ['test/support/globalPostgres.ts'],
          ...sharedModules,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          env,
        },
      },
    ],
  },
});

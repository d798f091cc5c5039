/**
 * Sample-data benchmark: how long the generator takes to write the
 * benchmark federation's catalogues (50 institutions of 1,000 entries, what
 * `npm run bench -- load` and scale tests build on) and how long the
 * catalogue's checker takes over one institution's 1,000 entries. Absolute
 * figures only: the generator is ours and has no peer to compare with.
 */
import { generateCatalogue } from '../seed/catalogue.js';
import { benchmarkInstitutions } from '../seed/institutions.js';
import { validateCatalogueEntries } from '../subgraphs/catalogue/catalogueEntry.js';
import type { Benchmark } from './run.js';

const referenceDate = '2026-03-01';

function timedMs(action: () => void): number {
  const started = performance.now();
  action();
  return performance.now() - started;
}

const benchmark: Benchmark = {
  name: 'sample data',
  async run() {
    const institutions = benchmarkInstitutions(50);
    const generateMs = timedMs(() => {
      for (const institution of institutions) generateCatalogue(institution, 1_000, 1, referenceDate);
    });
    const entries = generateCatalogue(institutions[49]!, 1_000, 1, referenceDate);
    const validateMs = timedMs(() => validateCatalogueEntries(entries));
    console.table([
      {
        step: 'generate 50 × 1,000 entries',
        ms: Math.round(generateMs),
        'µs per entry': Math.round((generateMs * 1000) / 50_000),
      },
      { step: 'check 1,000 entries', ms: Math.round(validateMs), 'µs per entry': Math.round(validateMs) },
    ]);
  },
};

export default benchmark;

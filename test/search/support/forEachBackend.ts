import { randomBytes } from 'node:crypto';
import { describe } from 'vitest';
import { EmbeddedBackend } from '../../../subgraphs/search/backends/embedded/EmbeddedBackend.js';
import { MeilisearchBackend } from '../../../subgraphs/search/backends/meilisearch/MeilisearchBackend.js';
import type { SearchBackend } from '../../../subgraphs/search/backends/SearchBackend.js';

export type BackendSuite = (
  name: string,
  create: () => Promise<SearchBackend>,
  dispose: (backend: SearchBackend) => Promise<void>,
) => void;

/**
 * Runs a suite against the embedded engine, and against Meilisearch too when MEILI_HOST is set,
 * in a throw-away index (`<indexPrefix>_<random>`) dropped afterwards.
 */
export function forEachBackend(indexPrefix: string, suite: BackendSuite): void {
  suite(
    'embedded',
    async () => new EmbeddedBackend(),
    async () => {},
  );
  const meiliHost = process.env.MEILI_HOST;
  describe.skipIf(!meiliHost)('meilisearch variant', () => {
    suite(
      'meilisearch',
      async () =>
        new MeilisearchBackend({
          host: meiliHost!,
          apiKey: process.env.MEILI_MASTER_KEY,
          indexUid: `${indexPrefix}_${randomBytes(4).toString('hex')}`,
        }),
      async (backend) => (backend as MeilisearchBackend).drop(),
    );
  });
}

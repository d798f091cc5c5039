/** What every search resolver reaches: the backend to query and the indexer's state. */
import type { SearchBackend } from './backends/SearchBackend.js';
import type { Indexer } from './indexer/Indexer.js';

export interface Context {
  backend: SearchBackend;
  indexer: Indexer;
}

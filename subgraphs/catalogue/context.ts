import type { CatalogueDatabase } from './db/connection.js';
import type { CatalogueLoaders } from './loaders.js';

/** Per request: which institution this subgraph serves, its database, and fresh loaders. */
export interface Context {
  institution: string;
  db: CatalogueDatabase;
  loaders: CatalogueLoaders;
}

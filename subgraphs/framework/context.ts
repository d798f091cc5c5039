import type { Caller } from './auth.js';
import type { FrameworkDatabase } from './db/connection.js';
import type { FrameworkLoaders } from './loaders.js';

/** Per request: the database, fresh loaders, and who is calling. */
export interface Context {
  db: FrameworkDatabase;
  loaders: FrameworkLoaders;
  caller: Caller;
}

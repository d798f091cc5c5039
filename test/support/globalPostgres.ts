import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type PostgresCluster } from '../../runtime/postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

let cluster: PostgresCluster | undefined;
const dataDir = `.tmp/test-postgres-${process.pid}/data`;

/**
 * One real PostgreSQL cluster for the whole run; every test file creates its
 * own databases on it (see databases.ts). TEST_DATABASE_URL points the suite
 * at an external server instead.
 */
export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    project.provide('postgresAdminUrl', external);
    return;
  }
  // Thrown away after the run, so it need not wait for the disk (runtime/postgres.ts, nonDurable).
  cluster = await startEmbeddedPostgres({ dataDir, nonDurable: true });
  project.provide('postgresAdminUrl', cluster.databaseUrl('postgres'));
  return async () => {
    await cluster?.stop();
    await rm(`.tmp/test-postgres-${process.pid}`, { recursive: true, force: true });
    // Elsewhere when the postgres user cannot enter this checkout (runtime/relocatedPostgres.ts).
    if (cluster?.dataDir) await rm(cluster.dataDir, { recursive: true, force: true });
  };
}

import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type PostgresCluster } from '../../runtime/postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    /** Starts the name of every template database this run builds (databaseTemplates.ts). */
    databaseTemplatePrefix: string;
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
  // The run's own prefix: on a shared external server, teardown drops this run's templates and no
  // other run's (which may be copying from its own meanwhile).
  const templatePrefix = `tpl_${randomBytes(3).toString('hex')}_`;
  project.provide('databaseTemplatePrefix', templatePrefix);
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    project.provide('postgresAdminUrl', external);
    return () => dropDatabaseTemplates(external, templatePrefix);
  }
  // Thrown away after the run, so it need not wait for the disk (runtime/postgres.ts, nonDurable).
  // Its template databases go with it.
  cluster = await startEmbeddedPostgres({ dataDir, nonDurable: true });
  project.provide('postgresAdminUrl', cluster.databaseUrl('postgres'));
  return async () => {
    await cluster?.stop();
    await rm(`.tmp/test-postgres-${process.pid}`, { recursive: true, force: true });
    // Elsewhere when the postgres user cannot enter this checkout (runtime/relocatedPostgres.ts).
    if (cluster?.dataDir) await rm(cluster.dataDir, { recursive: true, force: true });
  };
}

/** Drops the template databases whose names start with `prefix`: an external server keeps what it is given. */
async function dropDatabaseTemplates(adminUrl: string, prefix: string): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const templates = await admin<{ name: string }[]>`
      select datname as name from pg_database where starts_with(datname, ${prefix})`;
    for (const { name } of templates) {
      // PostgreSQL refuses to drop a database marked as a template.
      await admin.unsafe(`alter database "${name}" with is_template false`);
      await admin.unsafe(`drop database "${name}"`);
    }
  } finally {
    await admin.end();
  }
}

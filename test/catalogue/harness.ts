/**
 * A real catalogue subgraph on a fresh, migrated database of its own, with a
 * count of the SQL statements it sends.
 */
import postgres from 'postgres';
import type { RunningHttpServer } from '../../runtime/http.js';
import type { CatalogueEntryInput } from '../../subgraphs/catalogue/catalogueEntry.js';
import type { OfficialLanguage } from '../../subgraphs/catalogue/criticalInformation.js';
import { upsertEntries } from '../../subgraphs/catalogue/db/catalogueStore.js';
import { openCatalogueDatabase, type CatalogueConnection } from '../../subgraphs/catalogue/db/connection.js';
import { startCatalogueSubgraph } from '../../subgraphs/catalogue/server.js';
import { createMigratedCatalogueDatabase } from '../support/databaseTemplates.js';
import { graphql, type GraphQLResult } from '../support/graphql.js';

export interface CatalogueHarness {
  institution: string;
  databaseUrl: string;
  server: RunningHttpServer;
  /** The store's own connection, for writes made the way import and mutations make them. */
  store: CatalogueConnection;
  /** Plain SQL on the same database, for assertions and for writes that bypass the store. */
  sql: postgres.Sql;
  query<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>>;
  /** Runs `action` and returns how many SQL statements the subgraph sent meanwhile. */
  countQueries(action: () => Promise<unknown>): Promise<{ count: number; statements: string[] }>;
  upsert(entries: CatalogueEntryInput[]): ReturnType<typeof upsertEntries>;
  stop(): Promise<void>;
}

export async function startCatalogueHarness(
  institution: string,
  entries: CatalogueEntryInput[] = [],
  options: { institutionLanguages?: readonly OfficialLanguage[] } = {},
): Promise<CatalogueHarness> {
  const databaseUrl = await createMigratedCatalogueDatabase(`catalogue_${institution}`);
  const store = openCatalogueDatabase(databaseUrl);
  if (entries.length > 0) await upsertEntries(store.db, entries);
  let recording: string[] | undefined;
  const server = await startCatalogueSubgraph({
    institution,
    institutionLanguages: options.institutionLanguages,
    databaseUrl,
    port: 0,
    onQuery: (statement) => recording?.push(statement),
    log: () => {},
  });
  const sql = postgres(databaseUrl, { max: 4, onnotice: () => {} });
  return {
    institution,
    databaseUrl,
    server,
    store,
    sql,
    query: (query, variables) => graphql(server.url, query, variables),
    async countQueries(action) {
      const statements: string[] = [];
      recording = statements;
      try {
        await action();
      } finally {
        recording = undefined;
      }
      return { count: statements.length, statements };
    },
    upsert: (list) => upsertEntries(store.db, list),
    async stop() {
      await server.stop();
      await store.close();
      await sql.end();
    },
  };
}

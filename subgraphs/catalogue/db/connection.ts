import postgres from 'postgres';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { catalogueSchema } from './schema.js';

export type CatalogueDatabase = PostgresJsDatabase<typeof catalogueSchema>;
export type CatalogueTransaction = Parameters<Parameters<CatalogueDatabase['transaction']>[0]>[0];

export interface CatalogueConnection {
  db: CatalogueDatabase;
  close(): Promise<void>;
}

export interface CatalogueConnectionOptions {
  /** Called with the text of every SQL statement sent to PostgreSQL. */
  onQuery?: (sql: string) => void;
  maxConnections?: number;
}

export function openCatalogueDatabase(databaseUrl: string, options: CatalogueConnectionOptions = {}): CatalogueConnection {
  const { onQuery } = options;
  const client = postgres(databaseUrl, {
    max: options.maxConnections ?? 10,
    onnotice: () => {},
    // Drizzle parses the one array column (languages) itself; skipping postgres.js's per-connection
    // type lookup keeps every request's round-trips to the queries it actually needs.
    fetch_types: false,
    debug: onQuery ? (_connection, query) => onQuery(query) : false,
  });
  return {
    db: drizzle({ client, schema: catalogueSchema }),
    close: () => client.end({ timeout: 5 }),
  };
}

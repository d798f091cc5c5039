import postgres from 'postgres';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';

export interface DatabaseConnection<TSchema extends Record<string, unknown>> {
  db: PostgresJsDatabase<TSchema>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** Called with the text of every SQL statement sent to PostgreSQL (tests count round-trips with it). */
  onQuery?: (sql: string) => void;
  maxConnections?: number;
}

/** A drizzle handle over postgres.js for one deployable's own database and schema. */
export function openDatabase<TSchema extends Record<string, unknown>>(
  databaseUrl: string,
  schema: TSchema,
  options: DatabaseOptions = {},
): DatabaseConnection<TSchema> {
  const { onQuery } = options;
  const client = postgres(databaseUrl, {
    max: options.maxConnections ?? 10,
    onnotice: () => {},
    // Drizzle parses array columns itself; skipping postgres.js's per-connection type lookup
    // keeps every request's round-trips to the queries it actually needs.
    fetch_types: false,
    debug: onQuery ? (_connection, query) => onQuery(query) : false,
  });
  return { db: drizzle({ client, schema }), close: () => client.end({ timeout: 5 }) };
}

import postgres from 'postgres';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { frameworkSchema } from './schema.js';

export type FrameworkDatabase = PostgresJsDatabase<typeof frameworkSchema>;

export interface FrameworkConnection {
  db: FrameworkDatabase;
  close(): Promise<void>;
}

export interface FrameworkConnectionOptions {
  /** Called with the text of every SQL statement sent to PostgreSQL. */
  onQuery?: (sql: string) => void;
  maxConnections?: number;
}

export function openFrameworkDatabase(databaseUrl: string, options: FrameworkConnectionOptions = {}): FrameworkConnection {
  const { onQuery } = options;
  const client = postgres(databaseUrl, {
    max: options.maxConnections ?? 10,
    onnotice: () => {},
    debug: onQuery ? (_connection, query) => onQuery(query) : false,
  });
  return {
    db: drizzle({ client, schema: frameworkSchema }),
    close: () => client.end({ timeout: 5 }),
  };
}

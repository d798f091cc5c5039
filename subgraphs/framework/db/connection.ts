import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { openDatabase, type DatabaseConnection, type DatabaseOptions } from '../../../runtime/database.js';
import { frameworkSchema } from './schema.js';

export type FrameworkDatabase = PostgresJsDatabase<typeof frameworkSchema>;

export function openFrameworkDatabase(
  databaseUrl: string,
  options?: DatabaseOptions,
): DatabaseConnection<typeof frameworkSchema> {
  return openDatabase(databaseUrl, frameworkSchema, options);
}

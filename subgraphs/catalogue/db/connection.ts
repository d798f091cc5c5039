import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { openDatabase, type DatabaseConnection, type DatabaseOptions } from '../../../runtime/database.js';
import { catalogueSchema } from './schema.js';

export type CatalogueDatabase = PostgresJsDatabase<typeof catalogueSchema>;
export type CatalogueTransaction = Parameters<Parameters<CatalogueDatabase['transaction']>[0]>[0];
export type CatalogueConnection = DatabaseConnection<typeof catalogueSchema>;

export function openCatalogueDatabase(databaseUrl: string, options?: DatabaseOptions): CatalogueConnection {
  return openDatabase(databaseUrl, catalogueSchema, options);
}

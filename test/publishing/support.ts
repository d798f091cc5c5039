/**
 * Shared pieces of the publishing tests: API keys made the way the CLI makes
 * them, authenticated GraphQL calls over real HTTP, and complete entry inputs
 * from the sample generator.
 */
import { generateCatalogue } from '../../seed/catalogue.js';
import type { CatalogueEntryInput } from '../../subgraphs/catalogue/catalogueEntry.js';
import { createApiKey } from '../../subgraphs/catalogue/db/apiKeys.js';
import { openCatalogueDatabase } from '../../subgraphs/catalogue/db/connection.js';
import { graphql, type GraphQLResult } from '../support/graphql.js';

/** A fresh API key of `institution`, stored in its catalogue database at `databaseUrl`. */
export async function apiKeyFor(databaseUrl: string, institution: string, label = 'test'): Promise<string> {
  const { db, close } = openCatalogueDatabase(databaseUrl, { maxConnections: 1 });
  try {
    return (await createApiKey(db, institution, label)).key;
  } finally {
    await close();
  }
}

export function asCaller(url: string, key?: string) {
  return <T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>> =>
    graphql<T>(url, query, variables, key ? { authorization: `Bearer ${key}` } : {});
}

/** Complete, valid entries as MicroCredentialInput (no status: publishing decides it). */
export type EntryInputJson = Record<string, unknown> & { slug: string; title: string; externalCode: string };

export function sampleInputs(institution: string, count: number, seed = 3): EntryInputJson[] {
  return generateCatalogue(institution, count * 2, seed, '2026-01-15')
    .filter((entry) => entry.status === 'ACTIVE')
    .slice(0, count)
    .map(toInput);
}

export function toInput(entry: CatalogueEntryInput): EntryInputJson {
  const { status: _status, sunsetReason: _reason, ...input } = { ...entry, expiryDate: null };
  return JSON.parse(JSON.stringify(input)) as EntryInputJson;
}

export const payloadFields = `
  microCredential { id status version title expiryDate sunsetReason offerings { id priceCad } }
  draft { id version basedOnVersion content problems { code path message } }
  problems { code path message line }
  warnings { code path message }
`;

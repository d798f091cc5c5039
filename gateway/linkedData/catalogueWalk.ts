/**
 * Every public entry of every registered institution, page by page, through
 * the public API. The bulk routes walk twice: a light listing (ids, versions,
 * dates) that decides the validators and answers conditional requests, then,
 * only when the client needs the body, the full entries.
 */
import { catalogueQuery, institutionCodesQuery, type CatalogueListing, type ExportedEntry } from './exportQueries.js';
import { GatewayUnavailableError, type GatewayQuery, type GraphQLResponse } from './gatewayClient.js';

const pageSize = 50;

interface CataloguePage<T> {
  institution: {
    code: string;
    microCredentials: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: Array<{ node: T }>;
    } | null;
  } | null;
}

export interface WalkPage<T> {
  institution: string;
  entries: T[];
}

/** Registered institution codes, in code order. */
export async function institutionCodes(query: GatewayQuery): Promise<string[]> {
  const response = await query<{ institutions: Array<{ code: string }> }>(institutionCodesQuery);
  if (!response.data?.institutions) {
    throw new GatewayUnavailableError(
      `the institution registry did not answer: ${response.errors?.[0]?.message ?? 'no data'}`,
    );
  }
  return response.data.institutions.map((institution) => institution.code);
}

/**
 * Pages of entries; institutions that cannot be read are reported in
 * `unavailable` (filled as the walk goes) and skipped, so one institution down
 * never hides the others.
 */
export async function* walkCatalogues<T extends CatalogueListing | ExportedEntry>(
  query: GatewayQuery,
  full: T extends ExportedEntry ? true : false,
  codes: string[],
  unavailable: string[],
): AsyncGenerator<WalkPage<T>> {
  const document = catalogueQuery(full);
  for (const code of codes) {
    let after: string | null = null;
    do {
      const response: GraphQLResponse<CataloguePage<T>> = await query<CataloguePage<T>>(document, {
        code,
        first: pageSize,
        after,
      });
      const connection = response.data?.institution?.microCredentials;
      if (!connection) {
        unavailable.push(code);
        break;
      }
      // An entry nulled by a partial failure never makes it into a bulk document.
      const entries = connection.edges.map((edge) => edge.node).filter((node) => node !== null);
      yield { institution: code, entries };
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
    } while (after !== null);
  }
}

/** The light listing of the whole directory, for validators and the sitemap. */
export async function listDirectory(
  query: GatewayQuery,
): Promise<{ codes: string[]; entries: CatalogueListing[]; unavailable: string[] }> {
  const codes = await institutionCodes(query);
  const unavailable: string[] = [];
  const entries: CatalogueListing[] = [];
  for await (const page of walkCatalogues<CatalogueListing>(query, false, codes, unavailable))
    entries.push(...page.entries);
  return { codes, entries, unavailable };
}

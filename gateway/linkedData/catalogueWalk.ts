/**
 * Every public entry of every registered institution, through the public API.
 * The bulk routes first list the directory lightly (ids, versions, dates),
 * which decides the validators and answers conditional requests; only when
 * the client needs the body are the full entries read, a batch of one
 * institution's ids per request (the gateway sends each batch to that
 * institution as one operation). Entries are asked for as root fields, so a
 * bulk read is no deeper than a single entry's.
 */
import { entryFields, institutionCodesQuery, type CatalogueListing, type ExportedEntry } from './exportQueries.js';
import { GatewayUnavailableError, type GatewayQuery, type GraphQLResponse } from './gatewayClient.js';

const listingPageSize = 100;
export const entryBatchSize = 25;

const listingQuery = /* GraphQL */ `
  query LinkedDataListing($code: ID!, $first: Int!, $after: String) {
    institution(code: $code) {
      microCredentials(first: $first, after: $after, filter: { status: [ACTIVE, SUNSET] }) {
        pageInfo { hasNextPage endCursor }
        edges { node { id url status version updatedAt } }
      }
    }
  }
`;

interface ListingPage {
  institution: {
    microCredentials: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: Array<{ node: CatalogueListing | null }>;
    } | null;
  } | null;
}

export interface DirectoryListing {
  codes: string[];
  entries: CatalogueListing[];
  /** Registered institutions whose catalogue could not be read: their entries are missing. */
  unavailable: string[];
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

/** The light listing of the whole directory; one institution down never hides the others. */
export async function listDirectory(query: GatewayQuery): Promise<DirectoryListing> {
  const codes = await institutionCodes(query);
  const unavailable: string[] = [];
  const entries: CatalogueListing[] = [];
  for (const code of codes) {
    let after: string | null = null;
    do {
      const response: GraphQLResponse<ListingPage> = await query<ListingPage>(listingQuery, {
        code,
        first: listingPageSize,
        after,
      });
      const connection = response.data?.institution?.microCredentials;
      if (!connection) {
        unavailable.push(code);
        break;
      }
      entries.push(...connection.edges.flatMap((edge) => (edge.node ? [edge.node] : [])));
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
    } while (after !== null);
  }
  return { codes, entries, unavailable };
}

/** Consecutive ids of one institution, at most `entryBatchSize` each (the listing is in institution order). */
export function batchesByInstitution(ids: string[]): string[][] {
  const batches: string[][] = [];
  for (const id of ids) {
    const last = batches.at(-1);
    const sameInstitution = last && last[0]!.slice(0, last[0]!.indexOf(':')) === id.slice(0, id.indexOf(':'));
    if (last && sameInstitution && last.length < entryBatchSize) last.push(id);
    else batches.push([id]);
  }
  return batches;
}

/** Full entries for `ids` in one request; an entry that is gone or failed since the listing is left out. */
export async function readEntries(query: GatewayQuery, ids: string[]): Promise<ExportedEntry[]> {
  const document = /* GraphQL */ `
    query LinkedDataEntries(${ids.map((_, index) => `$id${index}: ID!`).join(', ')}) {
      ${ids.map((_, index) => `e${index}: microCredential(id: $id${index}) { ...ExportedEntry }`).join('\n')}
    }
    ${entryFields}
  `;
  const variables = Object.fromEntries(ids.map((id, index) => [`id${index}`, id]));
  const response = await query<Record<string, ExportedEntry | null>>(document, variables);
  if (!response.data) {
    throw new GatewayUnavailableError(`entries could not be read: ${response.errors?.[0]?.message ?? 'no data'}`);
  }
  return ids.flatMap((_, index) => {
    const entry = response.data?.[`e${index}`];
    return entry ? [entry] : [];
  });
}

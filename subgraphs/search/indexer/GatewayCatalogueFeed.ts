/**
 * The production CatalogueFeed: GraphQL over HTTP to the gateway, one
 * request per page, so each change arrives with the framework's OQF band and
 * institution data already joined in. Everything that comes back is
 * validated before use: the answer's shape, size and deadline by the one
 * client (runtime/graphqlClient.ts), the fields here.
 */
import { type GraphQLAnswer, GraphQLCallError, postGraphQL } from '../../../runtime/graphqlClient.js';
import type { FeedChange } from './changesQuery.js';
import { changesQuery, institutionsQuery, trustMarkChangesQuery } from './changesQuery.js';
import { FeedUnavailableError, type CatalogueFeed, type FeedChangesPage } from './CatalogueFeed.js';

export interface GatewayCatalogueFeedOptions {
  /** A function when the gateway starts after search (a local directory lets the gateway pick its port). */
  gatewayUrl: string | (() => string | undefined);
  /** Per request; a page of 500 entries resolved across subgraphs can take a few seconds. */
  timeoutMs?: number;
}

export class GatewayCatalogueFeed implements CatalogueFeed {
  private readonly timeoutMs: number;

  constructor(private readonly options: GatewayCatalogueFeedOptions) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  async institutions(): Promise<string[]> {
    const answer = await this.post(institutionsQuery, {});
    const list = answer.data?.institutions;
    if (!Array.isArray(list)) throw new FeedUnavailableError(`gateway listed no institutions: ${firstError(answer)}`);
    return list.map((institution: { code?: unknown }) => {
      if (typeof institution?.code !== 'string')
        throw new FeedUnavailableError('gateway returned an institution without a code');
      return institution.code;
    });
  }

  async changes(institution: string, since: string | null, first: number): Promise<FeedChangesPage> {
    const answer = await this.post(changesQuery, { institution, since, first });
    return pageOf(answer, 'changes', `changes for "${institution}"`);
  }

  /** The framework's trust-mark change feed (TrustMarkFeed), in the same page shape. */
  async trustMarkChanges(since: string | null, first: number): Promise<FeedChangesPage> {
    const answer = await this.post(trustMarkChangesQuery, { since, first });
    return pageOf(answer, 'trustMarkChanges', 'trust-mark changes');
  }

  private async post(query: string, variables: Record<string, unknown>): Promise<GraphQLAnswer> {
    const { gatewayUrl } = this.options;
    const url = typeof gatewayUrl === 'string' ? gatewayUrl : gatewayUrl();
    if (url === undefined) throw new FeedUnavailableError('the gateway has not started yet');
    try {
      return await postGraphQL({ url, body: { query, variables }, timeoutMs: this.timeoutMs });
    } catch (error) {
      if (error instanceof GraphQLCallError) {
        const what = error.failure === 'UNREACHABLE' || error.failure === 'TIMEOUT' ? 'unreachable' : 'unusable';
        throw new FeedUnavailableError(`gateway ${what} (${error.failure}): ${error.detail}`);
      }
      throw error;
    }
  }
}

function firstError(answer: GraphQLAnswer): string {
  const message = answer.errors?.[0]?.message;
  return typeof message === 'string' ? message.slice(0, 300) : 'no data and no error message';
}

/** Checks a page of either feed: its shape, each change's fields, and which entries an error left unresolved. */
function pageOf(answer: GraphQLAnswer, root: string, what: string): FeedChangesPage {
  const page = answer.data?.[root] as { changes?: unknown; cursor?: unknown; hasMore?: unknown } | null | undefined;
  if (!page || !Array.isArray(page.changes) || typeof page.hasMore !== 'boolean') {
    throw new FeedUnavailableError(`${what} unavailable: ${firstError(answer)}`);
  }
  if (page.cursor !== null && typeof page.cursor !== 'string')
    throw new FeedUnavailableError(`${what}: page cursor is not a string`);
  const changes = page.changes as FeedChange[];
  for (const change of changes) {
    if (
      typeof change?.cursor !== 'string' ||
      typeof change.microCredentialId !== 'string' ||
      // Only an institution's feed says what kind of change it was.
      (root === 'changes' && typeof change.kind !== 'string') ||
      typeof change.occurredAt !== 'string'
    ) {
      throw new FeedUnavailableError(`${what} contain a malformed change`);
    }
  }
  const unresolved = new Set<number>();
  for (const error of answer.errors ?? []) {
    const [errorRoot, list, position] = Array.isArray(error.path) ? error.path : [];
    if (errorRoot === root && list === 'changes' && typeof position === 'number') {
      if (changes[position]?.microCredential == null) unresolved.add(position);
    } else if (!Array.isArray(error.path) || errorRoot === root) {
      // An error this page cannot place: any null entry may be its, so none is read as "deleted".
      changes.forEach((change, index) => {
        if (change.microCredential == null) unresolved.add(index);
      });
    }
  }
  return { changes, cursor: page.cursor, hasMore: page.hasMore, unresolved };
}

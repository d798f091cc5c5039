/**
 * The province-wide change feed: every institution's `changes` feed, read
 * through the gateway, merged into one sequence with one cursor.
 *
 * Order: registry events first (INSTITUTION_REMOVED, then INSTITUTION_ADDED,
 * each by code), then the institutions' changes merged oldest first, ties
 * broken by institution code; each institution's own order is kept. The merge
 * is a pure function of the cursor and what the institutions answer, so a
 * repeated call returns the same page. An institution that cannot be asked
 * keeps its position and is listed as unavailable; its changes come later,
 * in its own order, which is all a mirror needs (an id belongs to one
 * institution, and each change carries the entry's current state).
 */
import { GraphQLError } from 'graphql';
import { decodeDirectoryCursor, encodeDirectoryCursor, type DirectoryPosition } from './directoryCursor.js';
import { institutionCodes } from './catalogueWalk.js';
import type { GatewayQuery } from './gatewayClient.js';

export const maxDirectoryPage = 500;

export type InstitutionChangeKind = 'CREATED' | 'UPDATED' | 'PUBLISHED' | 'SUNSET' | 'DELETED';

export interface InstitutionChange {
  cursor: string;
  kind: InstitutionChangeKind;
  microCredentialId: string;
  occurredAt: string;
  /** Null when the entry is no longer publicly visible. */
  visible: boolean;
}

export interface InstitutionFeedPage {
  changes: InstitutionChange[];
  cursor: string | null;
  hasMore: boolean;
}

export interface DirectoryChange {
  kind: InstitutionChangeKind | 'INSTITUTION_ADDED' | 'INSTITUTION_REMOVED';
  institutionCode: string;
  microCredentialId: string | null;
  occurredAt: string;
  visible: boolean;
}

export interface DirectoryChangePage {
  changes: DirectoryChange[];
  cursor: string;
  hasMore: boolean;
  unavailableInstitutions: string[];
}

/** An institution's feed from `since`; undefined when it cannot be read now. */
export type ReadInstitutionFeed = (
  code: string,
  since: string | null,
  first: number,
) => Promise<InstitutionFeedPage | undefined>;

/** One page of the merged feed, given the registry now and a way to read each institution's feed. */
export async function mergeDirectoryChanges(
  position: DirectoryPosition,
  registered: string[],
  readFeed: ReadInstitutionFeed,
  first: number,
  now: string,
): Promise<{ page: Omit<DirectoryChangePage, 'cursor'>; position: DirectoryPosition }> {
  const next: DirectoryPosition = new Map(position);
  const current = new Set(registered);
  const registryEvents: DirectoryChange[] = [
    ...[...position.keys()]
      .filter((code) => !current.has(code))
      .sort()
      .map((code) => registryEvent('INSTITUTION_REMOVED', code, now)),
    ...[...current]
      .filter((code) => !position.has(code))
      .sort()
      .map((code) => registryEvent('INSTITUTION_ADDED', code, now)),
  ];
  const emitted = registryEvents.slice(0, first);
  for (const event of emitted) {
    if (event.kind === 'INSTITUTION_REMOVED') next.delete(event.institutionCode);
    else next.set(event.institutionCode, null);
  }
  // Only institutions the client has been told about have changes to follow.
  const followed = [...next.keys()].filter((code) => current.has(code)).sort();
  const room = first - emitted.length;
  const unavailable: string[] = [];
  const queues = new Map<string, InstitutionChange[]>();
  // A page filled by registry events has not looked at the feeds: say there may be more.
  let more = emitted.length < registryEvents.length || (room === 0 && followed.length > 0);
  if (room > 0) {
    const pages = await Promise.all(
      followed.map(async (code) => [code, await readFeed(code, next.get(code) ?? null, room)] as const),
    );
    for (const [code, page] of pages) {
      if (!page) unavailable.push(code);
      else {
        queues.set(code, [...page.changes]);
        more ||= page.hasMore;
        if (page.changes.length === 0 && page.cursor !== null) next.set(code, page.cursor);
      }
    }
  }
  for (let taken = 0; taken < room; taken++) {
    const code = oldestHead(queues);
    if (code === undefined) break;
    const change = queues.get(code)!.shift()!;
    emitted.push({ ...change, institutionCode: code });
    next.set(code, change.cursor);
  }
  more ||= [...queues.values()].some((queue) => queue.length > 0);
  return { page: { changes: emitted, hasMore: more, unavailableInstitutions: unavailable }, position: next };
}

function registryEvent(kind: 'INSTITUTION_ADDED' | 'INSTITUTION_REMOVED', code: string, now: string): DirectoryChange {
  return { kind, institutionCode: code, microCredentialId: null, occurredAt: now, visible: false };
}

/** The institution whose next change is oldest; ties go to the smaller code. */
function oldestHead(queues: Map<string, InstitutionChange[]>): string | undefined {
  let best: { code: string; at: number } | undefined;
  for (const [code, queue] of queues) {
    const head = queue[0];
    if (!head) continue;
    const at = Date.parse(head.occurredAt);
    if (!best || at < best.at || (at === best.at && code < best.code)) best = { code, at };
  }
  return best?.code;
}

const changesQuery = /* GraphQL */ `
  query DirectoryFeed($institution: ID!, $since: String, $first: Int!) {
    changes(institution: $institution, since: $since, first: $first) {
      cursor hasMore
      changes { cursor kind microCredentialId occurredAt microCredential { id } }
    }
  }
`;

interface ChangesAnswer {
  changes: {
    cursor: string | null;
    hasMore: boolean;
    changes: Array<Omit<InstitutionChange, 'visible'> & { microCredential: { id: string } | null }>;
  };
}

/** Reads one institution's feed through the gateway. A refused cursor is the client's mistake, not an outage. */
export function gatewayFeedReader(query: GatewayQuery): ReadInstitutionFeed {
  return async (code, since, first) => {
    const response = await query<ChangesAnswer>(changesQuery, { institution: code, since, first }).catch(
      () => undefined,
    );
    const page = response?.data?.changes;
    if (!page) {
      if (
        response?.errors?.some((error) => error.extensions?.code === 'BAD_USER_INPUT' && error.path?.[0] === 'changes')
      ) {
        throw new GraphQLError(`"since" holds a position ${code} does not accept. Start again without "since".`, {
          extensions: { code: 'INVALID_CURSOR', argumentName: 'since', institution: code },
        });
      }
      return undefined;
    }
    // An entry the gateway nulled with an error is unresolved, not deleted: stop before it and retry later.
    const unresolved = new Set(
      (response?.errors ?? []).flatMap((error) =>
        error.path?.[0] === 'changes' && error.path[1] === 'changes' && typeof error.path[2] === 'number'
          ? [error.path[2]]
          : [],
      ),
    );
    const firstUnresolved = Math.min(...unresolved, page.changes.length);
    if (firstUnresolved === 0 && page.changes.length > 0) return undefined;
    const changes = page.changes.slice(0, firstUnresolved).map(({ microCredential, ...change }) => ({
      ...change,
      visible: microCredential !== null,
    }));
    if (firstUnresolved < page.changes.length)
      return { changes, cursor: changes.at(-1)?.cursor ?? since, hasMore: true };
    return { changes, cursor: page.cursor, hasMore: page.hasMore };
  };
}

/** The `directoryChanges` field: validates its arguments, reads the registry and the feeds, merges. */
export async function directoryChanges(
  query: GatewayQuery,
  args: { since?: string | null; first?: number | null },
): Promise<DirectoryChangePage> {
  const first = args.first ?? 100;
  if (!Number.isInteger(first) || first < 1 || first > maxDirectoryPage) {
    throw new GraphQLError(`"first" must be between 1 and ${maxDirectoryPage}, got ${first}.`, {
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'first' },
    });
  }
  const position = decodeDirectoryCursor(args.since);
  let registered: string[];
  try {
    registered = await institutionCodes(query);
  } catch {
    throw new GraphQLError('The institution registry cannot be read right now; try again shortly.', {
      extensions: { code: 'REGISTRY_UNAVAILABLE' },
    });
  }
  const { page, position: next } = await mergeDirectoryChanges(
    position,
    registered,
    gatewayFeedReader(query),
    first,
    new Date().toISOString(),
  );
  return { ...page, cursor: encodeDirectoryCursor(next) };
}

/**
 * A minimal institution catalogue server, written the way a college on its own
 * stack would write one: from the contract alone (version 1.0, frozen in
 * schema/contracts/catalogue-1.0.graphql: it has not moved to 1.1, and the
 * gateway cuts requests down to 1.0 for it; docs/versioning.md), with graphql-js
 * and @apollo/subgraph over node:http, and its catalogue in a JSON file. It is
 * deliberately not the reference implementation (no database, no Apollo
 * Server, no shared code with subgraphs/catalogue), and the test suite runs it
 * through the gateway and through `npm run conformance`.
 *
 *   tsx examples/minimal-institution/server.ts --institution examplecollege --port 4500
 *
 * Read-only: entries are published by editing catalogue.json (status ACTIVE,
 * SUNSET or DRAFT); the publishing mutations exist, as the contract requires,
 * and refuse with a clear error. Owner-only reads accept a publishing key in the
 * directory's format whose SHA-256 is in PUBLISHING_KEY_SHA256 (comma-separated).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { GraphQLError, graphql, parse } from 'graphql';

/** One entry of catalogue.json: the contract's MicroCredential fields, keyed by `slug`. */
export interface ExampleEntry {
  slug: string;
  status: 'ACTIVE' | 'SUNSET' | 'DRAFT';
  updatedAt: string;
  version: number;
  deliveryMode: string;
  osapEligible: boolean;
  offerings: Array<{ code: string } & Record<string, unknown>>;
  [field: string]: unknown;
}

export interface ExampleInstitutionOptions {
  institution: string;
  entries: ExampleEntry[];
  port: number;
  host?: string;
  /** SHA-256 (hex) of the publishing keys that may read owner-only fields. */
  publishingKeySha256?: string[];
}

export interface RunningExample {
  url: string;
  stop(): Promise<void>;
}

const contractFile = fileURLToPath(new URL('../../schema/contracts/catalogue-1.0.graphql', import.meta.url));
const publicStatuses = ['ACTIVE', 'SUNSET'];
const maxPageSize = 100;
const maxChangePageSize = 1000;

interface Context {
  /** Whether the request carries one of this institution's publishing keys. */
  owner: boolean;
}

export async function startExampleInstitution(options: ExampleInstitutionOptions): Promise<RunningExample> {
  const { institution } = options;
  const id = (entry: ExampleEntry) => `${institution}:${entry.slug}`;
  const bySlug = new Map(options.entries.map((entry) => [entry.slug, entry]));
  const isPublic = (entry: ExampleEntry | undefined) => !!entry && publicStatuses.includes(entry.status);
  const own = (globalId: string) =>
    globalId.startsWith(`${institution}:`) ? bySlug.get(globalId.slice(institution.length + 1)) : undefined;
  // The change feed: one change per public entry, oldest first; the cursor is the position, as a string.
  const feed = options.entries
    .filter(isPublic)
    .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.slug.localeCompare(b.slug));

  const requireOwner = (context: Context) => {
    if (!context.owner) {
      throw new GraphQLError(`This needs a publishing key of institution "${institution}".`, {
        extensions: { code: 'UNAUTHENTICATED' },
      });
    }
  };
  const readOnly = (_root: unknown, _args: unknown, context: Context) => {
    requireOwner(context);
    throw new GraphQLError('This catalogue is published from its catalogue.json file; it accepts no writes.', {
      extensions: { code: 'FORBIDDEN' },
    });
  };
  const pageSize = (first: number, max: number) => {
    if (!Number.isInteger(first) || first < 0 || first > max) {
      throw new GraphQLError(`"first" must be between 0 and ${max}.`, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return first;
  };

  const resolvers = {
    Query: {
      microCredential: (_: unknown, args: { id: string }) => {
        const entry = own(args.id);
        return isPublic(entry) ? entry : null;
      },
      changes: (_: unknown, args: { institution: string; since?: string | null; first: number }) => {
        if (args.institution !== institution) {
          throw new GraphQLError(`This catalogue has no change feed for "${args.institution}".`, {
            extensions: { code: 'BAD_USER_INPUT' },
          });
        }
        if (args.since != null && !/^\d{1,15}$/.test(args.since)) {
          throw new GraphQLError('"since" must be a cursor returned by changes.', {
            extensions: { code: 'BAD_USER_INPUT' },
          });
        }
        const limit = pageSize(args.first, maxChangePageSize);
        const after = args.since == null ? 0 : Number(args.since);
        const page = feed.slice(after, after + limit).map((entry, i) => ({ entry, seq: after + i + 1 }));
        return {
          changes: page,
          // On an empty page the cursor stays where it was, so a poller never goes back to the start.
          cursor: page.length ? String(page.at(-1)!.seq) : (args.since ?? null),
          hasMore: after + limit < feed.length,
        };
      },
      microCredentialHistory: (_: unknown, args: { id: string }) => {
        const entry = own(args.id);
        return isPublic(entry)
          ? [{ version: entry!.version, status: entry!.status, recordedAt: entry!.updatedAt, entry: entry }]
          : [];
      },
      myMicroCredential: (_: unknown, args: { id: string }, context: Context) => {
        requireOwner(context);
        return own(args.id) ?? null;
      },
      microCredentialDraft: (_: unknown, _args: unknown, context: Context) => {
        requireOwner(context);
        return null;
      },
      auditLog: (_: unknown, args: { institution: string; first: number }, context: Context) => {
        requireOwner(context);
        pageSize(args.first, 500);
        return { entries: [], cursor: null, hasMore: false };
      },
    },
    Mutation: Object.fromEntries(
      [
        'createMicroCredentialDraft',
        'updateMicroCredentialDraft',
        'deleteMicroCredentialDraft',
        'publishMicroCredential',
        'sunsetMicroCredential',
        'upsertOffering',
        'removeOffering',
        'importCatalogue',
      ].map((name) => [name, readOnly]),
    ),
    Institution: {
      __resolveReference: (reference: { code: string }) =>
        reference.code === institution ? { code: institution } : null,
      microCredentials: (
        _: unknown,
        args: {
          first: number;
          after?: string | null;
          filter?: { status?: string[]; deliveryModes?: string[]; osapEligible?: boolean; updatedSince?: string };
        },
      ) => {
        const limit = pageSize(args.first, maxPageSize);
        const after = args.after == null ? '' : Buffer.from(args.after, 'base64url').toString('utf8');
        const { filter } = args;
        const matching = options.entries
          .filter((entry) => isPublic(entry) && (filter?.status ?? publicStatuses).includes(entry.status))
          .filter((entry) => !filter?.deliveryModes || filter.deliveryModes.includes(entry.deliveryMode))
          .filter((entry) => filter?.osapEligible == null || entry.osapEligible === filter.osapEligible)
          .filter((entry) => !filter?.updatedSince || entry.updatedAt >= filter.updatedSince)
          .sort((a, b) => id(a).localeCompare(id(b)));
        const rest = matching.filter((entry) => id(entry) > after);
        const page = rest.slice(0, limit);
        const cursor = (entry: ExampleEntry) => Buffer.from(id(entry), 'utf8').toString('base64url');
        return {
          edges: page.map((entry) => ({ cursor: cursor(entry), node: entry })),
          pageInfo: { hasNextPage: rest.length > limit, endCursor: page.length ? cursor(page.at(-1)!) : null },
          totalCount: matching.length,
        };
      },
    },
    MicroCredential: {
      // Representations may come from anyone who can reach the server: answer only for public entries of our own.
      __resolveReference: (reference: { id: string }) => {
        const entry = own(reference.id);
        return isPublic(entry) ? entry : null;
      },
      id,
      institution: () => ({ code: institution }),
      offerings: (entry: ExampleEntry) =>
        entry.offerings.map((offering) => ({ ...offering, id: `${id(entry)}:${offering.code}` })),
      history: (entry: ExampleEntry) => [
        { version: entry.version, status: entry.status, recordedAt: entry.updatedAt, entry },
      ],
    },
    Change: {
      cursor: (change: { seq: number }) => String(change.seq),
      kind: (change: { entry: ExampleEntry }) => (change.entry.status === 'SUNSET' ? 'SUNSET' : 'PUBLISHED'),
      microCredentialId: (change: { entry: ExampleEntry }) => id(change.entry),
      occurredAt: (change: { entry: ExampleEntry }) => change.entry.updatedAt,
      microCredential: (change: { entry: ExampleEntry }) => change.entry,
    },
  };

  const schema = buildSubgraphSchema({
    typeDefs: parse(readFileSync(contractFile, 'utf8')),
    resolvers: resolvers as unknown as GraphQLResolverMap<unknown>,
  });
  const keyHashes = (options.publishingKeySha256 ?? []).map((hex) => Buffer.from(hex, 'hex'));
  const isOwnKey = (authorization: string | undefined) => {
    const token = /^Bearer (mck_([a-z][a-z0-9-]*)_[0-9a-f]{8}_[A-Za-z0-9_-]{43})$/.exec(authorization ?? '');
    if (!token || token[2] !== institution) return false;
    const presented = createHash('sha256').update(token[1]!).digest();
    return keyHashes.some((hash) => hash.length === presented.length && timingSafeEqual(hash, presented));
  };

  const server: Server = createServer(async (req, res) => {
    const send = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.method === 'GET' && req.url === '/health') return send(200, { status: 'UP', institution });
    if (req.method !== 'POST' || req.url !== '/graphql') return send(404, { error: 'POST /graphql' });
    let raw = '';
    for await (const chunk of req) {
      raw += chunk;
      if (raw.length > 1_000_000) return send(413, { errors: [{ message: 'Request too large.' }] });
    }
    let body: { query?: unknown; variables?: unknown; operationName?: unknown };
    try {
      body = JSON.parse(raw);
    } catch {
      return send(400, { errors: [{ message: 'The body is not JSON.' }] });
    }
    if (typeof body.query !== 'string') return send(400, { errors: [{ message: 'No query.' }] });
    const result = await graphql({
      schema,
      source: body.query,
      variableValues: (body.variables ?? undefined) as Record<string, unknown> | undefined,
      operationName: typeof body.operationName === 'string' ? body.operationName : undefined,
      contextValue: { owner: isOwnKey(req.headers.authorization) } satisfies Context,
    });
    send(200, result);
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/graphql`,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export function loadExampleCatalogue(
  file = fileURLToPath(new URL('./catalogue.json', import.meta.url)),
): ExampleEntry[] {
  return JSON.parse(readFileSync(file, 'utf8')) as ExampleEntry[];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { institution: { type: 'string' }, port: { type: 'string' }, catalogue: { type: 'string' } },
  });
  const institution = values.institution ?? 'examplecollege';
  const running = await startExampleInstitution({
    institution,
    entries: loadExampleCatalogue(values.catalogue),
    port: Number(values.port ?? 4500),
    host: '0.0.0.0',
    publishingKeySha256: process.env.PUBLISHING_KEY_SHA256?.split(',').filter(Boolean),
  });
  console.log(`${institution} catalogue on ${running.url.replace('0.0.0.0', 'localhost')}`);
  process.on('SIGINT', () => void running.stop().then(() => process.exit(0)));
  process.on('SIGTERM', () => void running.stop().then(() => process.exit(0)));
}

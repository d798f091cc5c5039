/**
 * Wiring of one institution's catalogue subgraph: its database, the contract
 * SDL from schema/catalogue.graphql, resolvers, per-request loaders, and a
 * /health route. Used by index.ts, the local launcher and the tests.
 */
import { ApolloServer } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { sql } from 'drizzle-orm';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isInstitutionCode } from '../../runtime/config.js';
import { serveGraphQL, type RunningHttpServer } from '../../runtime/http.js';
import { loadSchemaDocument } from '../../runtime/schemaFiles.js';
import type { Context } from './context.js';
import { openCatalogueDatabase } from './db/connection.js';
import { authenticateApiKey, type ApiKeyCaller } from './db/apiKeys.js';
import { bearerToken } from '../../runtime/bearerToken.js';
import { createLoaders } from './loaders.js';
import { resolvers } from './resolvers.js';
import { DeadlineExceededError, withDeadline } from '../../runtime/withDeadline.js';

/** How long GET /health waits for the database before answering 503. */
const healthDeadlineMs = 2_000;

type SubgraphModule = Extract<Parameters<typeof buildSubgraphSchema>[0], { typeDefs: unknown }>;

export interface CatalogueSubgraphOptions {
  /** The institution this server answers for, e.g. `humber`. */
  institution: string;
  databaseUrl: string;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** Called with every SQL statement sent to PostgreSQL, e.g. to count round-trips. */
  onQuery?: (sql: string) => void;
  log?: (message: string) => void;
}

export async function startCatalogueSubgraph(options: CatalogueSubgraphOptions): Promise<RunningHttpServer> {
  process.env.APOLLO_TELEMETRY_DISABLED ??= '1';
  const { institution } = options;
  if (!isInstitutionCode(institution)) {
    throw new Error(`institution must be a lower-case institution code like "humber", got "${institution}"`);
  }
  const log = options.log ?? ((message: string) => console.error(message));
  const schema = buildSubgraphSchema({
    typeDefs: loadSchemaDocument('catalogue'),
    resolvers: resolvers as SubgraphModule['resolvers'],
  });
  const { db, close } = openCatalogueDatabase(options.databaseUrl, { onQuery: options.onQuery });
  try {
    // Fail at start, not on the first request, when the database is unreachable.
    await db.execute(sql`select 1`);
    return await serveGraphQL<Context>({
      port: options.port,
      host: options.host,
      createApollo: (drain) =>
        new ApolloServer<Context>({
          schema,
          // No Apollo Studio here: traces would only tell callers how long each resolver took.
          plugins: [drain, ApolloServerPluginInlineTraceDisabled()],
          introspection: true,
          includeStacktraceInErrorResponses: false,
          // The entry point owns SIGINT/SIGTERM, so a stop is never started twice.
          stopOnTerminationSignals: false,
          formatError: (formatted, error) => hideInternals(formatted, error, institution, log),
        }),
      context: async ({ req }) => {
        const token = bearerToken(req.headers.authorization);
        let caller: Promise<ApiKeyCaller | null> | undefined;
        return {
          institution,
          db,
          loaders: createLoaders(db),
          caller: () => (caller ??= token ? authenticateApiKey(db, institution, token) : Promise.resolve(null)),
        };
      },
      routes: (app) => {
        app.get('/health', async (_req, res) => {
          // Answers within its own deadline even while the database hangs (a health check must not).
          try {
            await withDeadline(db.execute(sql`select 1`), healthDeadlineMs);
            res.json({ status: 'UP', institution });
          } catch (error) {
            const problem = error instanceof DeadlineExceededError ? 'database too slow' : 'database unreachable';
            res.status(503).json({ status: 'DOWN', institution, problem });
          }
        });
      },
      onStop: close,
    });
  } catch (error) {
    await close();
    throw error;
  }
}

/** Client mistakes keep their message; anything unexpected (a database error, a bug) is logged, not shown. */
function hideInternals(
  formatted: GraphQLFormattedError,
  error: unknown,
  institution: string,
  log: (message: string) => void,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR' || original instanceof GraphQLError) return formatted;
  log(
    `catalogue ${institution}: ${original instanceof Error ? (original.stack ?? original.message) : String(original)}`,
  );
  return { ...formatted, message: 'Internal server error' };
}

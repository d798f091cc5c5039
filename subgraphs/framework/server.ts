/**
 * Wiring of the provincial framework subgraph: its database, the contract SDL
 * from schema/framework.graphql, resolvers, per-request loaders and caller
 * identity, and a /health route. Used by index.ts, the local launcher and the
 * tests.
 */
import { ApolloServer } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { sql } from 'drizzle-orm';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { serveGraphQL, type RunningHttpServer } from '../../runtime/http.js';
import { loadSchemaDocument } from '../../runtime/schemaFiles.js';
import { bearerToken } from '../../runtime/bearerToken.js';
import { checkSecrets, identifyCaller, type Caller } from './authorization.js';
import type { Context } from './context.js';
import { openFrameworkDatabase } from './db/connection.js';
import { createLoaders } from './loaders.js';
import { resolvers } from './resolvers.js';
import { checkThroughGateway } from './recognition/gatewayCheck.js';
import { institutionOfKey, looksLikeRecognitionKey } from './recognition/keys.js';
import { DeadlineExceededError, withDeadline } from '../../runtime/withDeadline.js';

/** How long GET /health waits for the database before answering 503. */
const healthDeadlineMs = 2_000;

export interface FrameworkSubgraphOptions {
  databaseUrl: string;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** Bearer token the province sends for registry writes. */
  provinceApiKey: string;
  /** Bearer token the gateway sends to read `institutionRegistry`. */
  registryToken: string;
  /** Called with every SQL statement sent to PostgreSQL, e.g. to count round-trips. */
  onQuery?: (sql: string) => void;
  log?: (message: string) => void;
  /**
   * Where the gateway is, for writes that check micro-credentials exist. A
   * function because the local directory starts the gateway after the
   * framework; undefined (or a function returning undefined) makes those writes
   * fail with GATEWAY_UNAVAILABLE.
   */
  gatewayUrl?: () => string | undefined;
}

export async function startFrameworkSubgraph(options: FrameworkSubgraphOptions): Promise<RunningHttpServer> {
  process.env.APOLLO_TELEMETRY_DISABLED ??= '1';
  const secrets = { provinceApiKey: options.provinceApiKey, registryToken: options.registryToken };
  checkSecrets(secrets);
  const log = options.log ?? ((message: string) => console.error(message));
  const schema = buildSubgraphSchema([
    { typeDefs: loadSchemaDocument('framework'), resolvers: resolvers as GraphQLResolverMap<Context> },
  ]);
  const { db, close } = openFrameworkDatabase(options.databaseUrl, { onQuery: options.onQuery });
  const checkMicroCredentials = checkThroughGateway(options.gatewayUrl ?? (() => undefined));
  try {
    return await serveGraphQL<Context>({
      port: options.port,
      host: options.host,
      createApollo: (drain) =>
        new ApolloServer<Context>({
          schema,
          plugins: [drain, ApolloServerPluginInlineTraceDisabled()],
          introspection: true,
          includeStacktraceInErrorResponses: false,
          // The entry point owns SIGINT/SIGTERM, so a stop is never started twice.
          stopOnTerminationSignals: false,
          formatError: (formatted, error) => hideInternals(formatted, error, log),
        }),
      context: async ({ req }) => {
        let caller: Caller = identifyCaller(req.headers.authorization, secrets);
        let institution: string | null = null;
        const token = bearerToken(req.headers.authorization);
        // Only tokens shaped like recognition keys cost a lookup.
        if (caller === 'UNRECOGNISED' && token !== undefined && looksLikeRecognitionKey(token)) {
          institution = await institutionOfKey(db, token);
          if (institution !== null) caller = 'INSTITUTION';
        }
        return { db, loaders: createLoaders(db), caller, institution, checkMicroCredentials };
      },
      routes: (app) => {
        app.get('/health', async (_req, res) => {
          // Answers within its own deadline even while the database hangs (a health check must not).
          try {
            await withDeadline(db.execute(sql`select 1`), healthDeadlineMs);
            res.json({ status: 'UP' });
          } catch (error) {
            const problem = error instanceof DeadlineExceededError ? 'database too slow' : 'database unreachable';
            res.status(503).json({ status: 'DOWN', problem });
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
  log: (message: string) => void,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR' || original instanceof GraphQLError) return formatted;
  log(`framework: ${original instanceof Error ? (original.stack ?? original.message) : String(original)}`);
  return { ...formatted, message: 'Internal server error' };
}

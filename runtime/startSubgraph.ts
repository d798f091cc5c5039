/**
 * How every subgraph of the directory is served: one Apollo server at /graphql with the same
 * options everywhere (no inline traces, no stack traces, internal errors hidden and logged,
 * termination owned by the entry point), a /health route, and Apollo telemetry off.
 * The deployable supplies what is its own: schema, resolvers, context, health check, extra routes.
 */
import { ApolloServer, type ApolloServerPlugin, type BaseContext, type ContextFunction } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import type { ExpressContextFunctionArgument } from '@as-integrations/express5';
import type { Express } from 'express';
import { type DocumentNode, GraphQLError, type GraphQLFormattedError } from 'graphql';
import { disableApolloTelemetry } from './apolloTelemetry.js';
import { type RunningHttpServer, serveGraphQL } from './http.js';
import { subgraphSchema } from './subgraphSchema.js';
import { DeadlineExceededError, withDeadline } from './withDeadline.js';

export interface HealthReport {
  /** 200 unless given; 503 tells load balancers and the gateway's probe to look elsewhere. */
  status?: number;
  body: Record<string, unknown>;
}

export interface SubgraphOptions<TContext extends BaseContext> {
  /** Names the subgraph in logged internal errors, e.g. `catalogue humber`. */
  name: string;
  typeDefs: DocumentNode;
  /** Codegen's typed resolver map (subgraphSchema.ts). */
  resolvers: object;
  port: number;
  host?: string;
  context: ContextFunction<[ExpressContextFunctionArgument], TContext>;
  health(): Promise<HealthReport>;
  /** Plugins of the subgraph's own, after the ones every subgraph has. */
  plugins?: ApolloServerPlugin<TContext>[];
  /** Further routes (admin, readiness), mounted before /graphql. */
  routes?(app: Express): void;
  log(message: string): void;
  onStop?(): Promise<void>;
}

export async function startSubgraph<TContext extends BaseContext>(
  options: SubgraphOptions<TContext>,
): Promise<RunningHttpServer> {
  disableApolloTelemetry();
  const schema = subgraphSchema(options.typeDefs, options.resolvers);
  return serveGraphQL<TContext>({
    port: options.port,
    host: options.host,
    createApollo: (drain) =>
      new ApolloServer<TContext>({
        schema,
        // Nothing reads federated traces (no Apollo usage reporting) or cache hints (the gateway's cache is
        // invalidated by change feeds, not TTLs); both hook every resolved field of every request.
        plugins: [
          drain,
          ApolloServerPluginInlineTraceDisabled(),
          ApolloServerPluginCacheControlDisabled(),
          ...(options.plugins ?? []),
        ],
        introspection: true,
        // A public API: stack traces help attackers, not clients.
        includeStacktraceInErrorResponses: false,
        // The entry point (or npm start) owns SIGINT/SIGTERM, so a stop is never started twice.
        stopOnTerminationSignals: false,
        formatError: (formatted, error) => hideInternals(formatted, error, options.name, options.log),
      }),
    context: options.context,
    routes: (app) => {
      app.get('/health', async (_req, res) => {
        const report = await options.health();
        res.status(report.status ?? 200).json(report.body);
      });
      options.routes?.(app);
    },
    onStop: options.onStop,
  });
}

const healthDeadlineMs = 2_000;

/**
 * A database-backed subgraph's health: UP when `ping` answers within its own deadline, DOWN (503)
 * with the reason otherwise, so a health check answers even while the database hangs.
 */
export async function databaseHealth(
  ping: () => Promise<unknown>,
  details: Record<string, unknown> = {},
): Promise<HealthReport> {
  try {
    await withDeadline(ping(), healthDeadlineMs);
    return { body: { status: 'UP', ...details } };
  } catch (error) {
    const problem = error instanceof DeadlineExceededError ? 'database too slow' : 'database unreachable';
    return { status: 503, body: { status: 'DOWN', ...details, problem } };
  }
}

/** Client mistakes keep their message; anything unexpected (a database error, a bug) is logged, not shown. */
function hideInternals(
  formatted: GraphQLFormattedError,
  error: unknown,
  name: string,
  log: (message: string) => void,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR' || original instanceof GraphQLError) return formatted;
  log(`${name}: ${original instanceof Error ? (original.stack ?? original.message) : String(original)}`);
  return { ...formatted, message: 'Internal server error' };
}

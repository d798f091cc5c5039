/**
 * Wiring of the provincial framework subgraph: its database, the contract SDL
 * from schema/framework.graphql, resolvers, per-request loaders and caller
 * identity, and a /health route. Used by index.ts, the local launcher and the
 * tests.
 */
import { sql } from 'drizzle-orm';
import type { RunningHttpServer } from '../../runtime/http.js';
import { databaseHealth, startSubgraph } from '../../runtime/startSubgraph.js';
import { loadSchemaDocument } from '../../runtime/schemaFiles.js';
import { bearerToken } from '../../runtime/bearerToken.js';
import { checkSecrets, identifyCaller, type Caller } from './authorization.js';
import type { Context } from './context.js';
import { requestLanguage } from '../../runtime/language.js';
import { openFrameworkDatabase } from './db/connection.js';
import { createLoaders } from './loaders.js';
import { resolvers } from './resolvers.js';
import { checkThroughGateway } from './recognition/gatewayCheck.js';
import { institutionOfKey, looksLikeRecognitionKey } from './recognition/keys.js';
import { endorserOfKey, looksLikeEndorserKey } from './trustMarks/endorserKeys.js';

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
  const secrets = { provinceApiKey: options.provinceApiKey, registryToken: options.registryToken };
  checkSecrets(secrets);
  const { db, close } = openFrameworkDatabase(options.databaseUrl, { onQuery: options.onQuery });
  const checkMicroCredentials = checkThroughGateway(options.gatewayUrl ?? (() => undefined));
  try {
    return await startSubgraph<Context>({
      name: 'framework',
      typeDefs: loadSchemaDocument('framework'),
      resolvers,
      port: options.port,
      host: options.host,
      context: async ({ req }) => {
        let caller: Caller = identifyCaller(req.headers.authorization, secrets);
        let institution: string | null = null;
        let endorser: string | null = null;
        const token = bearerToken(req.headers.authorization);
        // Only tokens shaped like recognition or endorser keys cost a lookup.
        if (caller === 'UNRECOGNISED' && token !== undefined && looksLikeRecognitionKey(token)) {
          institution = await institutionOfKey(db, token);
          if (institution !== null) caller = 'INSTITUTION';
        }
        if (caller === 'UNRECOGNISED' && token !== undefined && looksLikeEndorserKey(token)) {
          endorser = await endorserOfKey(db, token);
          if (endorser !== null) caller = 'ENDORSER';
        }
        return {
          db,
          loaders: createLoaders(db),
          caller,
          institution,
          endorser,
          checkMicroCredentials,
          language: requestLanguage(req.headers),
        };
      },
      health: () => databaseHealth(() => db.execute(sql`select 1`)),
      log: options.log ?? ((message: string) => console.error(message)),
      onStop: close,
    });
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Wiring of one institution's catalogue subgraph: its database, the contract
 * SDL from schema/catalogue.graphql, resolvers, per-request loaders, and a
 * /health route. Used by index.ts, the local launcher and the tests.
 */
import { sql } from 'drizzle-orm';
import { isInstitutionCode } from '../../runtime/config.js';
import type { RunningHttpServer } from '../../runtime/http.js';
import { databaseHealth, startSubgraph } from '../../runtime/startSubgraph.js';
import { loadSchemaDocument } from '../../runtime/schemaFiles.js';
import { withoutOptionalParts, type OptionalPart } from '../../runtime/catalogueOptionalParts.js';
import type { Context } from './context.js';
import { requestLanguage } from '../../runtime/language.js';
import { osapClaimCheck, provinceOsapExceptions } from './osapClaim.js';
import type { OfficialLanguage } from './criticalInformation.js';
import { openCatalogueDatabase } from './db/connection.js';
import { authenticateApiKey, type ApiKeyCaller } from './db/apiKeys.js';
import { bearerToken } from '../../runtime/bearerToken.js';
import { createLoaders } from './loaders.js';
import { resolvers } from './resolvers.js';

export interface CatalogueSubgraphOptions {
  /** The institution this server answers for, e.g. `humber`. */
  institution: string;
  /** Official languages the institution teaches in; FR turns empty French text into a publishing warning. Default EN. */
  institutionLanguages?: readonly OfficialLanguage[];
  databaseUrl: string;
  /**
   * Optional parts of the contract this institution does not implement
   * (runtime/catalogueOptionalParts.ts), e.g. `outcomes`: left out of the SDL it
   * serves, so the directory shows them as not reported for it. Default none.
   */
  optionalPartsLeftOut?: readonly OptionalPart[];
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** Called with every SQL statement sent to PostgreSQL, e.g. to count round-trips. */
  onQuery?: (sql: string) => void;
  log?: (message: string) => void;
  /**
   * The directory's public GraphQL endpoint (the gateway), where publishing
   * reads the province's OSAP exceptions (osapClaim.ts). A function because the
   * local directory starts the gateway after the catalogues; undefined refuses
   * OSAP claims outside the rules, since no exception can be confirmed.
   */
  provinceGraphqlUrl?: () => string | undefined;
}

export async function startCatalogueSubgraph(options: CatalogueSubgraphOptions): Promise<RunningHttpServer> {
  const { institution } = options;
  if (!isInstitutionCode(institution)) {
    throw new Error(`institution must be a lower-case institution code like "humber", got "${institution}"`);
  }
  const { db, close } = openCatalogueDatabase(options.databaseUrl, { onQuery: options.onQuery });
  const checkOsapClaims = osapClaimCheck(
    institution,
    provinceOsapExceptions(options.provinceGraphqlUrl ?? (() => undefined)),
  );
  try {
    // Fail at start, not on the first request, when the database is unreachable.
    await db.execute(sql`select 1`);
    return await startSubgraph<Context>({
      name: `catalogue ${institution}`,
      typeDefs: withoutOptionalParts(loadSchemaDocument('catalogue'), options.optionalPartsLeftOut ?? []),
      resolvers,
      port: options.port,
      host: options.host,
      context: async ({ req }) => {
        const token = bearerToken(req.headers.authorization);
        let caller: Promise<ApiKeyCaller | null> | undefined;
        return {
          institution,
          institutionLanguages: options.institutionLanguages ?? ['EN'],
          db,
          loaders: createLoaders(db),
          language: requestLanguage(req.headers),
          caller: () => (caller ??= token ? authenticateApiKey(db, institution, token) : Promise.resolve(null)),
          checkOsapClaims,
        };
      },
      health: () => databaseHealth(() => db.execute(sql`select 1`), { institution }),
      log: options.log ?? ((message: string) => console.error(message)),
      onStop: close,
    });
  } catch (error) {
    await close();
    throw error;
  }
}

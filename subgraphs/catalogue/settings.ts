/** A catalogue subgraph's settings, read and checked from its environment before anything starts. */
import { httpPort, institutionCode, optionalString, url } from '../../runtime/config.js';

function provinceGraphqlUrl(env: Record<string, string | undefined>): (() => string) | undefined {
  if (!env.PROVINCE_GRAPHQL_URL) return undefined;
  const value = url(env, 'PROVINCE_GRAPHQL_URL', ['http:', 'https:']);
  return () => value;
}

export function catalogueSettings(env: Record<string, string | undefined>) {
  return {
    institution: institutionCode(env, 'INSTITUTION_CODE'),
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    port: httpPort(env, 'PORT', 4101),
    host: optionalString(env, 'HOST'),
    /** The directory's public GraphQL endpoint, where publishing reads the province's OSAP exceptions (osapClaim.ts). */
    provinceGraphqlUrl: provinceGraphqlUrl(env),
  };
}

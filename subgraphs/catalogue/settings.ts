/** A catalogue subgraph's settings, read and checked from its environment before anything starts. */
import { httpPort, institutionCode, optionalString, url } from '../../runtime/config.js';

export function catalogueSettings(env: Record<string, string | undefined>) {
  return {
    institution: institutionCode(env, 'INSTITUTION_CODE'),
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    port: httpPort(env, 'PORT', 4101),
    host: optionalString(env, 'HOST'),
  };
}

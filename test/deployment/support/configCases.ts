/**
 * The configuration mistakes every deployment test checks: [service in docker-compose.yml, what is
 * broken, the change to its environment, the one line expected on stderr]. Each case starts from a
 * service's environment in docker-compose.yml (secrets from .env.example) and breaks one variable.
 */
import { readComposeFile, readDockerfile } from './deploymentFiles.js';

export const compose = readComposeFile();
export const image = readDockerfile();

export type ConfigCase = [string, string, Record<string, string | undefined>, RegExp];

/** A service's environment from docker-compose.yml with `changes` applied (undefined removes a variable). */
export function environmentOf(
  service: string,
  changes: Record<string, string | undefined>,
): Record<string, string | undefined> {
  const found = compose.services.get(service);
  if (!found) throw new Error(`docker-compose.yml has no service "${service}"`);
  const environment: Record<string, string | undefined> = { ...found.environment, ...changes };
  for (const [key, value] of Object.entries(changes)) if (value === undefined) delete environment[key];
  return environment;
}

export const firstCatalogue = [...compose.services.values()].find(
  (service) => service.environment.ROLE === 'catalogue',
)!.name;

/**
 * [service, what is broken, the change, the one line expected on stderr].
 * Sample data (SAMPLE_DATA, SAMPLE_INSTITUTIONS) is loaded by the image's
 * launcher before the entry point reads its own settings, and that needs the
 * database; cases about the entry point's settings leave it out.
 */
const withoutSampleData = { SAMPLE_DATA: undefined, SAMPLE_INSTITUTIONS: undefined };
export const cases: ConfigCase[] = [
  [
    firstCatalogue,
    'INSTITUTION_CODE missing',
    { INSTITUTION_CODE: undefined },
    /^Configuration error: INSTITUTION_CODE is required but not set$/,
  ],
  [
    firstCatalogue,
    'DATABASE_URL not PostgreSQL',
    { DATABASE_URL: 'mysql://db/catalogue' },
    /^Configuration error: DATABASE_URL must use postgres: or postgresql:/,
  ],
  [
    firstCatalogue,
    'PORT out of range',
    { PORT: '70000', ...withoutSampleData },
    /^Configuration error: PORT must be a port number from 0 to 65535, got "70000"$/,
  ],
  [
    firstCatalogue,
    'INSTITUTION_CODE not an institution code',
    { INSTITUTION_CODE: 'Not Valid', ...withoutSampleData },
    /^Configuration error: INSTITUTION_CODE must be a lower-case institution code like "humber", got "Not Valid"$/,
  ],
  [
    'framework',
    'PROVINCE_API_KEY missing',
    { PROVINCE_API_KEY: undefined, ...withoutSampleData },
    /^Configuration error: PROVINCE_API_KEY is required but not set$/,
  ],
  [
    'framework',
    'REGISTRY_TOKEN equal to the province key',
    { REGISTRY_TOKEN: 'same-secret-1234', PROVINCE_API_KEY: 'same-secret-1234', ...withoutSampleData },
    /^Configuration error: REGISTRY_TOKEN must differ from PROVINCE_API_KEY$/,
  ],
  [
    'gateway',
    'FRAMEWORK_URL missing',
    { FRAMEWORK_URL: undefined },
    /^Configuration error: FRAMEWORK_URL is required but not set$/,
  ],
  [
    'gateway',
    'INSTITUTION_TIMEOUT_MS not a number',
    { INSTITUTION_TIMEOUT_MS: '3s' },
    /^Configuration error: INSTITUTION_TIMEOUT_MS must be a positive whole number, got "3s"$/,
  ],
  [
    'search',
    'GATEWAY_URL missing',
    { GATEWAY_URL: undefined },
    /^Configuration error: GATEWAY_URL is required but not set$/,
  ],
  ['search', 'MEILI_HOST not a URL', { MEILI_HOST: 'meilisearch' }, /^Configuration error: MEILI_HOST must be a URL/],
];

/** Settings only the image's launcher and one-off commands read. */
export const launcherCases: ConfigCase[] = [
  [
    firstCatalogue,
    'SAMPLE_DATA not a boolean',
    { SAMPLE_DATA: 'yes' },
    /^Configuration error: SAMPLE_DATA must be "true" or "false", got "yes"$/,
  ],
  [
    'framework',
    'SAMPLE_INSTITUTIONS naming an unknown institution',
    { SAMPLE_INSTITUTIONS: 'nowhere=http://x:1/graphql' },
    /^Configuration error: SAMPLE_INSTITUTIONS must list code=url pairs of sample institutions/,
  ],
  [
    'gateway',
    'ROLE missing',
    { ROLE: undefined },
    /^Configuration error: ROLE is required but not set: one of gateway, framework, catalogue, search$/,
  ],
  [
    'gateway',
    'ROLE unknown',
    { ROLE: 'indexer' },
    /^Configuration error: ROLE must be one of gateway, framework, catalogue, search, got "indexer"$/,
  ],
  [
    'databases',
    'DATABASE_URLS with a short password',
    { DATABASE_URLS: 'postgres://framework:short@postgres:5432/framework' },
    /^Configuration error: DATABASE_URLS needs a password of at least 12 characters in "postgres:\/\/framework:\*\*\*@postgres:5432\/framework"$/,
  ],
  [
    'databases',
    'POSTGRES_ADMIN_URL missing',
    { POSTGRES_ADMIN_URL: undefined },
    /^Configuration error: POSTGRES_ADMIN_URL is required but not set$/,
  ],
];

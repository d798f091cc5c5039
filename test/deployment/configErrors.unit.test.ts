/**
 * Every configuration mistake of support/configCases.ts, checked in-process along the same path the
 * image's command takes: the launcher reads ROLE and the sample-data settings, then the role's own
 * settings are read. configErrors.test.ts runs one case per role as a real process.
 */
import { describe, expect, it } from 'vitest';
import { databaseAccountFromUrl } from '../../cli/databaseProvisioning.js';
import { readRole } from '../../cli/roles.js';
import { prepareSampleData } from '../../cli/sampleData.js';
import { gatewaySettings } from '../../gateway/settings.js';
import { ConfigError, url } from '../../runtime/config.js';
import { catalogueSettings } from '../../subgraphs/catalogue/settings.js';
import { frameworkSettings } from '../../subgraphs/framework/settings.js';
import { searchSettings } from '../../subgraphs/search/settings.js';
import { cases, environmentOf, launcherCases } from './support/configCases.js';

type Env = Record<string, string | undefined>;

const settingsOf = {
  gateway: gatewaySettings,
  framework: frameworkSettings,
  catalogue: catalogueSettings,
  search: searchSettings,
};

/** What the image's command does before it serves, without serving. */
async function startUp(service: string, env: Env): Promise<void> {
  if (service === 'databases') {
    url(env, 'POSTGRES_ADMIN_URL', ['postgres:', 'postgresql:']);
    for (const raw of (env.DATABASE_URLS ?? '').split(/\s+/)) databaseAccountFromUrl('DATABASE_URLS', raw);
    return;
  }
  const role = readRole(undefined, env);
  await prepareSampleData(role, env);
  settingsOf[role](env);
}

async function configurationMessage(service: string, env: Env): Promise<string> {
  try {
    await startUp(service, env);
  } catch (error) {
    if (error instanceof ConfigError) return `Configuration error: ${error.message}`;
    throw error;
  }
  throw new Error('started without a configuration error');
}

describe('a missing or invalid setting is refused with one message naming it', () => {
  it.each([...cases, ...launcherCases])('%s: %s', async (service, _what, changes, message) => {
    expect(await configurationMessage(service, environmentOf(service, changes))).toMatch(message);
  });

  it.each(['gateway', 'framework', 'search'])('%s: the unbroken environment is accepted', async (service) => {
    const env = environmentOf(service, { SAMPLE_DATA: undefined, SAMPLE_INSTITUTIONS: undefined });
    const role = readRole(undefined, env);
    expect(() => settingsOf[role](env)).not.toThrow();
  });
});

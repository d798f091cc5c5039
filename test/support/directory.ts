import { randomBytes } from 'node:crypto';
import { inject, onTestFinished } from 'vitest';
import { clusterAt } from '../../runtime/postgres.js';
import { sampleInstitutions } from '../../seed/institutions.js';
import { startLocalDirectory, type LocalDirectory, type LocalDirectoryOptions } from '../../cli/localDirectory.js';
import { directoryTemplates } from './databaseTemplates.js';

export const provinceApiKey = 'test-province-key';
export const registryToken = 'test-registry-token';

/**
 * The real directory (the same wiring `npm start` uses) for the given sample
 * institutions, on the suite's PostgreSQL with databases of its own and
 * ephemeral ports. Registry refresh and timeouts are short so tests see
 * changes quickly.
 */
export async function startTestDirectory(options: {
  institutions: string[];
  entriesPerInstitution?: number;
  institutionTimeoutMs?: number;
  search?: LocalDirectoryOptions['search'];
  responseCache?: LocalDirectoryOptions['responseCache'];
  catalogueThread?: boolean;
}): Promise<LocalDirectory> {
  const institutions = options.institutions.map((code) => {
    const found = sampleInstitutions.find((institution) => institution.code === code);
    if (!found) throw new Error(`no sample institution "${code}"`);
    return found;
  });
  return startLocalDirectory({
    cluster: clusterAt(inject('postgresAdminUrl')),
    databasePrefix: `t${randomBytes(3).toString('hex')}_`,
    institutions,
    entriesPerInstitution: options.entriesPerInstitution ?? 12,
    gatewayPort: 0,
    frameworkPort: 0,
    cataloguePortBase: 0,
    provinceApiKey,
    registryToken,
    registryRefreshMs: 200,
    institutionTimeoutMs: options.institutionTimeoutMs ?? 1_500,
    failureCooldownMs: 100,
    search: options.search,
    catalogueThread: options.catalogueThread,
    // Writes made straight to a catalogue show through the gateway within one watch interval.
    responseCache: { watchIntervalMs: 250, ...options.responseCache },
    // Each database a copy of one filled once per run (databaseTemplates.ts).
    databaseTemplates: directoryTemplates,
  });
}

/**
 * Stops an institution's catalogue server for the rest of the current test; it runs again once the
 * test ends, whatever the outcome, so a failure never leaves the next test without it. A test that
 * checks the recovery starts it itself (directory.startInstitution) and nothing more happens here.
 */
export async function stopInstitutionDuringTest(directory: LocalDirectory, code: string): Promise<void> {
  await directory.stopInstitution(code);
  onTestFinished(async () => {
    if (!directory.catalogues.has(code)) await directory.startInstitution(code);
  });
}

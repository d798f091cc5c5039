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
 * ephemeral ports. Timeouts are short so tests of failures are quick; the
 * registry and the response cache's sources are read every second (the
 * defaults are 5 s and 500 ms) so tests see changes made behind the gateway's
 * back soon, while an idle directory costs little CPU: one with three
 * institutions used 8% of a core doing nothing when both were read every
 * 200–250 ms, and 2.5% at one second.
 */
export async function startTestDirectory(options: {
  institutions: string[];
  entriesPerInstitution?: number;
  institutionTimeoutMs?: number;
  search?: LocalDirectoryOptions['search'];
  responseCache?: LocalDirectoryOptions['responseCache'];
  catalogueThread?: boolean;
  /** For a file that waits on /health to notice a change (the gateway's 2 s when unset). */
  healthProbeIntervalMs?: number;
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
    registryRefreshMs: 1_000,
    institutionTimeoutMs: options.institutionTimeoutMs ?? 1_500,
    failureCooldownMs: 100,
    healthProbeIntervalMs: options.healthProbeIntervalMs,
    search: options.search,
    catalogueThread: options.catalogueThread,
    // Writes made straight to a catalogue show through the gateway within one watch interval;
    // a test that must see one sooner calls directory.gateway.responseCache.poll().
    responseCache: { watchIntervalMs: 1_000, ...options.responseCache },
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

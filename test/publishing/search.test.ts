/**
 * A sunset entry keeps its search hit (with includeSunset) and the hit still
 * resolves through the gateway, with status SUNSET: links held by evaluators
 * and learners do not break.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LocalDirectory } from '../../cli/localDirectory.js';
import { startTestDirectory } from '../support/directory.js';
import { apiKeyFor, asCaller, sampleInputs } from './support.js';

let directory: LocalDirectory;
let indexDir: string;
let key: string;
const word = 'Zephyrology';
const [base] = sampleInputs('georgian', 1, 21);
const input = { ...base!, slug: 'zephyrology-essentials', externalCode: 'ZEPH-100', title: `${word} essentials` };
const id = 'georgian:zephyrology-essentials';

beforeAll(async () => {
  indexDir = await mkdtemp(join(tmpdir(), 'publishing-search-'));
  directory = await startTestDirectory({
    institutions: ['georgian'],
    entriesPerInstitution: 3,
    search: { port: 0, indexDir, indexIntervalMs: 150 },
  });
  key = await apiKeyFor(directory.catalogueDatabaseUrl('georgian'), 'georgian');
});
afterAll(async () => {
  await directory?.stop();
  if (indexDir) await rm(indexDir, { recursive: true, force: true });
});

const search = `{ searchMicroCredentials(query: "${word}", filter: { includeSunset: true }) {
  hits { microCredential { id status sunsetReason title } } } }`;

async function hitsUntil(predicate: (hits: any[]) => boolean): Promise<any[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const result = await asCaller(directory.gateway.url)(search);
    const hits = result.data?.searchMicroCredentials?.hits ?? [];
    if (predicate(hits)) return hits;
    if (Date.now() > deadline) throw new Error(`search never matched: ${JSON.stringify(result)}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

it('keeps a sunset entry findable and resolvable through the gateway', async () => {
  const call = asCaller(directory.gateway.url, key);
  const payload = 'problems { code } microCredential { version }';
  await call(
    `mutation ($input: MicroCredentialInput!) { createMicroCredentialDraft(institution: "georgian", input: $input) { ${payload} } }`,
    { input },
  );
  const published = await call(`mutation { publishMicroCredential(id: "${id}", expectedVersion: 1) { ${payload} } }`);
  expect(published.data.publishMicroCredential.problems).toEqual([]);
  await hitsUntil((hits) =>
    hits.some((hit) => hit.microCredential?.id === id && hit.microCredential.status === 'ACTIVE'),
  );

  const sunset = await call(
    `mutation { sunsetMicroCredential(id: "${id}", expectedVersion: 1, reason: "Merged into a program", effectiveDate: "2027-12-31") { ${payload} } }`,
  );
  expect(sunset.data.sunsetMicroCredential.problems).toEqual([]);
  const hits = await hitsUntil((found) => found.some((hit) => hit.microCredential?.status === 'SUNSET'));
  expect(hits.map((hit) => hit.microCredential)).toContainEqual({
    id,
    status: 'SUNSET',
    sunsetReason: 'Merged into a program',
    title: `${word} essentials`,
  });
}, 30_000);

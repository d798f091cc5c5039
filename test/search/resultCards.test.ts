/**
 * Result cards come from the search index, not from the institutions: they
 * must say what the owner says, and follow a publish made at the institution
 * (not through the gateway) within 2 s, through the gateway's response cache,
 * with the indexer and the cache at their production intervals.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LocalDirectory } from '../../cli/localDirectory.js';
import { startTestDirectory } from '../support/directory.js';
import { apiKeyFor, asCaller } from '../publishing/support.js';

let directory: LocalDirectory;
let indexDir: string;
let humberKey: string;

beforeAll(async () => {
  indexDir = await mkdtemp(join(tmpdir(), 'result-cards-'));
  // No indexIntervalMs: the default is what is tested.
  directory = await startTestDirectory({
    institutions: ['humber', 'seneca'],
    entriesPerInstitution: 4,
    search: { port: 0, indexDir },
    responseCache: { watchIntervalMs: 500 },
  });
  humberKey = await apiKeyFor(directory.catalogueDatabaseUrl('humber'), 'humber');
});
afterAll(async () => {
  await directory?.stop();
  if (indexDir) await rm(indexDir, { recursive: true, force: true });
});

const cardsQuery = `{ searchMicroCredentials(filter: { institutions: ["humber"] }, pageSize: 100) {
  hits {
    microCredential { id }
    card {
      title titleFr institutionCode institutionName instructionalHours deliveryMode
      priceCad { min max } nextStartDate url osapEligible oqfBand status
    }
  }
} }`;

async function cards(): Promise<Map<string, any>> {
  const result = await asCaller(directory.gateway.url)(cardsQuery);
  expect(result.errors).toBeUndefined();
  return new Map(result.data.searchMicroCredentials.hits.map((hit: any) => [hit.microCredential.id, hit.card]));
}

it('every card says what the owning institution and the framework say', async () => {
  const found = await cards();
  expect(found.size).toBe(4);
  const today = new Date().toISOString().slice(0, 10);
  for (const [id, card] of found) {
    const owner = await asCaller(directory.gateway.url)(
      `query ($id: ID!) { microCredential(id: $id) {
        title titleFr url instructionalHours deliveryMode osapEligible status
        offerings { startDate priceCad } oqfAlignment { band } institution { code name }
      } }`,
      { id },
    );
    const entry = owner.data.microCredential;
    const upcoming = entry.offerings.filter((offering: any) => offering.startDate >= today);
    const priced = (upcoming.length ? upcoming : entry.offerings).map((offering: any) => offering.priceCad);
    expect(card).toEqual({
      title: entry.title,
      titleFr: entry.titleFr,
      institutionCode: entry.institution.code,
      institutionName: entry.institution.name,
      instructionalHours: entry.instructionalHours,
      deliveryMode: entry.deliveryMode,
      priceCad: priced.length ? { min: Math.min(...priced), max: Math.max(...priced) } : null,
      nextStartDate: upcoming.map((offering: any) => offering.startDate).sort()[0] ?? null,
      url: entry.url,
      osapEligible: entry.osapEligible,
      oqfBand: entry.oqfAlignment?.band ?? null,
      status: entry.status,
    });
  }
});

it('a card follows a publish at the institution within 2 s, through the response cache', async () => {
  const [id] = (await cards()).keys();
  await cards(); // cached now: the new title must get past the cache too
  const catalogue = asCaller(directory.catalogues.get('humber')!.url, humberKey);
  const title = `Renamed card ${Date.now()}`;
  const created = await catalogue(
    `mutation ($input: MicroCredentialInput!) { createMicroCredentialDraft(institution: "humber", input: $input) { draft { id version } problems { code } } }`,
    { input: { slug: id!.slice('humber:'.length), title } },
  );
  const draft = created.data.createMicroCredentialDraft.draft;
  expect(draft, JSON.stringify(created)).toBeTruthy();
  const published = await catalogue(
    `mutation ($id: ID!, $v: Int!) { publishMicroCredential(id: $id, expectedVersion: $v) { problems { code } } }`,
    { id: draft.id, v: draft.version },
  );
  expect(published.data.publishMicroCredential.problems).toEqual([]);
  const publishedAt = Date.now();
  for (;;) {
    if ((await cards()).get(id!)?.title === title) break;
    expect(Date.now() - publishedAt, 'card still shows the old title').toBeLessThan(2_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(Date.now() - publishedAt).toBeLessThan(2_000);
}, 30_000);

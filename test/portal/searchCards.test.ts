/**
 * The portal's search page shows each hit from its result card in the index,
 * so a page of results asks no institution: a hit whose institution is down
 * still shows in full. The directory runs its catalogues on their own thread,
 * as `npm start` does, so stopping and restarting an institution there is
 * covered too.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LocalDirectory } from '../../cli/localDirectory.js';
import { startTestDirectory, stopInstitutionDuringTest } from '../support/directory.js';

let directory: LocalDirectory;
let origin: string;

beforeAll(async () => {
  directory = await startTestDirectory({
    institutions: ['humber', 'algonquin'],
    search: { port: 0 },
    // What the page itself asks is under test, not what the response cache kept from before the outage.
    responseCache: { enabled: false },
    catalogueThread: true,
  });
  origin = directory.gateway.url.replace(/\/graphql$/, '');
});
afterAll(async () => {
  await directory?.stop();
});

async function searchPage(path: string): Promise<string> {
  const response = await fetch(`${origin}${path}`);
  expect(response.status).toBe(200);
  return response.text();
}

const algonquinCount = `{ institution(code: "algonquin") { microCredentials(first: 1) { totalCount } } }`;

async function algonquinTotal(): Promise<number | undefined> {
  const response = await fetch(directory.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: algonquinCount }),
  });
  const answer = (await response.json()) as {
    data?: { institution: { microCredentials: { totalCount: number } | null } | null };
  };
  return answer.data?.institution?.microCredentials?.totalCount;
}

it("shows a down institution's hits from their cards, with no notice and no unavailable card", async () => {
  const before = await searchPage('/?q=data+analytics');
  expect(before).toContain('href="/credentials/algonquin:');
  await stopInstitutionDuringTest(directory, 'algonquin');
  // The institution is really down: the gateway cannot list its entries.
  expect(await algonquinTotal()).toBeUndefined();
  const during = await searchPage('/?q=data+analytics');
  expect(during).toContain('href="/credentials/algonquin:');
  expect(during).toContain('Algonquin College');
  expect(during).not.toContain('not answering right now');
  expect(during).not.toContain('card-unavailable');
  // The same cards, in both languages' pages (the French name comes from the registry).
  const french = await searchPage('/fr/?q=donn%C3%A9es');
  expect(french).toContain('href="/fr/credentials/algonquin:');
  expect(french).not.toContain('card-unavailable');
  await directory.startInstitution('algonquin');
  // Restarted on its thread, on the same port: the gateway reaches it again.
  await expect.poll(algonquinTotal, { timeout: 10_000, interval: 200 }).toBeGreaterThan(0);
});

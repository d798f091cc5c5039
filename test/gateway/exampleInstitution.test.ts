/**
 * The example institution server (examples/minimal-institution), written from
 * the contract alone on another stack, works through the real gateway beside
 * a reference catalogue: listings, lookups with framework data, sunset
 * entries, invisible drafts, and owner-only reads with its own publishing key.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDirectory } from '../../cli/localDirectory.js';
import {
  loadExampleCatalogue,
  startExampleInstitution,
  type RunningExample,
} from '../../examples/minimal-institution/server.js';
import { startTestDirectory } from '../support/directory.js';
import { graphql } from '../support/graphql.js';
import { registerTestInstitution, waitUntilRouted } from '../support/registerInstitution.js';

const entries = loadExampleCatalogue();
const key = `mck_examplecollege_${randomBytes(4).toString('hex')}_${randomBytes(32).toString('base64url')}`;
let directory: LocalDirectory;
let example: RunningExample;

beforeAll(async () => {
  directory = await startTestDirectory({
    institutions: ['humber'],
    entriesPerInstitution: 4,
    institutionTimeoutMs: 5_000,
  });
  example = await startExampleInstitution({
    institution: 'examplecollege',
    entries,
    port: 0,
    publishingKeySha256: [createHash('sha256').update(key).digest('hex')],
  });
  await registerTestInstitution(directory.gateway.url, {
    code: 'examplecollege',
    name: 'Example College',
    subgraphUrl: example.url,
  });
  await waitUntilRouted(directory.gateway.url, 'examplecollege');
}, 60_000);
afterAll(async () => {
  await example?.stop();
  await directory?.stop();
});

const gateway = () => directory.gateway.url;
const publicEntries = entries.filter((entry) => entry.status !== 'DRAFT');

describe('the example institution through the gateway', () => {
  it('lists its public entries beside a reference catalogue, with no error', async () => {
    const result = await graphql(
      gateway(),
      `{ institutions { code name microCredentials(first: 10) { totalCount edges { node { id status institution { code } } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const byCode = Object.fromEntries(result.data.institutions.map((i: any) => [i.code, i]));
    expect(byCode.humber.microCredentials.totalCount).toBeGreaterThan(0);
    const listed = byCode.examplecollege.microCredentials;
    expect(listed.totalCount).toBe(publicEntries.length);
    expect(listed.edges.map((e: any) => e.node.id).sort()).toEqual(
      publicEntries.map((entry) => `examplecollege:${entry.slug}`).sort(),
    );
  });

  it('resolves an entry by id with framework data, and a sunset entry with status SUNSET', async () => {
    const sunset = entries.find((entry) => entry.status === 'SUNSET')!;
    const result = await graphql(
      gateway(),
      `query($a: ID!, $s: ID!) {
        a: microCredential(id: $a) { id title offerings { id priceCad } oqfAlignment { band } institution { code name } }
        s: microCredential(id: $s) { id status expiryDate sunsetReason }
      }`,
      { a: `examplecollege:${entries[0]!.slug}`, s: `examplecollege:${sunset.slug}` },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.a).toMatchObject({
      title: entries[0]!.title,
      institution: { code: 'examplecollege', name: 'Example College' },
    });
    expect(result.data.a.oqfAlignment.band).toEqual(expect.any(String));
    expect(result.data.s).toMatchObject({ status: 'SUNSET', expiryDate: sunset.expiryDate });
  });

  it('keeps its drafts invisible, and shows them to its own key, which the gateway forwards to it alone', async () => {
    const draft = entries.find((entry) => entry.status === 'DRAFT')!;
    const id = `examplecollege:${draft.slug}`;
    const query = `query($id: ID!) { microCredential(id: $id) { id } myMicroCredential(id: $id) { id status } }`;
    const anonymous = await graphql(gateway(), query, { id });
    expect(anonymous.data?.microCredential ?? null).toBeNull();
    expect(anonymous.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', institution: 'examplecollege' });
    const owner = await graphql(gateway(), query, { id }, { authorization: `Bearer ${key}` });
    expect(owner.errors).toBeUndefined();
    expect(owner.data).toEqual({ microCredential: null, myMicroCredential: { id, status: 'DRAFT' } });
  });
});

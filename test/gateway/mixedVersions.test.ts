/**
 * One federation, two contract versions: a reference catalogue on the current
 * contract (1.1) and the example institution still on 1.0, through the real
 * gateway over real HTTP on real PostgreSQL. One query asks both for a 1.1
 * field and 1.0 fields: the 1.0 data arrives intact, the 1.1 field is null
 * for the 1.0 institution, and no error hides anything. A write carrying 1.1
 * data to the 1.0 institution is refused with a code, never silently cut.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { LocalDirectory } from '../../cli/localDirectory.js';
import {
  loadExampleCatalogue,
  startExampleInstitution,
  type RunningExample,
} from '../../examples/minimal-institution/server.js';
import { startTestDirectory } from '../support/directory.js';
import { apiKeyFor, asCaller, sampleInputs } from '../publishing/support.js';
import { createMigratedCatalogueDatabase } from '../support/databaseTemplates.js';
import { generateCatalogue } from '../../seed/catalogue.js';
import { upsertEntries } from '../../subgraphs/catalogue/db/catalogueStore.js';
import { openCatalogueDatabase } from '../../subgraphs/catalogue/db/connection.js';
import { startCatalogueSubgraph } from '../../subgraphs/catalogue/server.js';
import { registerTestInstitution } from '../support/registerInstitution.js';
import { outcomesPart, type OptionalPart } from '../../runtime/catalogueOptionalParts.js';

const entries = loadExampleCatalogue();
const exampleKey = `mck_examplecollege_${randomBytes(4).toString('hex')}_${randomBytes(32).toString('base64url')}`;
const audience = {
  audience: 'Early-career analysts in health care',
  audienceFr: 'Analystes en début de carrière en santé',
};
const humberInput = { ...sampleInputs('humber', 1, 29)[0]!, ...audience };
humberInput.slug = `${humberInput.slug}-for-analysts`;
humberInput.externalCode = `AUD-${humberInput.externalCode}`;
const humberId = `humber:${humberInput.slug}`;
const exampleEntry = entries.find((entry) => entry.status === 'ACTIVE')!;
const exampleId = `examplecollege:${exampleEntry.slug}`;

let directory: LocalDirectory;
let example: RunningExample;
let humberKey: string;

beforeAll(async () => {
  directory = await startTestDirectory({
    institutions: ['humber'],
    entriesPerInstitution: 3,
    institutionTimeoutMs: 5_000,
    // Half of this file waits for a probe to notice a redeployment or a rollback (one to three probes
    // each): every 2 s, the gateway's default, the waits were most of the file's time.
    healthProbeIntervalMs: 250,
  });
  example = await startExampleInstitution({
    institution: 'examplecollege',
    entries,
    port: 0,
    publishingKeySha256: [createHash('sha256').update(exampleKey).digest('hex')],
  });
  await register('examplecollege', 'Example College', example.url);
  await waitForHealth('examplecollege', { status: 'UP' });
  // A 1.1 entry on the reference catalogue, written through the gateway with its audience.
  humberKey = await apiKeyFor(directory.catalogueDatabaseUrl('humber'), 'humber');
  const created = await asCaller(directory.gateway.url, humberKey)(
    `mutation($input: MicroCredentialInput!) { createMicroCredentialDraft(institution: "humber", input: $input) {
      draft { version content } problems { code path } } }`,
    { input: humberInput },
  );
  expect(created.errors).toBeUndefined();
  expect(created.data.createMicroCredentialDraft.draft.content).toMatchObject(audience);
  const published = await asCaller(directory.gateway.url, humberKey)(
    `mutation($id: ID!) { publishMicroCredential(id: $id, expectedVersion: 1) { problems { code path message } } }`,
    { id: humberId },
  );
  expect(published.errors).toBeUndefined();
  expect(published.data.publishMicroCredential.problems).toEqual([]);
}, 90_000);
afterAll(async () => {
  await example?.stop();
  await directory?.stop();
});

const gateway = () => directory.gateway.url;

async function register(code: string, name: string, subgraphUrl: string): Promise<void> {
  await registerTestInstitution(gateway(), { code, name, subgraphUrl });
  // Read at once rather than at the next refresh: this file is about versions, and the registry's own
  // refresh at runtime is test/gateway/isolation.test.ts's.
  await directory.gateway.registry.refresh();
}

/** A reference catalogue (contract 1.1) for `code` on a fresh database, serving entries with an audience. */
async function startReferenceCatalogue(code: string, port = 0, optionalPartsLeftOut: readonly OptionalPart[] = []) {
  const databaseUrl = await createMigratedCatalogueDatabase(`catalogue_${code}`);
  const served = generateCatalogue('humber', 2, 41).map((entry) => ({
    ...entry,
    status: 'ACTIVE' as const,
    ...audience,
  }));
  const store = openCatalogueDatabase(databaseUrl);
  await upsertEntries(store.db, served);
  await store.close();
  const server = await startCatalogueSubgraph({
    institution: code,
    databaseUrl,
    port,
    optionalPartsLeftOut,
    log: () => {},
  });
  onTestFinished(() => server.stop());
  return { server, served };
}

/** One address whose upstream can be switched without a moment's downtime, like a blue/green deployment. */
async function startSwitchableAddress(upstream: string) {
  let target = upstream;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const authorization = req.headers.authorization;
    const answer = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: Buffer.concat(chunks),
    });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    switchTo: (url: string) => {
      target = url;
    },
  };
}

/** Waits until /health shows `expected` for the institution `code`. */
async function waitForHealth(
  code: string,
  expected: { status?: string; contractVersion?: string; optionalPartsLeftOut?: string[] },
): Promise<void> {
  await vi.waitFor(
    async () => {
      const health = await (await fetch(new URL('/health', gateway()))).json();
      expect(health.institutions.find((i: { code: string }) => i.code === code)).toMatchObject(expected);
    },
    { timeout: 15_000, interval: 100 },
  );
}
type Versioned = { errors?: unknown; data?: any; extensions?: { contractVersions?: Record<string, string> } };
const ask = async (query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) =>
  (await (
    await fetch(gateway(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    })
  ).json()) as Versioned & { errors?: Array<{ message: string; extensions?: Record<string, any> }> };

describe('a federation mixing contract 1.1 and 1.0', () => {
  it("reports each institution's contract version in /health, as learned from the SDL it serves", async () => {
    const health = await (await fetch(new URL('/health', gateway()))).json();
    const versions = Object.fromEntries(
      health.institutions.map((i: { code: string; contractVersion?: string }) => [i.code, i.contractVersion]),
    );
    expect(versions).toEqual({ humber: '1.1', examplecollege: '1.0' });
  });

  it('answers one query across both: 1.0 data intact, the 1.1 fields null for the 1.0 institution, no error', async () => {
    const result = await ask(
      `query($h: ID!, $e: ID!) {
        h: microCredential(id: $h) { id title audience audienceFr oqfAlignment { band } }
        e: microCredential(id: $e) { id title prerequisites audience audienceFr oqfAlignment { band } institution { code name } }
        institutions { code microCredentials(first: 50) { edges { node { id title audience } } } }
      }`,
      { h: humberId, e: exampleId },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.h).toMatchObject({ id: humberId, title: humberInput.title, ...audience });
    expect(result.data.e).toMatchObject({
      id: exampleId,
      title: exampleEntry.title,
      prerequisites: exampleEntry.prerequisites,
      audience: null,
      audienceFr: null,
      institution: { code: 'examplecollege', name: 'Example College' },
    });
    expect(result.data.e.oqfAlignment.band).toEqual(expect.any(String));
    const listed = Object.fromEntries(
      result.data.institutions.map((i: any) => [i.code, i.microCredentials.edges.map((edge: any) => edge.node)]),
    );
    expect(listed.examplecollege.length).toBe(entries.filter((entry) => entry.status !== 'DRAFT').length);
    for (const node of listed.examplecollege) {
      expect(node.audience).toBeNull();
      expect(node.title).toBe(entries.find((entry) => `examplecollege:${entry.slug}` === node.id)?.title);
    }
    expect(listed.humber.find((node: any) => node.id === humberId)).toMatchObject({ audience: audience.audience });
    // One extension says who answered at 1.0.
    expect(result.extensions?.contractVersions).toEqual({ examplecollege: '1.0' });
  });

  it('adds no version note to an answer only from institutions on the current contract', async () => {
    const result = await ask(`query($h: ID!) { microCredential(id: $h) { id audience } }`, { h: humberId });
    expect(result.errors).toBeUndefined();
    expect(result.data.microCredential.audience).toBe(audience.audience);
    expect(result.extensions?.contractVersions).toBeUndefined();
  });

  it('refuses a write carrying 1.1 data to the 1.0 institution with CONTRACT_VERSION_UNSUPPORTED, and sends the rest', async () => {
    const create = `mutation($input: MicroCredentialInput!) {
      createMicroCredentialDraft(institution: "examplecollege", input: $input) { draft { id } } }`;
    const owner = { authorization: `Bearer ${exampleKey}` };
    const refused = await ask(create, { input: { slug: 'new-entry', title: 'New', audience: 'Adults' } }, owner);
    expect(refused.data?.createMicroCredentialDraft ?? null).toBeNull();
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors![0]!.extensions).toMatchObject({
      code: 'CONTRACT_VERSION_UNSUPPORTED',
      institution: 'examplecollege',
    });
    expect(refused.errors![0]!.message).toMatch(/contract 1\.0.*MicroCredentialInput\.audience.*nothing was sent/);

    // Without 1.1 data (or with it null) the write reaches the institution, which answers for itself.
    for (const input of [
      { slug: 'new-entry', title: 'New' },
      { slug: 'new-entry', title: 'New', audienceFr: null },
    ]) {
      const sent = await ask(create, { input }, owner);
      expect(sent.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', institution: 'examplecollege' });
      expect(sent.errors?.[0]?.message).toContain('accepts no writes');
    }
  });

  it('gives problem codes as the 1.1 enum from the 1.1 institution, and still reaches the 1.0 one with the same query', async () => {
    const publish = `mutation($id: ID!) { publishMicroCredential(id: $id, expectedVersion: 1) {
      problems { code problem path } } }`;
    // A second publication of humber's entry is refused in the payload, with a code the gateway checked against the enum.
    const again = await ask(publish, { id: humberId }, { authorization: `Bearer ${humberKey}` });
    expect(again.errors).toBeUndefined();
    const problems = again.data.publishMicroCredential.problems;
    expect(problems.length).toBeGreaterThan(0);
    for (const { code, problem } of problems) expect(problem).toBe(code);
    // The 1.0 institution is sent the operation without the enum field, so it answers for itself.
    const old = await ask(publish, { id: exampleId }, { authorization: `Bearer ${exampleKey}` });
    expect(old.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', institution: 'examplecollege' });
    expect(old.errors?.[0]?.message).toContain('accepts no writes');
  });

  it('asks a 1.1 institution that leaves the optional outcomes part out only for what it serves: outcomes null, no error', async () => {
    const { server, served } = await startReferenceCatalogue('quietcollege', 0, [outcomesPart]);
    await register('quietcollege', 'Quiet College', server.url);
    await waitForHealth('quietcollege', { status: 'UP', contractVersion: '1.1', optionalPartsLeftOut: ['outcomes'] });
    const quietId = `quietcollege:${served[0]!.slug}`;

    // One text for both entries: the rewrite cached for the one without outcomes must not reach the other.
    const query = `query($id: ID!) { microCredential(id: $id) { id title audience outcomes { period { label } } } }`;
    const quiet = await ask(query, { id: quietId });
    expect(quiet.errors).toBeUndefined();
    expect(quiet.data.microCredential).toEqual({
      id: quietId,
      title: served[0]!.title,
      audience: audience.audience,
      outcomes: null,
    });
    // The institution is on the current version: "not reported" is a normal answer, with no version note.
    expect(quiet.extensions?.contractVersions).toBeUndefined();
    const full = await ask(query, { id: humberId });
    expect(full.errors).toBeUndefined();
    expect(full.data.microCredential).toMatchObject({ id: humberId, outcomes: [] });

    // Both in one operation, and in a listing: each institution answers what it serves.
    const both = await ask(
      `query($q: ID!, $h: ID!) {
        q: microCredential(id: $q) { id outcomes { enrolments } }
        h: microCredential(id: $h) { id outcomes { enrolments } }
        institution(code: "quietcollege") { microCredentials(first: 5) { edges { node { id title outcomes { enrolments } } } } }
      }`,
      { q: quietId, h: humberId },
    );
    expect(both.errors).toBeUndefined();
    expect(both.data.q).toEqual({ id: quietId, outcomes: null });
    expect(both.data.h).toEqual({ id: humberId, outcomes: [] });
    const listed = both.data.institution.microCredentials.edges.map((edge: any) => edge.node);
    expect(listed).toHaveLength(served.length);
    for (const node of listed) expect(node).toMatchObject({ title: expect.any(String), outcomes: null });

    // Writing the part it lacks is refused before anything is sent, naming what it serves.
    const refused = await ask(
      `mutation { reportOutcomes(institution: "quietcollege", reports: []) { problems { code } } }`,
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'CONTRACT_VERSION_UNSUPPORTED',
      institution: 'quietcollege',
    });
    expect(refused.errors?.[0]?.message).toMatch(/contract 1\.1 without the optional outcomes part/);
  });

  it('follows an institution redeployed on 1.1 at the same address: its version in /health, then its 1.1 fields', async () => {
    const before = await startExampleInstitution({ institution: 'upgradecollege', entries, port: 0 });
    onTestFinished(() => before.stop());
    await register('upgradecollege', 'Upgrade College', before.url);
    await waitForHealth('upgradecollege', { status: 'UP', contractVersion: '1.0' });

    // Redeployed: the old server goes away, and the reference implementation (1.1) takes its address.
    await before.stop();
    await waitForHealth('upgradecollege', { status: 'DOWN' });
    const { served: upgraded } = await startReferenceCatalogue('upgradecollege', Number(new URL(before.url).port));
    await waitForHealth('upgradecollege', { status: 'UP', contractVersion: '1.1' });

    const result = await ask(`query($id: ID!) { microCredential(id: $id) { id title audience audienceFr } }`, {
      id: `upgradecollege:${upgraded[0]!.slug}`,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.microCredential).toMatchObject({ title: upgraded[0]!.title, ...audience });
    expect(result.extensions?.contractVersions).toBeUndefined();
  });

  it('follows an institution rolled back to 1.0 without downtime: a request it refuses makes the gateway look again', async () => {
    const { server: onCurrent } = await startReferenceCatalogue('rollbackcollege');
    const onOlder = await startExampleInstitution({ institution: 'rollbackcollege', entries, port: 0 });
    onTestFinished(() => onOlder.stop());
    const address = await startSwitchableAddress(onCurrent.url);
    await register('rollbackcollege', 'Rollback College', address.url);
    await waitForHealth('rollbackcollege', { status: 'UP', contractVersion: '1.1' });

    address.switchTo(onOlder.url);
    const id = `rollbackcollege:${exampleEntry.slug}`;
    // Its first answers refuse the 1.1 field; the gateway then checks its SDL again and cuts requests down to 1.0.
    await vi.waitFor(
      async () => {
        const result = await ask(`query($id: ID!) { microCredential(id: $id) { id title audience } }`, { id });
        expect(result.errors).toBeUndefined();
        expect(result.data.microCredential).toEqual({ id, title: exampleEntry.title, audience: null });
        expect(result.extensions?.contractVersions).toEqual({ rollbackcollege: '1.0' });
      },
      { timeout: 15_000, interval: 250 },
    );
    await waitForHealth('rollbackcollege', { status: 'UP', contractVersion: '1.0' });
  });
});

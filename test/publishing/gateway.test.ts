import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDirectory } from '../../cli/localDirectory.js';
import { startTestDirectory } from '../support/directory.js';
import { apiKeyFor, asCaller, payloadFields, sampleInputs } from './support.js';

let directory: LocalDirectory;
let humberKey: string;
let senecaKey: string;
// Renamed so they never collide with the sample entries the directory seeds.
const inputs = sampleInputs('humber', 3, 11).map((input) => ({
  ...input,
  slug: `${input.slug}-published`,
  externalCode: `PUB-${input.externalCode}`,
}));

beforeAll(async () => {
  directory = await startTestDirectory({ institutions: ['humber', 'seneca'], entriesPerInstitution: 4 });
  humberKey = await apiKeyFor(directory.catalogueDatabaseUrl('humber'), 'humber');
  senecaKey = await apiKeyFor(directory.catalogueDatabaseUrl('seneca'), 'seneca');
});
afterAll(async () => {
  await directory?.stop();
});

const gateway = (key?: string) => asCaller(directory.gateway.url, key);
const create = `mutation ($institution: ID!, $input: MicroCredentialInput!) {
  createMicroCredentialDraft(institution: $institution, input: $input) { ${payloadFields} } }`;
const publish = `mutation ($id: ID!, $v: Int!) { publishMicroCredential(id: $id, expectedVersion: $v) { ${payloadFields} } }`;

describe('publishing through the gateway', () => {
  it("routes each write to the owning institution, which refuses another institution's key", async () => {
    const input = inputs[0]!;
    const id = `humber:${input.slug}`;
    // seneca's key reaches humber's subgraph (the gateway routes by institution) and means nothing there.
    const foreign = await gateway(senecaKey)(create, { institution: 'humber', input });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const foreignById = await gateway(senecaKey)(publish, { id, v: 1 });
    expect(foreignById.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(foreign.data?.createMicroCredentialDraft ?? null).toBeNull();

    const created = await gateway(humberKey)(create, { institution: 'humber', input });
    expect(created.errors).toBeUndefined();
    expect(created.data.createMicroCredentialDraft.draft).toMatchObject({ id, version: 1 });
    const published = await gateway(humberKey)(publish, { id, v: 1 });
    expect(published.errors).toBeUndefined();
    expect(published.data.publishMicroCredential.problems).toEqual([]);
    expect(published.data.publishMicroCredential.microCredential).toMatchObject({ id, status: 'ACTIVE', version: 1 });

    // Nothing landed in seneca's catalogue.
    const seneca = await gateway()(`query ($id: ID!) { microCredential(id: $id) { id } }`, {
      id: `seneca:${input.slug}`,
    });
    expect(seneca.data.microCredential).toBeNull();
  });

  it('keeps a sunset entry resolvable with status SUNSET, with framework data, in listings and the feed', async () => {
    const input = inputs[1]!;
    const id = `humber:${input.slug}`;
    await gateway(humberKey)(create, { institution: 'humber', input });
    await gateway(humberKey)(publish, { id, v: 1 });
    const { data: before } = await gateway()(`{ changes(institution: "humber", first: 1000) { cursor } }`);
    const sunset = await gateway(humberKey)(
      `mutation ($id: ID!) { sunsetMicroCredential(id: $id, expectedVersion: 1, reason: "Replaced", effectiveDate: "2027-08-31") { ${payloadFields} } }`,
      { id },
    );
    expect(sunset.errors).toBeUndefined();
    expect(sunset.data.sunsetMicroCredential.microCredential.status).toBe('SUNSET');

    const read = await gateway()(
      `query ($id: ID!) { microCredential(id: $id) { id status expiryDate sunsetReason oqfAlignment { band } institution { code name } history { version status } } }`,
      { id },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data.microCredential).toMatchObject({
      id,
      status: 'SUNSET',
      expiryDate: '2027-08-31',
      sunsetReason: 'Replaced',
      institution: { code: 'humber' },
      history: [
        { version: 2, status: 'SUNSET' },
        { version: 1, status: 'ACTIVE' },
      ],
    });
    expect(read.data.microCredential.oqfAlignment.band).toBeTruthy();

    const listed = await gateway()(
      `{ institution(code: "humber") { microCredentials(first: 100, filter: { status: [SUNSET] }) { edges { node { id } } } } }`,
    );
    expect(listed.errors).toBeUndefined();
    expect(
      listed.data.institution.microCredentials.edges.map((edge: { node: { id: string } }) => edge.node.id),
    ).toContain(id);

    const feed = await gateway()(
      `query ($since: String) { changes(institution: "humber", since: $since) { changes { kind microCredentialId microCredential { status } } } }`,
      { since: before.changes.cursor },
    );
    expect(feed.data.changes.changes).toEqual([
      { kind: 'SUNSET', microCredentialId: id, microCredential: { status: 'SUNSET' } },
    ]);
  });
});

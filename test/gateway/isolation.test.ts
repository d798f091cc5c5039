import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningHttpServer } from '../../runtime/http.js';
import type { LocalDirectory } from '../../cli/localDirectory.js';
import { provinceApiKey, startTestDirectory, stopInstitutionDuringTest } from '../support/directory.js';
import { graphql } from '../support/graphql.js';
import {
  startImpersonatingInstitution,
  startMisbehavingInstitution,
  startNonConformingInstitution,
} from '../support/hostileInstitution.js';
import { registerTestInstitution } from '../support/registerInstitution.js';

const honest = ['humber', 'seneca', 'georgian'];
let directory: LocalDirectory;
const extra: RunningHttpServer[] = [];

beforeAll(async () => {
  // These tests change how an institution behaves without changing its data, and test the routing path
  // itself: answers kept by the response cache (test/cache) would rightly skip it.
  directory = await startTestDirectory({
    institutions: honest,
    institutionTimeoutMs: 800,
    responseCache: { enabled: false },
  });
});
afterAll(async () => {
  await Promise.all(extra.map((server) => server.stop()));
  await directory?.stop();
});

const gateway = () => directory.gateway.url;
const asProvince = { authorization: `Bearer ${provinceApiKey}` };

async function register(code: string, subgraphUrl: string) {
  await registerTestInstitution(gateway(), { code, subgraphUrl });
}

async function remove(code: string) {
  const result = await graphql(
    gateway(),
    `mutation($code: ID!) { removeInstitution(code: $code) }`,
    { code },
    asProvince,
  );
  expect(result.errors).toBeUndefined();
}

/** One public micro-credential id per honest institution. */
async function oneIdEach(): Promise<string[]> {
  const result = await graphql(
    gateway(),
    `{ institutions { code microCredentials(first: 1) { edges { node { id } } } } }`,
  );
  return result.data.institutions
    .filter((i: any) => honest.includes(i.code))
    .map((i: any) => i.microCredentials.edges[0].node.id);
}

function queryFor(ids: string[]): string {
  return `{ ${ids.map((id, i) => `m${i}: microCredential(id: "${id}") { id title }`).join(' ')} }`;
}

describe('one institution failing', () => {
  it('stopped mid-test: its items are null with an error naming it, others are intact, and it recovers', async () => {
    const ids = await oneIdEach();
    const before = await graphql(gateway(), queryFor(ids));
    expect(before.errors).toBeUndefined();

    await stopInstitutionDuringTest(directory, 'seneca');
    const during = await graphql(gateway(), queryFor(ids));
    ids.forEach((id, i) => {
      if (id.startsWith('seneca:')) expect(during.data[`m${i}`]).toBeNull();
      else expect(during.data[`m${i}`]).toEqual(before.data[`m${i}`]);
    });
    expect(during.errors).toHaveLength(1);
    expect(during.errors![0]!.extensions).toMatchObject({ code: 'INSTITUTION_UNAVAILABLE', institution: 'seneca' });
    expect(during.errors![0]!.message).toContain('seneca');

    // Entity fetches behave the same way: the institution listing still answers for the others.
    const listing = await graphql(gateway(), `{ institutions { code microCredentials(first: 1) { totalCount } } }`);
    const byCode = Object.fromEntries(listing.data.institutions.map((i: any) => [i.code, i]));
    expect(byCode.humber.microCredentials.totalCount).toBeGreaterThan(0);
    expect(listing.errors?.some((e) => e.extensions?.institution === 'seneca')).toBe(true);

    await directory.startInstitution('seneca');
    await vi.waitFor(async () => expect((await graphql(gateway(), queryFor(ids))).errors).toBeUndefined(), {
      timeout: 5_000,
    });
  });

  it('slower than its timeout: its items are null with a timeout error, others are intact', async () => {
    const [humberId] = await oneIdEach();
    const slow = await startMisbehavingInstitution('slow');
    extra.push(slow);
    await register('slowcollege', slow.url);
    const started = Date.now();
    const result = await graphql(gateway(), queryFor([humberId!, 'slowcollege:anything']));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.data.m0.id).toBe(humberId);
    expect(result.data.m1).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toMatchObject({ institution: 'slowcollege', reason: 'TIMEOUT' });
    await remove('slowcollege');
  });

  it('answering garbage: its items are null with an error naming it', async () => {
    const [humberId] = await oneIdEach();
    const broken = await startMisbehavingInstitution('garbage');
    extra.push(broken);
    await register('brokencollege', broken.url);
    const result = await graphql(gateway(), queryFor([humberId!, 'brokencollege:x']));
    expect(result.data.m0.id).toBe(humberId);
    expect(result.data.m1).toBeNull();
    expect(result.errors![0]!.extensions).toMatchObject({ institution: 'brokencollege', reason: 'MALFORMED_RESPONSE' });
    await remove('brokencollege');
  });
});

describe('an institution answering for another institution', () => {
  it('is rejected, and the real owner still answers for its own entity', async () => {
    const [humberId] = await oneIdEach();
    const impostor = await startImpersonatingInstitution('impostor', humberId!);
    extra.push(impostor);
    await register('impostor', impostor.url);
    const result = await graphql(gateway(), queryFor(['impostor:anything', humberId!]));
    expect(result.data.m0).toBeNull();
    expect(result.data.m1.id).toBe(humberId);
    expect(result.data.m1.title).not.toContain('Counterfeit');
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'INSTITUTION_IMPERSONATION', institution: 'impostor' });
    await remove('impostor');
  });
});

describe('a non-conforming institution', () => {
  it('is refused with a clear status rather than breaking queries', async () => {
    const stale = await startNonConformingInstitution('stalecollege', 'courseOutlineUrl');
    extra.push(stale);
    await register('stalecollege', stale.url);
    const [humberId] = await oneIdEach();
    const result = await graphql(gateway(), queryFor([humberId!, 'stalecollege:x']));
    expect(result.data.m0.id).toBe(humberId);
    expect(result.data.m1).toBeNull();
    expect(result.errors![0]!.extensions).toMatchObject({
      code: 'INSTITUTION_NOT_CONFORMING',
      institution: 'stalecollege',
    });
    expect(result.errors![0]!.message).toContain('courseOutlineUrl');
    const health = await (await fetch(gateway().replace('/graphql', '/health'))).json();
    expect(health.institutions.find((i: any) => i.code === 'stalecollege')).toMatchObject({ status: 'NON_CONFORMING' });
    await remove('stalecollege');
  });
});

describe('the registry at runtime', () => {
  it('routes to a newly registered institution and stops routing once it is removed, without a restart', async () => {
    // A real catalogue on a database of its own, registered after the gateway started.
    const humber = directory.catalogues.get('humber')!;
    const [humberId] = await oneIdEach();
    const unknown = await graphql(gateway(), queryFor(['newcollege:x']));
    expect(unknown.errors![0]!.extensions).toMatchObject({ code: 'UNKNOWN_INSTITUTION', institution: 'newcollege' });

    // newcollege's server is humber's: it serves humber ids only, so a newcollege id resolves to null, not an error.
    await register('newcollege', humber.url);
    const known = await graphql(gateway(), queryFor(['newcollege:x', humberId!]));
    expect(known.errors).toBeUndefined();
    expect(known.data.m0).toBeNull();

    await remove('newcollege');
    await vi.waitFor(
      async () => {
        const gone = await graphql(gateway(), queryFor(['newcollege:x']));
        expect(gone.errors?.[0]?.extensions?.code).toBe('UNKNOWN_INSTITUTION');
      },
      { timeout: 3_000 },
    );
  });

  it('refuses registry writes without the province key', async () => {
    const result = await graphql(gateway(), `mutation { removeInstitution(code: "humber") }`);
    expect(result.errors?.[0]?.extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
    const still = await graphql(gateway(), `{ institution(code: "humber") { code } }`);
    expect(still.data.institution.code).toBe('humber');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalogue } from '../../seed/catalogue.js';
import { startCatalogueHarness, type CatalogueHarness } from './harness.js';

const entries = generateCatalogue('georgian', 45, 3, '2026-01-15');
const publicEntries = entries.filter((entry) => entry.status !== 'DRAFT');
/** "Ordered by id" is byte order: ids share the prefix, slugs are ASCII. */
const publicIds = publicEntries.map((entry) => `georgian:${entry.slug}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

let georgian: CatalogueHarness;

beforeAll(async () => {
  georgian = await startCatalogueHarness('georgian', entries);
});
afterAll(async () => {
  await georgian?.stop();
});

async function page(args: { first?: number; after?: string | null; filter?: Record<string, unknown> }) {
  const result = await georgian.query(
    `query ($first: Int, $after: String, $filter: MicroCredentialFilter) {
      _entities(representations: [{ __typename: "Institution", code: "georgian" }]) {
        ... on Institution {
          microCredentials(first: $first, after: $after, filter: $filter) {
            totalCount
            pageInfo { hasNextPage endCursor }
            edges { cursor node { id status deliveryMode osapEligible updatedAt } }
          }
        }
      }
    }`,
    { first: 20, ...args },
  );
  return { errors: result.errors, connection: result.data?._entities?.[0]?.microCredentials };
}

async function allIds(filter?: Record<string, unknown>, first = 7): Promise<{ ids: string[]; totalCount: number }> {
  const ids: string[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (;;) {
    const { errors, connection } = await page({ first, after, filter });
    expect(errors).toBeUndefined();
    totalCount = connection.totalCount;
    ids.push(...connection.edges.map((edge: any) => edge.node.id));
    if (!connection.pageInfo.hasNextPage) return { ids, totalCount };
    after = connection.pageInfo.endCursor;
    expect(after).toBe(connection.edges.at(-1).cursor);
  }
}

describe('Institution.microCredentials', () => {
  it('pages through the whole public catalogue in id order, each entry once', async () => {
    const { ids, totalCount } = await allIds();
    expect(ids).toEqual(publicIds);
    expect(totalCount).toBe(publicIds.length);
  });

  it('has opaque cursors and an empty last page', async () => {
    const { connection } = await page({ first: publicIds.length });
    expect(connection.pageInfo.hasNextPage).toBe(false);
    expect(connection.edges[0].cursor).not.toContain('georgian');
    const after = await page({ after: connection.pageInfo.endCursor });
    expect(after.connection.edges).toEqual([]);
    expect(after.connection.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
    expect(after.connection.totalCount).toBe(publicIds.length);
  });

  it('caps first at 100 and refuses bad cursors, saying why', async () => {
    const tooMany = await page({ first: 101 });
    expect(tooMany.errors![0]!.message).toContain('"first" must be between 0 and 100');
    expect(tooMany.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const negative = await page({ first: -1 });
    expect(negative.errors![0]!.message).toContain('"first" must be between 0 and 100');
    const forged = await page({ after: 'not-a-cursor' });
    expect(forged.errors![0]!.message).toContain('"after" is not a cursor from this connection');
  });

  it('filters by status, and ignores DRAFT', async () => {
    const sunset = publicEntries.filter((entry) => entry.status === 'SUNSET');
    expect(sunset.length).toBeGreaterThan(0);
    const onlySunset = await allIds({ status: ['SUNSET'] });
    expect(onlySunset.ids).toEqual(sunset.map((entry) => `georgian:${entry.slug}`).sort());
    expect(onlySunset.totalCount).toBe(sunset.length);
    expect((await allIds({ status: ['DRAFT'] })).ids).toEqual([]);
    expect((await allIds({ status: ['DRAFT', 'ACTIVE'] })).ids).toHaveLength(publicEntries.length - sunset.length);
  });

  it('filters by delivery modes', async () => {
    const modes = ['IN_PERSON', 'HYBRID'];
    const expected = publicEntries.filter((entry) => modes.includes(entry.deliveryMode));
    expect(expected.length).toBeGreaterThan(0);
    const { ids, totalCount } = await allIds({ deliveryModes: modes });
    expect(ids).toEqual(expected.map((entry) => `georgian:${entry.slug}`).sort());
    expect(totalCount).toBe(expected.length);
  });

  it('filters by OSAP eligibility', async () => {
    for (const osapEligible of [true, false]) {
      const expected = publicEntries.filter((entry) => entry.osapEligible === osapEligible);
      expect(expected.length).toBeGreaterThan(0);
      const { ids } = await allIds({ osapEligible });
      expect(ids).toEqual(expected.map((entry) => `georgian:${entry.slug}`).sort());
    }
  });

  it('filters by updatedSince, and rejects a date-time without an offset', async () => {
    const { connection } = await page({ first: 1 });
    const since = new Date(Date.parse(connection.edges[0].node.updatedAt) + 1).toISOString();
    const changed = publicEntries[3]!;
    await georgian.upsert([{ ...changed, title: `${changed.title} (updated)` }]);
    const recent = await allIds({ updatedSince: since });
    expect(recent.ids).toEqual([`georgian:${changed.slug}`]);

    const local = await page({ filter: { updatedSince: '2026-01-15T10:00:00' } });
    expect(local.errors![0]!.message).toContain('DateTime must be an ISO 8601 date-time with offset');
  });

  it('answers null for another institution', async () => {
    const result = await georgian.query(`{
      _entities(representations: [{ __typename: "Institution", code: "seneca" }, { __typename: "Institution", code: "georgian" }]) {
        ... on Institution { code microCredentials(first: 1) { totalCount } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data._entities[0]).toBeNull();
    expect(result.data._entities[1].code).toBe('georgian');
  });
});

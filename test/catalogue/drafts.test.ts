import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalogue } from '../../seed/catalogue.js';
import { startCatalogueHarness, type CatalogueHarness } from './harness.js';

const entries = generateCatalogue('fanshawe', 40, 1, '2026-01-15');
const drafts = entries.filter((entry) => entry.status === 'DRAFT');
const publicEntries = entries.filter((entry) => entry.status !== 'DRAFT');

let fanshawe: CatalogueHarness;

beforeAll(async () => {
  fanshawe = await startCatalogueHarness('fanshawe', entries);
});
afterAll(async () => {
  await fanshawe?.stop();
});

describe('drafts', () => {
  it('exist in the database', async () => {
    expect(drafts.length).toBeGreaterThan(1);
    const [row] = await fanshawe.sql`select count(*)::int as drafts from micro_credentials where status = 'DRAFT'`;
    expect(row!.drafts).toBe(drafts.length);
  });

  it('are null by id, through the root field and through _entities', async () => {
    const ids = drafts.map((entry) => `fanshawe:${entry.slug}`);
    for (const id of ids) {
      const result = await fanshawe.query(`query ($id: ID!) { microCredential(id: $id) { id } }`, { id });
      expect(result.errors).toBeUndefined();
      expect(result.data.microCredential).toBeNull();
    }
    const batch = await fanshawe.query(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on MicroCredential { id } } }`,
      { representations: ids.map((id) => ({ __typename: 'MicroCredential', id })) },
    );
    expect(batch.data._entities).toEqual(ids.map(() => null));
  });

  it('are left out of the catalogue and its totalCount', async () => {
    const result = await fanshawe.query(`{
      _entities(representations: [{ __typename: "Institution", code: "fanshawe" }]) {
        ... on Institution { microCredentials(first: 100) { totalCount edges { node { id status } } } }
      }
    }`);
    const { totalCount, edges } = result.data._entities[0].microCredentials;
    expect(totalCount).toBe(publicEntries.length);
    expect(edges).toHaveLength(publicEntries.length);
    expect(edges.some((edge: any) => edge.node.status === 'DRAFT')).toBe(false);
  });

  it('never appear in the change feed', async () => {
    const result = await fanshawe.query(`{ changes(institution: "fanshawe") { changes { kind microCredentialId } } }`);
    const reported = result.data.changes.changes;
    expect(reported).toHaveLength(publicEntries.length);
    expect(reported.every((change: any) => change.kind === 'CREATED')).toBe(true);
    const draftIds = new Set(drafts.map((entry) => `fanshawe:${entry.slug}`));
    expect(reported.some((change: any) => draftIds.has(change.microCredentialId))).toBe(false);
  });
});

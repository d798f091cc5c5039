import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalogue } from '../../seed/catalogue.js';
import { startCatalogueHarness, type CatalogueHarness } from './harness.js';

const entries = generateCatalogue('humber', 70, 1, '2026-01-15');
const publicIds = entries.filter((entry) => entry.status !== 'DRAFT').map((entry) => `humber:${entry.slug}`);
const draftIds = entries.filter((entry) => entry.status === 'DRAFT').map((entry) => `humber:${entry.slug}`);

let humber: CatalogueHarness;

beforeAll(async () => {
  humber = await startCatalogueHarness('humber', entries);
});
afterAll(async () => {
  await humber?.stop();
});

const entitiesQuery = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on MicroCredential {
      id title instructionalHours cip { code } institution { code }
      offerings { id startDate priceCad }
    }
    ... on Institution { code }
  }
}`;

function microCredentials(ids: unknown[]) {
  return ids.map((id) => ({ __typename: 'MicroCredential', id }));
}

describe('_entities batches', () => {
  it('cost the same small number of SQL round-trips for 5 or 50 micro-credentials', async () => {
    expect(publicIds.length).toBeGreaterThanOrEqual(50);
    const measure = async (ids: string[]) => {
      let data: any;
      const { count, statements } = await humber.countQueries(async () => {
        const result = await humber.query(entitiesQuery, { representations: microCredentials(ids) });
        expect(result.errors).toBeUndefined();
        data = result.data;
      });
      // Every item answered, with its offerings.
      expect(data._entities.map((entity: any) => entity.id)).toEqual(ids);
      expect(data._entities.every((entity: any) => entity.offerings.length > 0)).toBe(true);
      return { count, statements };
    };
    const five = await measure(publicIds.slice(0, 5));
    const fifty = await measure(publicIds.slice(0, 50));
    // One query for the entries, one for all their offerings.
    expect(fifty.count).toBe(2);
    expect(five.count).toBe(fifty.count);
    expect(fifty.statements.join('\n')).toMatch(/from "micro_credentials"/);
    expect(fifty.statements.join('\n')).toMatch(/from "offerings"/);
  });

  it('answer a page of the institution catalogue with its offerings in a constant number of round-trips', async () => {
    const page = (first: number) =>
      humber.countQueries(async () => {
        const result = await humber.query(
          `query ($first: Int) {
            _entities(representations: [{ __typename: "Institution", code: "humber" }]) {
              ... on Institution { microCredentials(first: $first) { totalCount edges { node { id offerings { id } } } } }
            }
          }`,
          { first },
        );
        expect(result.errors).toBeUndefined();
        expect(result.data._entities[0].microCredentials.edges).toHaveLength(first);
      });
    const small = await page(3);
    const large = await page(50);
    // The page, the count, and the offerings of every node on it.
    expect(large.count).toBe(3);
    expect(small.count).toBe(large.count);
  });
});

describe('ownership', () => {
  it('answers null for ids it does not own or cannot read, keeping the rest of the batch in order', async () => {
    const [first, second, third] = publicIds as [string, string, string];
    const representations = [
      { __typename: 'MicroCredential', id: first },
      { __typename: 'MicroCredential', id: 'seneca:data-analytics-fundamentals' },
      { __typename: 'MicroCredential', id: second },
      { __typename: 'MicroCredential', id: 'humber' },
      { __typename: 'MicroCredential', id: 'humber:' },
      { __typename: 'MicroCredential', id: 'humber:Not A Slug' },
      { __typename: 'MicroCredential', id: ':data-analytics-fundamentals' },
      { __typename: 'MicroCredential', id: 42 },
      { __typename: 'MicroCredential' },
      { __typename: 'MicroCredential', id: 'humber:no-such-entry' },
      { __typename: 'MicroCredential', id: draftIds[0] },
      { __typename: 'Institution', code: 'humber' },
      { __typename: 'Institution', code: 'seneca' },
      { __typename: 'MicroCredential', id: third },
      { __typename: 'MicroCredential', id: first },
    ];
    const result = await humber.query(entitiesQuery, { representations });
    expect(result.errors).toBeUndefined();
    const answers = result.data._entities.map((entity: any) => entity?.id ?? entity?.code ?? null);
    expect(answers).toEqual([
      first,
      null,
      second,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      'humber',
      null,
      third,
      first,
    ]);
  });

  it('never serves another institution through the root field either', async () => {
    const result = await humber.query(`query ($id: ID!) { microCredential(id: $id) { id } }`, {
      id: publicIds[0]!.replace(/^humber:/, 'seneca:'),
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.microCredential).toBeNull();
  });

  it('returns every field of the contract for an entry it owns', async () => {
    const id = publicIds[0]!;
    const result = await humber.query(
      `query ($id: ID!) {
        microCredential(id: $id) {
          id institution { code } externalCode title titleFr description descriptionFr languages
          learningOutcomes skills { framework code label } occupations { nocCode title } cip { code title }
          instructionalHours durationWeeks creditBearing credits deliveryMode
          assessment { types summativeDescription passingThreshold attemptsAllowed }
          supervision prerequisites qualityAssurance { body type }
          awards { type description standard } stackability { kind programs { name programCode url } }
          offerings { id startDate endDate location online priceCad registrationUrl }
          osapEligible partners { name kind } transferContact { name email phone } courseOutlineUrl
          status effectiveDate expiryDate version updatedAt
        }
      }`,
      { id },
    );
    expect(result.errors).toBeUndefined();
    const entry = entries[0]!;
    const answer = result.data.microCredential;
    expect(answer).toMatchObject({
      id,
      institution: { code: 'humber' },
      externalCode: entry.externalCode,
      title: entry.title,
      languages: entry.languages,
      learningOutcomes: entry.learningOutcomes,
      skills: entry.skills,
      occupations: entry.occupations,
      cip: entry.cip,
      instructionalHours: entry.instructionalHours,
      deliveryMode: entry.deliveryMode,
      osapEligible: entry.osapEligible,
      status: 'ACTIVE',
      effectiveDate: entry.effectiveDate,
      version: 1,
    });
    expect(answer.offerings.map((offering: any) => offering.startDate)).toEqual(
      entry.offerings.map((offering) => offering.startDate).sort(),
    );
    expect(answer.offerings[0].id).toBe(`${id}:${entry.offerings[0]!.code}`);
    expect(answer.offerings[0].priceCad).toBe(entry.offerings[0]!.priceCad);
    expect(answer.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });
});

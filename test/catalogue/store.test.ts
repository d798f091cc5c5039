import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalogue } from '../../seed/catalogue.js';
import { CatalogueEntryError, type CatalogueEntryInput } from '../../subgraphs/catalogue/catalogueEntry.js';
import { startCatalogueHarness, type CatalogueHarness } from './harness.js';

let conestoga: CatalogueHarness;
const sample = generateCatalogue('conestoga', 30, 5, '2026-01-15');
let next = 0;
const fresh = (): CatalogueEntryInput => structuredClone(sample[next++]!);

beforeAll(async () => {
  conestoga = await startCatalogueHarness('conestoga');
});
afterAll(async () => {
  await conestoga?.stop();
});

async function storedSlugs(): Promise<string[]> {
  const rows = await conestoga.sql<{ slug: string }[]>`select slug from micro_credentials order by slug`;
  return rows.map((row) => row.slug);
}

async function rejection(entries: unknown[]): Promise<CatalogueEntryError> {
  const error = await conestoga.upsert(entries as CatalogueEntryInput[]).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(CatalogueEntryError);
  return error as CatalogueEntryError;
}

describe('upsertEntries', () => {
  it('creates, updates and leaves unchanged entries, bumping the version only on a real change', async () => {
    const [a, b] = [fresh(), fresh()];
    expect(await conestoga.upsert([a, b])).toEqual({ created: [a.slug, b.slug], updated: [], unchanged: [] });
    expect(await conestoga.upsert([a, b])).toEqual({ created: [], updated: [], unchanged: [a.slug, b.slug] });
    const changed = { ...b, osapEligible: !b.osapEligible };
    expect(await conestoga.upsert([a, changed])).toEqual({ created: [], updated: [b.slug], unchanged: [a.slug] });
    const versions =
      await conestoga.sql`select slug, version from micro_credentials where slug in ${conestoga.sql([a.slug, b.slug])}`;
    expect(Object.fromEntries(versions.map((row) => [row.slug, row.version]))).toEqual({ [a.slug]: 1, [b.slug]: 2 });
  });

  it('replaces offerings: new ones added, changed ones updated, unlisted ones removed', async () => {
    const entry = fresh();
    await conestoga.upsert([entry]);
    const [kept, , ...rest] = entry.offerings;
    const replacement = { ...entry.offerings[0]!, code: 'NEW-01', startDate: '2027-01-04', endDate: '2027-02-01' };
    const result = await conestoga.upsert([{ ...entry, offerings: [{ ...kept!, priceCad: 1234.5 }, replacement] }]);
    expect(result.updated).toEqual([entry.slug]);
    const rows =
      await conestoga.sql`select code, price_cad from offerings where micro_credential_slug = ${entry.slug} order by code`;
    expect(rows.map((row) => [row.code, Number(row.price_cad)])).toEqual(
      [
        [kept!.code, 1234.5],
        ['NEW-01', replacement.priceCad],
      ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
    expect(rest.every((offering) => !rows.some((row) => row.code === offering.code))).toBe(true);
  });

  it('stores only the contract fields, dropping stray keys in submitted JSON', async () => {
    const entry = fresh();
    const polluted = {
      ...entry,
      secret: 'x',
      skills: entry.skills.map((skill) => ({ ...skill, internalNote: 'do not publish' })),
    };
    await conestoga.upsert([polluted]);
    const [row] = await conestoga.sql`select skills::text as skills from micro_credentials where slug = ${entry.slug}`;
    expect(row!.skills).not.toContain('internalNote');
  });

  it('rejects a batch with any invalid entry, naming entry and field, and writes nothing', async () => {
    const before = await storedSlugs();
    const good = fresh();
    const bad = fresh();
    const error = await rejection([
      good,
      {
        ...bad,
        occupations: [{ nocCode: '2121', title: 'Too short' }],
        cip: { code: '30.71', title: 'Wrong' },
        skills: [
          { framework: 'ESCO', code: 'https://esco.example/skill/1', label: 'Wrong URI' },
          { framework: 'ESDC_SCT', code: 'S-01', label: 'x' },
        ],
        offerings: [{ ...bad.offerings[0]!, priceCad: 10.001, endDate: '2000-01-01' }],
        deliveryMode: 'CARRIER_PIGEON',
        courseOutlineUrl: 'ftp://example.ca/outline',
      },
    ]);
    const expected = [
      `entry "${bad.slug}": occupations[0].nocCode must be a NOC 2021 unit group of five digits`,
      `entry "${bad.slug}": cip.code must be a CIP 2021 code "NN.NNNN"`,
      `entry "${bad.slug}": skills[0].code must be an ESCO concept URI`,
      `entry "${bad.slug}": skills[1].code must be an ESDC SCT code`,
      `entry "${bad.slug}": offerings[0].priceCad must have at most two decimal places`,
      `entry "${bad.slug}": offerings[0].endDate must not be before startDate`,
      `entry "${bad.slug}": deliveryMode must be one of ONLINE_ASYNCHRONOUS, ONLINE_SYNCHRONOUS, IN_PERSON, HYBRID`,
      `entry "${bad.slug}": courseOutlineUrl must be an absolute http(s) URL`,
    ];
    for (const problem of expected)
      expect(
        error.problems.some((p) => p.startsWith(problem)),
        problem,
      ).toBe(true);
    expect(await storedSlugs()).toEqual(before);
  });

  it('rejects more than three occupations, duplicate slugs and inconsistent credits or stacking', async () => {
    const entry = fresh();
    const occupations = [...entry.occupations, ...entry.occupations, ...entry.occupations, ...entry.occupations].slice(
      0,
      4,
    );
    const error = await rejection([
      { ...entry, occupations, creditBearing: false, credits: 3, stackability: { kind: 'STACKABLE', programs: [] } },
      entry,
    ]);
    expect(error.message).toContain(`entry "${entry.slug}": occupations must have 1 to 3 items, got 4`);
    expect(error.message).toContain(`entry "${entry.slug}": credits must be null when creditBearing is false`);
    expect(error.message).toContain(
      `entry "${entry.slug}": stackability.programs must name at least one program when kind is STACKABLE`,
    );
    expect(error.message).toContain(`entry "${entry.slug}": slug appears more than once in this batch`);
  });

  it('explains an external code already used by another stored entry', async () => {
    const [first, second] = [fresh(), fresh()];
    await conestoga.upsert([first]);
    const error = await rejection([{ ...second, externalCode: first.externalCode }]);
    expect(error.message).toContain('externalCode is already used by another stored entry');
    expect(await storedSlugs()).not.toContain(second.slug);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { graphql } from '../support/graphql.js';
import {
  asGateway,
  asProvince,
  provinceApiKey,
  registryToken,
  sampleInstitutions,
  startTestFramework,
  type TestFramework,
} from './startFramework.js';

let framework: TestFramework;

beforeAll(async () => {
  framework = await startTestFramework('framework_registry', sampleInstitutions);
});
afterAll(async () => {
  await framework?.server.stop();
});

const url = () => framework.url;

const registerMutation = `mutation($input: InstitutionInput!) {
  registerInstitution(input: $input) { code name nameFr type region website languages }
}`;
const updateMutation = `mutation($code: ID!, $input: InstitutionUpdateInput!) {
  updateInstitution(code: $code, input: $input) { code name nameFr type region website languages }
}`;
const removeMutation = `mutation($code: ID!) { removeInstitution(code: $code) }`;
const registryQuery = `{ institutionRegistry { code subgraphUrl updatedAt } }`;

function newInstitution(code: string) {
  return {
    code,
    name: `Institution ${code}`,
    type: 'CAREER_COLLEGE',
    region: 'EASTERN',
    website: `https://${code}.example.ca`,
    languages: ['en', 'fr'],
    subgraphUrl: `http://127.0.0.1:6000/${code}/graphql`,
  };
}

/** Rows in the registry table, read straight from PostgreSQL. */
async function storedCodes(): Promise<string[]> {
  const sql = postgres(framework.databaseUrl, { max: 1 });
  try {
    const rows = await sql`select code from institutions order by code`;
    return rows.map((row) => row.code as string);
  } finally {
    await sql.end();
  }
}

async function registry(): Promise<Array<{ code: string; subgraphUrl: string; updatedAt: string }>> {
  const result = await graphql(url(), registryQuery, {}, asGateway);
  expect(result.errors).toBeUndefined();
  return result.data.institutionRegistry;
}

describe('province-only writes', () => {
  const cases: Array<[string, Record<string, string>, string]> = [
    ['no Authorization header', {}, 'UNAUTHENTICATED'],
    ['a wrong key', { authorization: 'Bearer not-the-province-key' }, 'UNAUTHENTICATED'],
    ['another scheme', { authorization: `Basic ${provinceApiKey}` }, 'UNAUTHENTICATED'],
    ['the key with a suffix', { authorization: `Bearer ${provinceApiKey}x` }, 'UNAUTHENTICATED'],
    ["the gateway's registry token", asGateway, 'FORBIDDEN'],
  ];

  it.each(cases)('refuses registering with %s, writing nothing', async (_name, headers, code) => {
    const result = await graphql(url(), registerMutation, { input: newInstitution('intruder') }, headers);
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(result.errors?.[0]?.message).toContain('province API key');
    expect(await storedCodes()).not.toContain('intruder');
  });

  it.each(cases)('refuses updating and removing with %s, changing nothing', async (_name, headers, code) => {
    const update = await graphql(url(), updateMutation, { code: 'humber', input: { name: 'Taken over' } }, headers);
    expect(update.errors?.[0]?.extensions?.code).toBe(code);
    const remove = await graphql(url(), removeMutation, { code: 'humber' }, headers);
    expect(remove.errors?.[0]?.extensions?.code).toBe(code);
    const still = await graphql(url(), `{ institution(code: "humber") { name } }`);
    expect(still.data.institution.name).toBe('Humber Polytechnic');
  });
});

describe('input validation', () => {
  it('reports every problem at once and writes nothing', async () => {
    const input = {
      code: 'Bad Code',
      name: '   ',
      nameFr: 'x'.repeat(201),
      type: 'CAREER_COLLEGE',
      region: 'CENTRAL',
      website: 'ftp://files.example.ca',
      languages: ['english', 'en', 'en', 'eng', 'xx'],
      subgraphUrl: 'not a url',
    };
    const before = await storedCodes();
    const result = await graphql(url(), registerMutation, { input }, asProvince);
    expect(result.data).toBeNull();
    const error = result.errors![0]!;
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    const fields = error.extensions!.problems.map((problem: any) => problem.field);
    expect(fields).toEqual([
      'input.code',
      'input.name',
      'input.nameFr',
      'input.website',
      'input.languages[0]',
      'input.languages[2]',
      'input.languages[3]',
      'input.languages[4]',
      'input.subgraphUrl',
    ]);
    expect(error.extensions!.problems.map((problem: any) => [problem.code, problem.path])).toEqual([
      ['INVALID_INSTITUTION_CODE', ['input', 'code']],
      ['REQUIRED', ['input', 'name']],
      ['TOO_LONG', ['input', 'nameFr']],
      ['INVALID_URL', ['input', 'website']],
      ['INVALID_LANGUAGE_CODE', ['input', 'languages', 0]],
      ['DUPLICATE', ['input', 'languages', 2]],
      ['INVALID_LANGUAGE_CODE', ['input', 'languages', 3]],
      ['INVALID_LANGUAGE_CODE', ['input', 'languages', 4]],
      ['INVALID_URL', ['input', 'subgraphUrl']],
    ]);
    expect(error.message).toContain('9 problems');
    expect(error.message).toContain('use the two-letter code "en" instead of "eng"');
    expect(await storedCodes()).toEqual(before);
  });

  it('accepts three-letter codes for languages without a two-letter one', async () => {
    const result = await graphql(
      url(),
      registerMutation,
      { input: { ...newInstitution('kenjgewin'), languages: ['en', 'oj', 'otw'] } },
      asProvince,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.registerInstitution.languages).toEqual(['en', 'oj', 'otw']);
  });

  it('refuses an empty language list', async () => {
    const result = await graphql(
      url(),
      registerMutation,
      { input: { ...newInstitution('nolanguage'), languages: [] } },
      asProvince,
    );
    expect(result.errors?.[0]?.extensions?.problems).toEqual([
      {
        field: 'input.languages',
        path: ['input', 'languages'],
        code: 'TOO_FEW_ITEMS',
        message: 'must list at least one language',
      },
    ]);
  });

  it('refuses a code that is already registered with its own error code, listing the other problems too', async () => {
    const input = { ...newInstitution('humber'), website: 'mailto:someone@humber.ca' };
    const result = await graphql(url(), registerMutation, { input }, asProvince);
    const error = result.errors![0]!;
    expect(error.extensions?.code).toBe('INSTITUTION_ALREADY_REGISTERED');
    expect(error.extensions!.problems.map((problem: any) => [problem.field, problem.code])).toEqual([
      ['input.code', 'ALREADY_REGISTERED'],
      ['input.website', 'INVALID_URL'],
    ]);
    const humber = await graphql(url(), `{ institution(code: "humber") { name website } }`);
    expect(humber.data.institution).toEqual({ name: 'Humber Polytechnic', website: 'https://humber.ca' });
  });

  it('refuses an update naming no field, a null required field, or an unknown institution', async () => {
    const empty = await graphql(url(), updateMutation, { code: 'humber', input: {} }, asProvince);
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const nullName = await graphql(
      url(),
      updateMutation,
      { code: 'humber', input: { name: null, website: 'nope' } },
      asProvince,
    );
    expect(nullName.errors?.[0]?.extensions?.problems.map((problem: any) => problem.field)).toEqual([
      'input.name',
      'input.website',
    ]);
    const unknown = await graphql(
      url(),
      updateMutation,
      { code: 'nowhere', input: { name: 'Nowhere College' } },
      asProvince,
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe('INSTITUTION_NOT_FOUND');
    expect(await storedCodes()).not.toContain('nowhere');
  });
});

describe('register, update, remove', () => {
  it('round-trips through the public API and the private registry', async () => {
    const registered = await graphql(
      url(),
      registerMutation,
      { input: { ...newInstitution('roundtrip'), nameFr: 'Aller-retour' } },
      asProvince,
    );
    expect(registered.errors).toBeUndefined();
    expect(registered.data.registerInstitution).toEqual({
      code: 'roundtrip',
      name: 'Institution roundtrip',
      nameFr: 'Aller-retour',
      type: 'CAREER_COLLEGE',
      region: 'EASTERN',
      website: 'https://roundtrip.example.ca',
      languages: ['en', 'fr'],
    });
    const first = (await registry()).find((entry) => entry.code === 'roundtrip');
    expect(first?.subgraphUrl).toBe('http://127.0.0.1:6000/roundtrip/graphql');

    const updated = await graphql(
      url(),
      updateMutation,
      {
        code: 'roundtrip',
        input: {
          name: '  Round Trip College ',
          nameFr: null,
          region: 'NORTHERN',
          subgraphUrl: 'https://catalogue.roundtrip.ca/graphql',
        },
      },
      asProvince,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updateInstitution).toMatchObject({
      name: 'Round Trip College',
      nameFr: null,
      region: 'NORTHERN',
      type: 'CAREER_COLLEGE',
    });
    const second = (await registry()).find((entry) => entry.code === 'roundtrip')!;
    expect(second.subgraphUrl).toBe('https://catalogue.roundtrip.ca/graphql');
    expect(Date.parse(second.updatedAt)).toBeGreaterThan(Date.parse(first!.updatedAt));

    const removed = await graphql(url(), removeMutation, { code: 'roundtrip' }, asProvince);
    expect(removed).toEqual({ data: { removeInstitution: true } });
    const gone = await graphql(url(), `{ institution(code: "roundtrip") { code } }`);
    expect(gone.data.institution).toBeNull();
    expect((await registry()).map((entry) => entry.code)).not.toContain('roundtrip');
    const again = await graphql(url(), removeMutation, { code: 'roundtrip' }, asProvince);
    expect(again).toEqual({ data: { removeInstitution: false } });
  });

  it('refuses to remove a malformed code instead of answering false', async () => {
    const result = await graphql(url(), removeMutation, { code: 'Humber' }, asProvince);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('institutionRegistry', () => {
  it('is refused without the registry token, revealing no subgraph URL', async () => {
    for (const [headers, code] of [
      [{}, 'UNAUTHENTICATED'],
      [{ authorization: 'Bearer guess' }, 'UNAUTHENTICATED'],
      [asProvince, 'FORBIDDEN'],
    ] as const) {
      const response = await fetch(url(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: registryQuery }),
      });
      const text = await response.text();
      expect(JSON.parse(text).errors[0].extensions.code).toBe(code);
      expect(text).not.toContain('127.0.0.1');
    }
  });

  it('lists every institution by code with where its catalogue is, for the gateway', async () => {
    const entries = await registry();
    const codes = entries.map((entry) => entry.code);
    expect(codes).toEqual([...codes].sort());
    expect(entries.find((entry) => entry.code === 'boreal')).toMatchObject({
      subgraphUrl: 'http://127.0.0.1:5102/graphql',
    });
    for (const entry of entries) expect(new Date(entry.updatedAt).toISOString()).toBe(entry.updatedAt);
    expect(registryToken).not.toBe(provinceApiKey);
  });
});

describe('public institution data', () => {
  it('never exposes subgraph URLs', async () => {
    const result = await graphql(url(), `{ __type(name: "Institution") { fields { name } } }`);
    expect(result.data.__type.fields.map((field: any) => field.name)).not.toContain('subgraphUrl');
  });

  it('filters by type, region and language', async () => {
    const query = `query($filter: InstitutionFilter) { institutions(filter: $filter) { code } }`;
    const codes = async (filter: unknown) => {
      const result = await graphql(url(), query, { filter });
      expect(result.errors).toBeUndefined();
      return result.data.institutions.map((institution: any) => institution.code);
    };
    expect(await codes({ types: ['INDIGENOUS_INSTITUTE'] })).toEqual(['snpolytechnic']);
    expect(await codes({ regions: ['NORTHERN', 'TORONTO'], types: ['PUBLIC_COLLEGE'] })).toEqual(['boreal', 'humber']);
    expect(await codes({ language: 'moh' })).toEqual(['snpolytechnic']);
    expect(await codes({ language: 'fr', regions: [] })).toContain('boreal');
    const bad = await graphql(url(), query, { filter: { language: 'French' } });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('resolves Institution entities in one SQL round-trip, null for unknown codes, in order', async () => {
    const representations = [
      { __typename: 'Institution', code: 'snpolytechnic' },
      { __typename: 'Institution', code: 'unknown-college' },
      { __typename: 'Institution', code: 'humber' },
      { __typename: 'Institution', code: 'Not A Code' },
      { __typename: 'Institution', code: 42 },
      { __typename: 'Institution', code: 'boreal' },
    ];
    const before = framework.statements.length;
    const result = await graphql(
      url(),
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Institution { code name region languages } } }`,
      { representations },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data._entities.map((entity: any) => entity?.code ?? null)).toEqual([
      'snpolytechnic',
      null,
      'humber',
      null,
      null,
      'boreal',
    ]);
    expect(result.data._entities[5]).toEqual({
      code: 'boreal',
      name: 'Collège Boréal',
      region: 'NORTHERN',
      languages: ['fr', 'en'],
    });
    const statements = framework.statements.slice(before).filter((sql) => /from "institutions"/i.test(sql));
    expect(statements).toHaveLength(1);
  });
});

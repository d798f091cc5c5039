import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalogue } from '../../seed/catalogue.js';
import { sampleInstitutions } from '../../seed/institutions.js';
import { sampleRecognition } from '../../seed/recognition.js';
import { seedRecognitionIfEmpty } from '../../subgraphs/framework/recognition/seed.js';
import { graphql } from '../support/graphql.js';
import { asProvince, startTestFramework, type TestFramework } from '../framework/startFramework.js';

// The framework alone (no gateway), seeded with recognition data for three sample institutions.
const present = ['humber', 'seneca', 'durham'];
const entries = 12;
let framework: TestFramework;
beforeAll(async () => {
  const institutions = sampleInstitutions
    .filter((institution) => present.includes(institution.code))
    .map((institution) => ({ ...institution, subgraphUrl: `http://127.0.0.1:1/${institution.code}/graphql` }));
  framework = await startTestFramework('recognition_framework', institutions);
  await seedRecognitionIfEmpty(framework.databaseUrl, sampleRecognition(present, entries));
});
afterAll(async () => {
  await framework?.server.stop();
});

describe('recognition seed', () => {
  it('references only published or sunset entries of present institutions, and seeds once', async () => {
    const sql = postgres(framework.databaseUrl, { max: 1 });
    try {
      const published = new Set(
        present.flatMap((code) =>
          generateCatalogue(code, entries)
            .filter((e) => e.status !== 'DRAFT')
            .map((e) => `${code}:${e.slug}`),
        ),
      );
      const references = [
        ...(await sql`select micro_credential_id as id from common_core_members`),
        ...(await sql`select from_ref as id from equivalencies where from_kind = 'MICRO_CREDENTIAL'`),
        ...(await sql`select for_ref as id from equivalencies where for_kind = 'MICRO_CREDENTIAL'`),
        ...(await sql`select unnest(micro_credential_ids) as id from stacking_rules`),
      ].map((row) => row.id as string);
      expect(references.length).toBeGreaterThan(10);
      for (const id of references) expect(published.has(id), id).toBe(true);
      const parties = (await sql`select parties from agreements`).flatMap((row) => row.parties as string[]);
      expect(new Set(parties)).toEqual(new Set(['humber', 'seneca', 'durham']));
      // Georgian is absent: its programs and its agreements are left out, not written dangling.
      expect((await sql`select id from programs`).map((row) => row.id).sort()).toEqual([
        'durham:PSW',
        'humber:BAN-GC',
        'seneca:CTM-GC',
      ]);
    } finally {
      await sql.end();
    }
    const again = await seedRecognitionIfEmpty(framework.databaseUrl, sampleRecognition(present, entries));
    expect(again.seeded).toBe(false);
  });
});

describe('plausible equivalencies over the seed', () => {
  it('show the chain Seneca → Humber → Durham as a candidate with its path', async () => {
    const result = await graphql(
      framework.url,
      `{
      plausibleEquivalencies(item: { kind: MICRO_CREDENTIAL, ref: "seneca:cybersecurity-fundamentals" }) {
        for { ref } institutionCode kind strength path { basis direction equivalency { receivingInstitutionCode } }
      }
    }`,
    );
    expect(result.errors).toBeUndefined();
    const durham = result.data.plausibleEquivalencies.find(
      (c: any) => c.for.ref === 'durham:identity-and-access-management',
    );
    expect(durham).toMatchObject({ institutionCode: 'durham', kind: 'CHAIN' });
    expect(durham.path.map((s: any) => s.equivalency.receivingInstitutionCode)).toEqual(['humber', 'durham']);
  });

  it('reuse Humber’s first-mover decision on the Google certificate at peers sharing the common core', async () => {
    const result = await graphql(
      framework.url,
      `{
      plausibleEquivalencies(item: { kind: INDUSTRY_CREDENTIAL, ref: "google-data-analytics" }) { for { ref } kind path { basis commonCoreEntry { code } } }
    }`,
    );
    expect(result.errors).toBeUndefined();
    const reused = result.data.plausibleEquivalencies.filter(
      (c: any) => c.kind === 'INDUSTRY_CREDENTIAL_REUSE' && c.path[1]?.basis === 'COMMON_CORE',
    );
    expect(reused.map((c: any) => c.for.ref.split(':')[0]).sort()).toEqual(['durham', 'seneca']);
    expect(reused[0].path[1]).toEqual({ basis: 'COMMON_CORE', commonCoreEntry: { code: 'CC-DATA-ANALYTICS' } });
  });

  it('refuse a depth outside 1 to 4 and a malformed asOf', async () => {
    const deep = await graphql(
      framework.url,
      `{ plausibleEquivalencies(item: { kind: MICRO_CREDENTIAL, ref: "humber:x" }, maxDepth: 9) { kind } }`,
    );
    expect(deep.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(deep.errors?.[0]?.message).toContain('maxDepth');
    const date = await graphql(
      framework.url,
      `{ recognitionsOf(item: { kind: MICRO_CREDENTIAL, ref: "humber:x" }, asOf: "2026-02-30") { item { ref } } }`,
    );
    expect(date.errors?.[0]?.message).toContain('asOf');
  });

  it('as of a past day, before the agreements took effect, show nothing', async () => {
    const result = await graphql(
      framework.url,
      `{
      recognitionsOf(item: { kind: MICRO_CREDENTIAL, ref: "seneca:cybersecurity-fundamentals" }, asOf: "2020-01-01") { recognizedAs { basis for { ref } } }
    }`,
    );
    // Only the common core (not dated) remains.
    expect(result.data.recognitionsOf.recognizedAs.every((r: any) => r.basis === 'COMMON_CORE')).toBe(true);
  });
});

describe('entity fields', () => {
  it('cost the same few SQL statements for a batch of 30 micro-credentials as for one', async () => {
    const query = (ids: string[]) => `{
      _entities(representations: [${ids.map((id) => `{ __typename: "MicroCredential", id: "${id}" }`).join(', ')}]) {
        ... on MicroCredential { id commonCoreMemberships { entry { code } } recognizedAs { basis } recognizedFrom { basis } stacksInto { id } }
      }
    }`;
    const ids = generateCatalogue('humber', 30).map((e) => `humber:${e.slug}`);
    const count = async (batch: string[]) => {
      const before = framework.statements.length;
      const result = await graphql(framework.url, query(batch));
      expect(result.errors).toBeUndefined();
      return framework.statements.length - before;
    };
    await count(ids.slice(0, 1)); // connections warmed up
    const one = await count(ids.slice(0, 1));
    expect(one).toBeLessThanOrEqual(6);
    expect(await count(ids)).toBe(one);
  });
});

describe('writes without a gateway', () => {
  it('fail clearly when micro-credentials must be checked and no gateway URL is set', async () => {
    const issued = await graphql(
      framework.url,
      `mutation { issueRecognitionKey(institution: "humber", label: "t") { key } }`,
      {},
      asProvince,
    );
    const key = issued.data.issueRecognitionKey.key;
    const result = await graphql(
      framework.url,
      `mutation($input: EquivalencyInput!) { recordEquivalency(input: $input) { id } }`,
      {
        input: {
          receivingInstitution: 'humber',
          from: { kind: 'MICRO_CREDENTIAL', ref: 'seneca:cybersecurity-fundamentals' },
          for: { kind: 'COURSE', ref: 'humber:ITS101', title: 'IT Security I' },
          value: 3,
          unit: 'CREDITS',
          extent: 'FULL',
          startDate: '2026-01-01',
        },
      },
      { authorization: `Bearer ${key}` },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('GATEWAY_UNAVAILABLE');
    expect(result.errors?.[0]?.message).toContain('GATEWAY_URL');
  });
});

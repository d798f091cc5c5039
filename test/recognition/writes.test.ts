import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDirectory } from '../../cli/localDirectory.js';
import { provinceApiKey, registryToken, startTestDirectory, stopInstitutionDuringTest } from '../support/directory.js';
import { graphql } from '../support/graphql.js';

// Writes go to the framework through the gateway, which also answers the framework's existence checks.
let directory: LocalDirectory;
const keys: Record<string, string> = {};
beforeAll(async () => {
  directory = await startTestDirectory({ institutions: ['humber', 'seneca', 'georgian'] });
  for (const code of ['humber', 'seneca']) keys[code] = (await issueKey(code)).key;
});
afterAll(async () => {
  await directory?.stop();
});

const gateway = () => directory.gateway.url;
const asProvince = { authorization: `Bearer ${provinceApiKey}` };
const as = (code: string) => ({ authorization: `Bearer ${keys[code]}` });

async function issueKey(code: string) {
  const result = await graphql(
    gateway(),
    `mutation($code: ID!) { issueRecognitionKey(institution: $code, label: "registrar") { id institutionCode key } }`,
    { code },
    asProvince,
  );
  expect(result.errors).toBeUndefined();
  return result.data.issueRecognitionKey as { id: string; institutionCode: string; key: string };
}

const recordEquivalency = `mutation($input: EquivalencyInput!) {
  recordEquivalency(input: $input) { id receivingInstitutionCode from { ref } for { ref } transferValue { value unit extent } inForce }
}`;

function equivalency(overrides: Record<string, unknown> = {}) {
  return {
    receivingInstitution: 'humber',
    from: { kind: 'MICRO_CREDENTIAL', ref: 'seneca:machine-learning-foundations' },
    for: { kind: 'MICRO_CREDENTIAL', ref: 'humber:ai-tools-for-health-care-administration' },
    value: 1.5,
    unit: 'CREDITS',
    extent: 'PARTIAL',
    minimumGrade: 70,
    recencyYears: 5,
    startDate: '2026-01-01',
    ...overrides,
  };
}

async function equivalencyCount(): Promise<number> {
  const sql = postgres(directory.frameworkDatabaseUrl, { max: 1 });
  try {
    const [row] = await sql`select count(*)::int as count from equivalencies`;
    return row!.count as number;
  } finally {
    await sql.end();
  }
}

describe('institution recognition keys', () => {
  it('are issued by the province only, shown once and stored only as a digest', async () => {
    const issued = await issueKey('georgian');
    expect(issued.key).toMatch(/^rk_/);
    const sql = postgres(directory.frameworkDatabaseUrl, { max: 1 });
    try {
      const stored = await sql`select key_digest from recognition_keys where id = ${issued.id}`;
      expect(stored[0]!.key_digest).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(stored)).not.toContain(issued.key);
    } finally {
      await sql.end();
    }
    const byInstitution = await graphql(
      gateway(),
      `mutation { issueRecognitionKey(institution: "humber", label: "x") { key } }`,
      {},
      as('humber'),
    );
    expect(byInstitution.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byGateway = await graphql(
      gateway(),
      `mutation { issueRecognitionKey(institution: "humber", label: "x") { key } }`,
      {},
      { authorization: `Bearer ${registryToken}` },
    );
    expect(byGateway.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('stop working once revoked', async () => {
    const issued = await issueKey('georgian');
    const headers = { authorization: `Bearer ${issued.key}` };
    const input = equivalency({
      receivingInstitution: 'georgian',
      for: { kind: 'COURSE', ref: 'georgian:MATH1000', title: 'Statistics' },
    });
    const before = await graphql(gateway(), recordEquivalency, { input }, headers);
    expect(before.errors).toBeUndefined();
    const revoked = await graphql(
      gateway(),
      `mutation($id: ID!) { revokeRecognitionKey(id: $id) }`,
      { id: issued.id },
      asProvince,
    );
    expect(revoked.data.revokeRecognitionKey).toBe(true);
    const after = await graphql(gateway(), recordEquivalency, { input }, headers);
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('recording an equivalency decision', () => {
  it('is the receiving institution’s to make: another institution, the province and anonymous callers are refused', async () => {
    const before = await equivalencyCount();
    const bySeneca = await graphql(gateway(), recordEquivalency, { input: equivalency() }, as('seneca'));
    expect(bySeneca.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(bySeneca.errors?.[0]?.message).toContain('"seneca"');
    const byProvince = await graphql(gateway(), recordEquivalency, { input: equivalency() }, asProvince);
    expect(byProvince.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await graphql(gateway(), recordEquivalency, { input: equivalency() });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const forged = await graphql(
      gateway(),
      recordEquivalency,
      { input: equivalency() },
      { authorization: 'Bearer rk_not-a-real-key' },
    );
    expect(forged.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await equivalencyCount()).toBe(before);
  });

  it('is recorded, then recognized through the gateway, and stops counting once withdrawn', async () => {
    const recorded = await graphql(gateway(), recordEquivalency, { input: equivalency() }, as('humber'));
    expect(recorded.errors).toBeUndefined();
    const row = recorded.data.recordEquivalency;
    expect(row).toMatchObject({
      receivingInstitutionCode: 'humber',
      transferValue: { value: 1.5, unit: 'CREDITS', extent: 'PARTIAL' },
      inForce: true,
    });

    const recognizedAs = async () =>
      (
        await graphql(
          gateway(),
          `{ microCredential(id: "seneca:machine-learning-foundations") { recognizedAs { basis for { ref } } } }`,
        )
      ).data.microCredential.recognizedAs;
    expect(await recognizedAs()).toContainEqual({
      basis: 'AGREEMENT',
      for: { ref: 'humber:ai-tools-for-health-care-administration' },
    });

    // Seneca cannot withdraw Humber's decision; Humber can.
    const bySeneca = await graphql(
      gateway(),
      `mutation($id: ID!) { withdrawEquivalency(id: $id) { status } }`,
      { id: row.id },
      as('seneca'),
    );
    expect(bySeneca.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const withdrawn = await graphql(
      gateway(),
      `mutation($id: ID!) { withdrawEquivalency(id: $id) { status inForce } }`,
      { id: row.id },
      as('humber'),
    );
    expect(withdrawn.data.withdrawEquivalency).toEqual({ status: 'WITHDRAWN', inForce: false });
    expect(await recognizedAs()).not.toContainEqual({
      basis: 'AGREEMENT',
      for: { ref: 'humber:ai-tools-for-health-care-administration' },
    });
  });

  it('refuses an equivalency from an item to itself and dates out of order, listing every problem and writing nothing', async () => {
    const before = await equivalencyCount();
    const result = await graphql(
      gateway(),
      recordEquivalency,
      {
        input: equivalency({
          from: { kind: 'MICRO_CREDENTIAL', ref: 'humber:applied-business-analytics' },
          for: { kind: 'MICRO_CREDENTIAL', ref: 'humber:applied-business-analytics' },
          startDate: '2026-05-01',
          endDate: '2026-01-01',
          minimumGrade: 120,
        }),
      },
      as('humber'),
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const problems = result.errors![0]!.extensions!.problems.map((p: any) => [p.field, p.code, p.path]);
    expect(problems).toEqual(
      expect.arrayContaining([
        ['input.for', 'INCONSISTENT', ['input', 'for']],
        ['input.endDate', 'DATES_OUT_OF_ORDER', ['input', 'endDate']],
        ['input.minimumGrade', 'OUT_OF_RANGE', ['input', 'minimumGrade']],
      ]),
    );
    expect(await equivalencyCount()).toBe(before);
  });

  it('refuses micro-credentials that do not exist at their institution, checked through the gateway, naming them', async () => {
    const before = await equivalencyCount();
    const result = await graphql(
      gateway(),
      recordEquivalency,
      { input: equivalency({ from: { kind: 'MICRO_CREDENTIAL', ref: 'seneca:underwater-basket-weaving' } }) },
      as('humber'),
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('MICRO_CREDENTIAL_NOT_FOUND');
    expect(result.errors?.[0]?.message).toContain('"seneca:underwater-basket-weaving"');
    expect(result.errors?.[0]?.extensions?.problems).toEqual([
      {
        field: 'input.from.ref',
        path: ['input', 'from', 'ref'],
        code: 'MICRO_CREDENTIAL_NOT_FOUND',
        message: expect.stringContaining('seneca:underwater-basket-weaving'),
      },
    ]);
    // A draft is not public, so it does not exist for recognition either (humber's entry 5 is a draft).
    const draft = await graphql(
      gateway(),
      recordEquivalency,
      {
        input: equivalency({ from: { kind: 'MICRO_CREDENTIAL', ref: 'seneca:entrepreneurship-from-idea-to-launch' } }),
      },
      as('humber'),
    );
    expect(draft.errors?.[0]?.extensions?.code).toBe('MICRO_CREDENTIAL_NOT_FOUND');
    expect(await equivalencyCount()).toBe(before);
  });
});

describe('recording an agreement', () => {
  const recordAgreement = `mutation($input: AgreementInput!) {
    recordAgreement(input: $input) { id kind partyCodes ownedBy { code } inForce equivalencies { receivingInstitutionCode for { ref } } }
  }`;
  const agreementInput = (overrides: Record<string, unknown> = {}) => ({
    name: 'Seneca–Humber analytics agreement',
    description: 'Seneca recognizes Humber analytics learning.',
    kind: 'BILATERAL',
    parties: ['seneca', 'humber'],
    dateSigned: '2026-01-05',
    dateEffective: '2026-01-10',
    expirationDate: '2031-01-10',
    equivalencies: [
      equivalency({
        receivingInstitution: 'seneca',
        from: { kind: 'MICRO_CREDENTIAL', ref: 'humber:applied-business-analytics' },
        for: { kind: 'MICRO_CREDENTIAL', ref: 'seneca:python-for-data-analysis' },
        startDate: '2026-01-10',
      }),
    ],
    ...overrides,
  });

  it('records the agreement and the caller’s decisions together; withdrawing it withdraws their effect', async () => {
    const result = await graphql(gateway(), recordAgreement, { input: agreementInput() }, as('seneca'));
    expect(result.errors).toBeUndefined();
    const recorded = result.data.recordAgreement;
    expect(recorded).toMatchObject({
      kind: 'BILATERAL',
      partyCodes: ['seneca', 'humber'],
      ownedBy: { code: 'seneca' },
      equivalencies: [{ receivingInstitutionCode: 'seneca', for: { ref: 'seneca:python-for-data-analysis' } }],
    });
    const recognized = async () =>
      (
        await graphql(
          gateway(),
          `{ microCredential(id: "humber:applied-business-analytics") { recognizedAs { basis for { ref } } } }`,
        )
      ).data.microCredential.recognizedAs;
    const decided = { basis: 'AGREEMENT', for: { ref: 'seneca:python-for-data-analysis' } };
    expect(await recognized()).toContainEqual(decided);

    const setStatus = `mutation($id: ID!) { setAgreementStatus(id: $id, status: WITHDRAWN) { status inForce equivalencies { inForce } } }`;
    const byOutsider = await graphql(
      gateway(),
      setStatus,
      { id: recorded.id },
      { authorization: `Bearer ${(await issueKey('georgian')).key}` },
    );
    expect(byOutsider.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const withdrawn = await graphql(gateway(), setStatus, { id: recorded.id }, as('humber'));
    expect(withdrawn.data.setAgreementStatus).toEqual({
      status: 'WITHDRAWN',
      inForce: false,
      equivalencies: [{ inForce: false }],
    });
    expect(await recognized()).not.toContainEqual(decided);
  });

  it('is atomic: one bad decision, dates out of order or a party that may not decide refuses the whole agreement', async () => {
    const count = async () =>
      (await graphql(gateway(), `{ articulationAgreements { id } }`)).data.articulationAgreements.length;
    const before = await count();
    const result = await graphql(
      gateway(),
      recordAgreement,
      {
        input: agreementInput({
          dateSigned: '2026-02-01',
          expirationDate: '2025-01-01',
          equivalencies: [agreementInput().equivalencies[0], equivalency({ receivingInstitution: 'humber' })],
        }),
      },
      as('seneca'),
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const fields = result.errors![0]!.extensions!.problems.map((p: any) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'input.dateEffective',
        'input.expirationDate',
        'input.equivalencies[1].receivingInstitution',
      ]),
    );
    expect(await count()).toBe(before);
    // Not a party: Georgian may not record an agreement between Seneca and Humber.
    const outsider = await graphql(
      gateway(),
      recordAgreement,
      { input: agreementInput({ equivalencies: [] }) },
      { authorization: `Bearer ${(await issueKey('georgian')).key}` },
    );
    expect(outsider.errors?.[0]?.extensions?.problems?.[0]?.message).toContain(
      'must include the recording institution "georgian"',
    );
  });
});

describe('province writes to the common core', () => {
  it('are province-only and check members through the gateway', async () => {
    const input = {
      code: 'CC-TEST-ANALYTICS',
      title: 'Applied Analytics',
      description: 'Applied analytics for business.',
      sectorArea: 'BUSINESS',
      requiredCompetencies: ['Model business data'],
      minimumHours: 30,
      endorsingBodies: ['eCampusOntario'],
    };
    const save = `mutation($input: CommonCoreEntryInput!) { saveCommonCoreEntry(input: $input) { code } }`;
    expect((await graphql(gateway(), save, { input }, as('humber'))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await graphql(gateway(), save, { input }, asProvince)).errors).toBeUndefined();
    const setMembers = `mutation($ids: [ID!]!) { setCommonCoreMembers(code: "CC-TEST-ANALYTICS", microCredentialIds: $ids) { members { id title } } }`;
    const missing = await graphql(
      gateway(),
      setMembers,
      { ids: ['humber:applied-business-analytics', 'georgian:nothing-here'] },
      asProvince,
    );
    expect(missing.errors?.[0]?.extensions?.code).toBe('MICRO_CREDENTIAL_NOT_FOUND');
    expect(missing.errors?.[0]?.message).toContain('georgian:nothing-here');
    const set = await graphql(
      gateway(),
      setMembers,
      { ids: ['humber:applied-business-analytics', 'seneca:python-for-data-analysis'] },
      asProvince,
    );
    expect(set.errors).toBeUndefined();
    expect(set.data.setCommonCoreMembers.members.map((m: any) => m.title)).toEqual([
      'Applied Business Analytics',
      'Python for Data Analysis',
    ]);
    const facet = await graphql(
      gateway(),
      `{ microCredential(id: "seneca:python-for-data-analysis") { commonCoreMemberships { entry { code } } } }`,
    );
    expect(facet.data.microCredential.commonCoreMemberships).toEqual([{ entry: { code: 'CC-TEST-ANALYTICS' } }]);
  });
});

describe('recording a program', () => {
  const saveProgram = `mutation($input: ProgramInput!) {
    saveProgram(input: $input) { id oqfLevel { number } stackingRules { name requiredCount microCredentials { id title } commonCoreEntries { code } } }
  }`;
  const program = (overrides: Record<string, unknown> = {}) => ({
    id: 'humber:AI-HEALTH',
    title: 'AI in Health Administration',
    credential: 'Ontario College Certificate',
    oqfLevel: 5,
    totalCredits: 12,
    stackingRules: [
      {
        name: 'AI tools',
        microCredentialIds: ['humber:ai-tools-for-health-care-administration'],
        commonCoreCodes: [],
        requiredCount: 1,
        creditsGranted: 3,
      },
      {
        name: 'Data',
        microCredentialIds: [],
        commonCoreCodes: ['CC-DATA-ANALYTICS'],
        requiredCount: 1,
        creditsGranted: 3,
      },
    ],
    ...overrides,
  });

  it('is the owning institution’s, with stacking rules whose micro-credentials exist', async () => {
    const bySeneca = await graphql(gateway(), saveProgram, { input: program() }, as('seneca'));
    expect(bySeneca.errors?.[0]?.extensions?.problems?.[0]).toEqual({
      field: 'input.id',
      path: ['input', 'id'],
      code: 'WRONG_INSTITUTION',
      message: 'must start with the recording institution "seneca:"',
    });
    const invalid = await graphql(
      gateway(),
      saveProgram,
      {
        input: program({
          oqfLevel: 14,
          stackingRules: [
            {
              name: 'x',
              microCredentialIds: ['humber:a'],
              commonCoreCodes: ['CC-NOPE'],
              requiredCount: 2,
              creditsGranted: 20,
            },
          ],
        }),
      },
      as('humber'),
    );
    const fields = invalid.errors![0]!.extensions!.problems.map((p: any) => [p.field, p.code]);
    expect(fields).toEqual(
      expect.arrayContaining([
        ['input.oqfLevel', 'OUT_OF_RANGE'],
        ['input.stackingRules[0].commonCoreCodes[0]', 'UNKNOWN_REFERENCE'],
        ['input.stackingRules', 'INCONSISTENT'],
      ]),
    );
    const saved = await graphql(gateway(), saveProgram, { input: program() }, as('humber'));
    expect(saved.errors).toBeUndefined();
    expect(saved.data.saveProgram.stackingRules[0].microCredentials[0].title).toBe(
      'AI Tools for Health Care Administration',
    );
    const plan = await graphql(
      gateway(),
      `{ planPathways(completed: ["humber:ai-tools-for-health-care-administration"]) { program { id } complete remainingCount: creditsRemaining } }`,
    );
    expect(plan.data.planPathways).toContainEqual({
      program: { id: 'humber:AI-HEALTH' },
      complete: false,
      remainingCount: 3,
    });
  });
});

describe('when an institution is down', () => {
  it('refuses references it cannot confirm as unconfirmed (worth retrying), not as missing', async () => {
    await stopInstitutionDuringTest(directory, 'seneca');
    const result = await graphql(gateway(), recordEquivalency, { input: equivalency() }, as('humber'));
    expect(result.errors?.[0]?.extensions?.code).toBe('MICRO_CREDENTIAL_UNCONFIRMED');
    expect(result.errors?.[0]?.message).toContain('"seneca:machine-learning-foundations" could not be confirmed');
  });
});

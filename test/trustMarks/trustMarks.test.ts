/**
 * Provincial trust marks end to end, through the gateway (real federation,
 * real PostgreSQL): the OSAP rule at publish with and without the province's
 * exception, QA verifications and endorsements with their authorization, and
 * endorser keys reaching the framework through the gateway's credential policy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDirectory } from '../../cli/localDirectory.js';
import { provinceApiKey, startTestDirectory } from '../support/directory.js';
import { apiKeyFor, asCaller, payloadFields, sampleInputs } from '../publishing/support.js';

let directory: LocalDirectory;
let humberKey: string;
let publishedIds: string[];

beforeAll(async () => {
  directory = await startTestDirectory({ institutions: ['humber'], entriesPerInstitution: 6 });
  humberKey = await apiKeyFor(directory.catalogueDatabaseUrl('humber'), 'humber');
  const listed = await gateway()(
    `{ institution(code: "humber") { microCredentials(first: 50) { edges { node { id } } } } }`,
  );
  publishedIds = listed.data.institution.microCredentials.edges.map((edge: { node: { id: string } }) => edge.node.id);
});
afterAll(async () => {
  await directory?.stop();
});

const gateway = (key?: string) => asCaller(directory.gateway.url, key);
const province = () => gateway(provinceApiKey);
const codeOf = (result: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
  result.errors?.[0]?.extensions?.code;

const create = `mutation ($input: MicroCredentialInput!) {
  createMicroCredentialDraft(institution: "humber", input: $input) { ${payloadFields} } }`;
const publish = `mutation ($id: ID!, $v: Int!) { publishMicroCredential(id: $id, expectedVersion: $v) { ${payloadFields} } }`;
const attest = `mutation ($input: OsapApprovalInput!) {
  attestOsapApproval(input: $input) { id microCredentialId reference attestedBy ruleException inForce } }`;
const marksOf = `query ($id: ID!) { microCredential(id: $id) {
  id osapEligible qualityAssurance { body type }
  osapApproval { reference attestedBy ruleException inForce }
  qualityAssuranceVerifications { id body bodyName scope inForce }
  endorsements { id statement endorser { id name kind } }
  trustMarks { osapApproved verifiedQualityAssurance employerEndorsed carriesTransferCredit stacksIntoProgram }
} }`;

describe('the OSAP rule at publish', () => {
  const [base] = sampleInputs('humber', 1, 41);
  const longEntry = (slug: string, osapEligible: boolean) => ({
    ...base!,
    slug,
    externalCode: `OSAP-${slug}`.slice(0, 60),
    instructionalHours: 420,
    // Contract 1.1: learner effort is at least the instructional hours.
    learnerEffortHours: 630,
    osapEligible,
  });

  it('blocks an OSAP claim outside the rules, and publishes it once the province attests an exception', async () => {
    const slug = 'osap-long-clinical';
    const id = `humber:${slug}`;
    const drafted = await gateway(humberKey)(create, { input: longEntry(slug, true) });
    expect(drafted.errors).toBeUndefined();
    expect(drafted.data.createMicroCredentialDraft.problems).toEqual([]);

    const refused = await gateway(humberKey)(publish, { id, v: 1 });
    expect(refused.errors).toBeUndefined();
    expect(refused.data.publishMicroCredential.microCredential).toBeNull();
    expect(refused.data.publishMicroCredential.problems).toEqual([
      expect.objectContaining({ code: 'OSAP_RULE_NOT_MET', path: ['instructionalHours'] }),
    ]);

    // A standard approval is not an exception: the rule still holds.
    const standard = await province()(attest, {
      input: { microCredentialId: id, reference: 'OSAP-MC-1', attestedBy: 'SFAB', validFrom: '2026-01-01' },
    });
    expect(standard.errors).toBeUndefined();
    const stillRefused = await gateway(humberKey)(publish, { id, v: 1 });
    expect(stillRefused.data.publishMicroCredential.problems[0].code).toBe('OSAP_RULE_NOT_MET');

    const exception = await province()(attest, {
      input: {
        microCredentialId: id,
        reference: 'OSAP-MC-1-X',
        attestedBy: 'Student Financial Assistance Branch',
        validFrom: '2026-01-01',
        ruleException: 'Clinical placement set by the regulator',
      },
    });
    expect(exception.errors).toBeUndefined();
    expect(exception.data.attestOsapApproval).toMatchObject({
      ruleException: 'Clinical placement set by the regulator',
      inForce: true,
    });

    const published = await gateway(humberKey)(publish, { id, v: 1 });
    expect(published.data.publishMicroCredential.problems).toEqual([]);
    expect(published.data.publishMicroCredential.microCredential).toMatchObject({ id, status: 'ACTIVE' });

    const shown = await gateway()(marksOf, { id });
    expect(shown.data.microCredential.osapApproval).toEqual({
      reference: 'OSAP-MC-1-X',
      attestedBy: 'Student Financial Assistance Branch',
      ruleException: 'Clinical placement set by the regulator',
      inForce: true,
    });
    expect(shown.data.microCredential.trustMarks.osapApproved).toBe(true);
  });

  it('publishes the same entry without the OSAP claim, and never shows an unattested claim as approved', async () => {
    const slug = 'osap-long-unclaimed';
    await gateway(humberKey)(create, { input: longEntry(slug, false) });
    const published = await gateway(humberKey)(publish, { id: `humber:${slug}`, v: 1 });
    expect(published.data.publishMicroCredential.problems).toEqual([]);

    // The directory's verdict is the province's: a claim alone, or a withdrawn approval, is not an approval.
    const entries = await Promise.all(
      publishedIds.map(async (id) => (await gateway()(marksOf, { id })).data.microCredential),
    );
    for (const entry of entries) expect(entry.trustMarks.osapApproved).toBe(entry.osapApproval?.inForce === true);
    const claimed = entries.find((entry) => entry.osapEligible)!;
    expect(claimed).toBeDefined();
    await province()(attest, {
      input: { microCredentialId: claimed.id, reference: 'OSAP-W', attestedBy: 'SFAB', validFrom: '2026-01-01' },
    });
    expect((await gateway()(marksOf, { id: claimed.id })).data.microCredential.trustMarks.osapApproved).toBe(true);
    const withdrawn = await province()(
      `mutation ($id: ID!) { withdrawOsapApproval(microCredentialId: $id, reason: "Approval lapsed") { withdrawalReason inForce } }`,
      { id: claimed.id },
    );
    expect(withdrawn.data.withdrawOsapApproval).toEqual({ withdrawalReason: 'Approval lapsed', inForce: false });
    const after = (await gateway()(marksOf, { id: claimed.id })).data.microCredential;
    expect(after).toMatchObject({ osapEligible: true, osapApproval: null, trustMarks: { osapApproved: false } });
  });

  it('answers two attestations of one entry at once with one current approval, never a database error', async () => {
    const id = publishedIds[5] ?? publishedIds[0]!;
    const input = { microCredentialId: id, reference: 'OSAP-RACE', attestedBy: 'SFAB', validFrom: '2026-01-01' };
    const results = await Promise.all([province()(attest, { input }), province()(attest, { input })]);
    for (const result of results) if (result.errors) expect(codeOf(result)).toBe('CONFLICT');
    expect(results.some((result) => !result.errors)).toBe(true);
    const shown = await gateway()(marksOf, { id });
    expect(shown.data.microCredential.osapApproval).toMatchObject({ reference: 'OSAP-RACE', inForce: true });
  });

  it('lets only the province attest, with every problem listed at once', async () => {
    const input = { microCredentialId: publishedIds[0], reference: 'R', attestedBy: 'A', validFrom: '2026-01-01' };
    expect(codeOf(await gateway()(attest, { input }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gateway(humberKey)(attest, { input }))).toBe('UNAUTHENTICATED');
    const bad = await province()(attest, {
      input: {
        microCredentialId: 'nobody:x',
        reference: ' ',
        attestedBy: 'A',
        validFrom: '2026-03-01',
        validUntil: '2026-02-01',
      },
    });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0]!.extensions!.problems.map((p: any) => [p.field, p.code, p.path]).sort()).toEqual([
      ['input.microCredentialId', 'UNKNOWN_REFERENCE', ['input', 'microCredentialId']],
      ['input.reference', 'REQUIRED', ['input', 'reference']],
      ['input.validUntil', 'DATES_OUT_OF_ORDER', ['input', 'validUntil']],
    ]);
  });
});

describe('quality-assurance verifications', () => {
  const record = `mutation ($input: QualityAssuranceVerificationInput!) {
    recordQualityAssuranceVerification(input: $input) { id body bodyName inForce } }`;
  const withdraw = `mutation ($id: ID!) { withdrawQualityAssuranceVerification(id: $id) { id inForce } }`;

  it("are recorded by the province and shown beside the institution's own statement, until withdrawn", async () => {
    const id = publishedIds[1]!;
    const input = {
      microCredentialId: id,
      body: 'INDUSTRY_ACCREDITOR',
      bodyName: 'Test Accreditation Board',
      scope: 'Accreditation',
      verifiedOn: '2026-02-01',
    };
    expect(codeOf(await gateway()(record, { input }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gateway(humberKey)(record, { input }))).toBe('UNAUTHENTICATED');
    const missing = await province()(record, { input: { ...input, microCredentialId: 'humber:no-such-entry' } });
    expect(codeOf(missing)).toBe('MICRO_CREDENTIAL_NOT_FOUND');

    const recorded = await province()(record, { input });
    expect(recorded.errors).toBeUndefined();
    const verification = recorded.data.recordQualityAssuranceVerification;
    const shown = await gateway()(marksOf, { id });
    expect(shown.data.microCredential.qualityAssurance.body).toEqual(expect.any(String));
    expect(shown.data.microCredential.qualityAssuranceVerifications).toContainEqual(
      expect.objectContaining({ id: verification.id, bodyName: 'Test Accreditation Board', inForce: true }),
    );
    expect(shown.data.microCredential.trustMarks.verifiedQualityAssurance).toBe(true);

    const withdrawn = await province()(withdraw, { id: verification.id });
    expect(withdrawn.data.withdrawQualityAssuranceVerification.inForce).toBe(false);
    const after = await gateway()(marksOf, { id });
    expect(after.data.microCredential.qualityAssuranceVerifications.map((v: { id: string }) => v.id)).not.toContain(
      verification.id,
    );
  });
});

describe('endorsements', () => {
  const register = `mutation ($input: EndorserInput!) { registerEndorser(input: $input) { id kind } }`;
  const issue = `mutation ($endorser: ID!) { issueEndorserKey(endorser: $endorser, label: "test") { id key endorser { id } } }`;
  const revoke = `mutation ($id: ID!) { revokeEndorserKey(id: $id) }`;
  const endorse = `mutation ($input: EndorsementInput!) { endorse(input: $input) { id endorser { id } statement inForce } }`;
  const withdraw = `mutation ($id: ID!) { withdrawEndorsement(id: $id) { id withdrawnBy inForce } }`;
  const keys: Record<string, { id: string; key: string }> = {};

  beforeAll(async () => {
    for (const [id, kind] of [
      ['test-employer', 'EMPLOYER'],
      ['test-sector-body', 'SECTOR_BODY'],
    ] as const) {
      const registered = await province()(register, {
        input: { id, name: `${id} name`, kind, website: `https://${id}.example` },
      });
      expect(registered.errors).toBeUndefined();
      keys[id] = (await province()(issue, { endorser: id })).data.issueEndorserKey;
    }
  });

  it('registers endorsers and issues their keys only with the province key', async () => {
    const input = { id: 'intruder', name: 'Intruder', kind: 'EMPLOYER', website: 'https://intruder.example' };
    expect(codeOf(await gateway()(register, { input }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gateway(keys['test-employer']!.key)(register, { input }))).toBe('FORBIDDEN');
    expect(codeOf(await gateway(keys['test-employer']!.key)(issue, { endorser: 'test-employer' }))).toBe('FORBIDDEN');
    const again = await province()(register, { input: { ...input, id: 'test-employer' } });
    expect(codeOf(again)).toBe('ENDORSER_ALREADY_REGISTERED');
    expect(keys['test-employer']!.key).toMatch(/^ek_[0-9a-f]{8}_/);
  });

  it('lets an endorser endorse an entry as itself; the endorsement is listed and counts as employer-partnered', async () => {
    const id = publishedIds[2]!;
    const input = { microCredentialId: id, statement: 'Prepares staff for our wards.', validFrom: '2026-01-01' };
    expect(codeOf(await gateway()(endorse, { input }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await province()(endorse, { input }))).toBe('FORBIDDEN');
    expect(codeOf(await gateway(humberKey)(endorse, { input }))).toBe('UNAUTHENTICATED');

    const made = await gateway(keys['test-employer']!.key)(endorse, { input });
    expect(made.errors).toBeUndefined();
    expect(made.data.endorse).toMatchObject({ endorser: { id: 'test-employer' }, inForce: true });
    const twice = await gateway(keys['test-employer']!.key)(endorse, { input });
    expect(codeOf(twice)).toBe('ALREADY_ENDORSED');

    const shown = await gateway()(marksOf, { id });
    expect(shown.data.microCredential.endorsements).toContainEqual({
      id: made.data.endorse.id,
      statement: 'Prepares staff for our wards.',
      endorser: { id: 'test-employer', name: 'test-employer name', kind: 'EMPLOYER' },
    });
    expect(shown.data.microCredential.trustMarks.employerEndorsed).toBe(true);
  });

  it("refuses another endorser's withdrawal; the endorser or the province may withdraw, and a withdrawn one is gone", async () => {
    const id = publishedIds[3]!;
    const byEmployer = await gateway(keys['test-employer']!.key)(endorse, {
      input: { microCredentialId: id, statement: 'Employer says yes.', validFrom: '2026-01-01' },
    });
    const bySector = await gateway(keys['test-sector-body']!.key)(endorse, {
      input: {
        microCredentialId: id,
        statement: 'Sector says yes.',
        validFrom: '2026-01-01',
        validUntil: '2030-12-31',
      },
    });
    const employerEndorsement = byEmployer.data.endorse.id;
    const sectorEndorsement = bySector.data.endorse.id;

    expect(codeOf(await gateway(keys['test-sector-body']!.key)(withdraw, { id: employerEndorsement }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await gateway()(withdraw, { id: employerEndorsement }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await province()(withdraw, { id: '00000000-0000-0000-0000-000000000000' }))).toBe(
      'ENDORSEMENT_NOT_FOUND',
    );

    const own = await gateway(keys['test-employer']!.key)(withdraw, { id: employerEndorsement });
    expect(own.data.withdrawEndorsement).toEqual({ id: employerEndorsement, withdrawnBy: 'ENDORSER', inForce: false });
    const byProvince = await province()(withdraw, { id: sectorEndorsement });
    expect(byProvince.data.withdrawEndorsement).toMatchObject({ withdrawnBy: 'PROVINCE', inForce: false });

    const shown = await gateway()(marksOf, { id });
    const listed = shown.data.microCredential.endorsements.map((e: { id: string }) => e.id);
    expect(listed).not.toContain(employerEndorsement);
    expect(listed).not.toContain(sectorEndorsement);
    // A withdrawn endorsement may be made anew.
    const renewed = await gateway(keys['test-employer']!.key)(endorse, {
      input: { microCredentialId: id, statement: 'Employer says yes again.', validFrom: '2026-01-01' },
    });
    expect(renewed.errors).toBeUndefined();
  });

  it('stops accepting a revoked key at once', async () => {
    const fresh = (await province()(issue, { endorser: 'test-sector-body' })).data.issueEndorserKey;
    expect(await province()(revoke, { id: fresh.id })).toMatchObject({ data: { revokeEndorserKey: true } });
    const refused = await gateway(fresh.key)(endorse, {
      input: { microCredentialId: publishedIds[4], statement: 'Late.', validFrom: '2026-01-01' },
    });
    expect(codeOf(refused)).toBe('UNAUTHENTICATED');
  });
});

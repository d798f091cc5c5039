import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalogue } from '../../seed/catalogue.js';
import { startCatalogueHarness, type CatalogueHarness } from '../catalogue/harness.js';
import { apiKeyFor, asCaller, payloadFields, sampleInputs } from './support.js';

let seneca: CatalogueHarness;
let humber: CatalogueHarness;
let senecaKey: string;
let humberKey: string;
const inputs = sampleInputs('seneca', 12);
let used = 0;
const freshInput = () => {
  const input = inputs[used++];
  if (!input) throw new Error('test needs more sample inputs');
  return input;
};

beforeAll(async () => {
  [seneca, humber] = await Promise.all([startCatalogueHarness('seneca'), startCatalogueHarness('humber')]);
  senecaKey = await apiKeyFor(seneca.databaseUrl, 'seneca', 'seneca registrar');
  humberKey = await apiKeyFor(humber.databaseUrl, 'humber', 'humber registrar');
});
afterAll(async () => {
  await Promise.all([seneca?.stop(), humber?.stop()]);
});

const create = `mutation ($institution: ID!, $input: MicroCredentialInput!) {
  createMicroCredentialDraft(institution: $institution, input: $input) { ${payloadFields} } }`;
const update = `mutation ($id: ID!, $v: Int!, $input: MicroCredentialInput!) {
  updateMicroCredentialDraft(id: $id, expectedVersion: $v, input: $input) { ${payloadFields} } }`;
const publish = `mutation ($id: ID!, $v: Int!) { publishMicroCredential(id: $id, expectedVersion: $v) { ${payloadFields} } }`;
const sunset = `mutation ($id: ID!, $v: Int!, $reason: String!, $date: Date!) {
  sunsetMicroCredential(id: $id, expectedVersion: $v, reason: $reason, effectiveDate: $date) { ${payloadFields} } }`;

async function storedCount(harness: CatalogueHarness) {
  const [row] =
    await harness.sql`select (select count(*) from micro_credentials)::int + (select count(*) from micro_credential_drafts)::int as n`;
  return row!.n as number;
}

describe('authentication and ownership', () => {
  it('refuses writes without a key, with a revoked or foreign key, and for another institution', async () => {
    const input = freshInput();
    const anonymous = await asCaller(seneca.server.url)(create, { institution: 'seneca', input });
    expect(anonymous.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');

    // humber's key is not stored in seneca's database, so it is no key at all there.
    const foreignKey = await asCaller(seneca.server.url, humberKey)(create, { institution: 'seneca', input });
    expect(foreignKey.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');

    // seneca's own key, but naming humber: seneca's subgraph refuses to act for humber.
    const otherInstitution = await asCaller(seneca.server.url, senecaKey)(create, { institution: 'humber', input });
    expect(otherInstitution.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const otherId = await asCaller(seneca.server.url, senecaKey)(publish, { id: `humber:${input.slug}`, v: 1 });
    expect(otherId.errors![0]!.extensions!.code).toBe('FORBIDDEN');

    const tampered = `${senecaKey.slice(0, -1)}${senecaKey.endsWith('A') ? 'B' : 'A'}`;
    const wrongSecret = await asCaller(seneca.server.url, tampered)(create, { institution: 'seneca', input });
    expect(wrongSecret.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');

    expect(await storedCount(seneca)).toBe(0);
    expect(await storedCount(humber)).toBe(0);
  });

  it('keeps drafts and the audit log from readers without the key', async () => {
    const input = freshInput();
    await asCaller(seneca.server.url, senecaKey)(create, { institution: 'seneca', input });
    const id = `seneca:${input.slug}`;
    const query = `query ($id: ID!) { microCredentialDraft(id: $id) { id version } microCredential(id: $id) { id } }`;
    const anonymous = await asCaller(seneca.server.url)(query, { id });
    expect(anonymous.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const owner = await asCaller(seneca.server.url, senecaKey)(query, { id });
    expect(owner.errors).toBeUndefined();
    expect(owner.data).toEqual({ microCredentialDraft: { id, version: 1 }, microCredential: null });
    const audit = await asCaller(seneca.server.url)(`{ auditLog(institution: "seneca") { entries { action } } }`);
    expect(audit.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });
});

describe('validation', () => {
  it('returns every problem at once with codes and paths, and writes nothing', async () => {
    const input = freshInput();
    const before = await storedCount(seneca);
    const offering = (input.offerings as Array<Record<string, unknown>>)[0]!;
    const broken = {
      ...input,
      occupations: [{ nocCode: '2121', title: 'Too short' }],
      cip: { code: '30.71', title: 'Wrong' },
      skills: [{ framework: 'ESCO', code: 'https://esco.example/skill/1', label: 'Not a concept URI' }],
      instructionalHours: 0,
      courseOutlineUrl: 'not a url',
      effectiveDate: '2026-05-01',
      expiryDate: '2026-04-01',
      offerings: [{ ...offering, priceCad: -5, endDate: '2000-01-01', registrationUrl: 'ftp://x' }],
    };
    const result = await asCaller(seneca.server.url, senecaKey)(create, { institution: 'seneca', input: broken });
    expect(result.errors).toBeUndefined();
    const payload = result.data.createMicroCredentialDraft;
    expect(payload.microCredential).toBeNull();
    expect(payload.draft).toBeNull();
    const found = payload.problems.map((p: { code: string; path: unknown[] }) => [p.code, p.path]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['INVALID_NOC_CODE', ['occupations', 0, 'nocCode']],
        ['INVALID_CIP_CODE', ['cip', 'code']],
        ['INVALID_ESCO_URI', ['skills', 0, 'code']],
        ['OUT_OF_RANGE', ['instructionalHours']],
        ['INVALID_URL', ['courseOutlineUrl']],
        ['DATES_OUT_OF_ORDER', ['expiryDate']],
        ['OUT_OF_RANGE', ['offerings', 0, 'priceCad']],
        ['DATES_OUT_OF_ORDER', ['offerings', 0, 'endDate']],
        ['INVALID_URL', ['offerings', 0, 'registrationUrl']],
      ]),
    );
    expect(found).toHaveLength(9);
    expect(await storedCount(seneca)).toBe(before);
  });

  it('saves incomplete drafts, and blocks publishing until complete, listing all that is missing', async () => {
    const input = freshInput();
    const id = `seneca:${input.slug}`;
    const call = asCaller(seneca.server.url, senecaKey);
    const partial = { slug: input.slug, title: input.title };
    const created = (await call(create, { institution: 'seneca', input: partial })).data.createMicroCredentialDraft;
    expect(created.problems).toEqual([]);
    expect(created.draft.version).toBe(1);
    expect(created.draft.problems.map((p: { path: unknown[] }) => p.path[0])).toEqual(
      expect.arrayContaining([
        'description',
        'occupations',
        'cip',
        'courseOutlineUrl',
        'transferContact',
        'effectiveDate',
      ]),
    );

    const blocked = (await call(publish, { id, v: 1 })).data.publishMicroCredential;
    expect(blocked.microCredential).toBeNull();
    expect(blocked.problems.length).toBeGreaterThan(10);
    expect(blocked.problems.every((p: { code: string }) => p.code === 'REQUIRED' || p.code === 'TOO_FEW_ITEMS')).toBe(
      true,
    );
    expect(await seneca.sql`select 1 from micro_credentials where slug = ${input.slug}`).toHaveLength(0);

    const completed = (await call(update, { id, v: 1, input: { ...input, partners: [] } })).data
      .updateMicroCredentialDraft;
    expect(completed.draft.version).toBe(2);
    expect(completed.draft.problems).toEqual([]);
    const published = (await call(publish, { id, v: 2 })).data.publishMicroCredential;
    expect(published.problems).toEqual([]);
    expect(published.microCredential).toMatchObject({ id, status: 'ACTIVE', version: 1, title: input.title });
    expect(published.warnings.map((w: { code: string }) => w.code)).toContain('NO_EMPLOYER_PARTNER');
    // The working copy is gone once published; the entry is public.
    const read = await asCaller(seneca.server.url)(`query ($id: ID!) { microCredential(id: $id) { id status } }`, {
      id,
    });
    expect(read.data.microCredential).toEqual({ id, status: 'ACTIVE' });
  });
});

describe('lifecycle', () => {
  it('refuses a stale expectedVersion with VERSION_CONFLICT and writes nothing', async () => {
    const input = freshInput();
    const id = `seneca:${input.slug}`;
    const call = asCaller(seneca.server.url, senecaKey);
    await call(create, { institution: 'seneca', input });
    await call(update, { id, v: 1, input: { ...input, title: 'Second revision' } });
    const stale = (await call(update, { id, v: 1, input: { ...input, title: 'Based on the first revision' } })).data
      .updateMicroCredentialDraft;
    expect(stale.problems).toEqual([expect.objectContaining({ code: 'VERSION_CONFLICT', path: ['expectedVersion'] })]);
    const [draft] =
      await seneca.sql`select version, content->>'title' as title from micro_credential_drafts where slug = ${input.slug}`;
    expect(draft).toEqual({ version: 2, title: 'Second revision' });
    const stalePublish = (await call(publish, { id, v: 1 })).data.publishMicroCredential;
    expect(stalePublish.problems[0].code).toBe('VERSION_CONFLICT');
  });

  it('keeps every published version, sunsets with a reason, and stays resolvable', async () => {
    const input = freshInput();
    const id = `seneca:${input.slug}`;
    const call = asCaller(seneca.server.url, senecaKey);
    await call(create, { institution: 'seneca', input });
    await call(publish, { id, v: 1 });
    // Edit the published entry through a new draft started from it.
    const second = (await call(create, { institution: 'seneca', input: { slug: input.slug, title: 'Revised title' } }))
      .data.createMicroCredentialDraft;
    expect(second.draft).toMatchObject({ version: 1, basedOnVersion: 1 });
    expect(second.draft.problems).toEqual([]);
    expect((await call(publish, { id, v: 1 })).data.publishMicroCredential.microCredential).toMatchObject({
      version: 2,
      title: 'Revised title',
    });

    const tooEarly = (await call(sunset, { id, v: 2, reason: 'Replaced', date: '2000-01-01' })).data
      .sunsetMicroCredential;
    expect(tooEarly.problems).toEqual([
      expect.objectContaining({ code: 'DATES_OUT_OF_ORDER', path: ['effectiveDate'] }),
    ]);
    const done = (await call(sunset, { id, v: 2, reason: 'Replaced by the 2027 program', date: '2027-06-30' })).data
      .sunsetMicroCredential;
    expect(done.microCredential).toMatchObject({
      status: 'SUNSET',
      version: 3,
      expiryDate: '2027-06-30',
      sunsetReason: 'Replaced by the 2027 program',
    });

    const history = await asCaller(seneca.server.url)(
      `query ($id: ID!) { microCredentialHistory(id: $id) { version status entry } microCredential(id: $id) { status history { version } } }`,
      { id },
    );
    expect(history.errors).toBeUndefined();
    const versions = history.data.microCredentialHistory;
    expect(versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [3, 'SUNSET'],
      [2, 'ACTIVE'],
      [1, 'ACTIVE'],
    ]);
    expect(versions[2].entry.title).toBe(input.title);
    expect(history.data.microCredential).toEqual({
      status: 'SUNSET',
      history: [{ version: 3 }, { version: 2 }, { version: 1 }],
    });
  });

  it('manages offerings of a stored entry, validated, versioned and audited', async () => {
    const input = freshInput();
    const id = `seneca:${input.slug}`;
    const call = asCaller(seneca.server.url, senecaKey);
    await call(create, { institution: 'seneca', input });
    await call(publish, { id, v: 1 });
    const upsertOffering = `mutation ($id: ID!, $v: Int!, $o: OfferingInput!) { upsertOffering(id: $id, expectedVersion: $v, offering: $o) { ${payloadFields} } }`;
    const offering = {
      code: 'F27-01',
      startDate: '2027-09-08',
      endDate: '2027-10-20',
      location: 'Online',
      online: true,
      priceCad: 650,
      registrationUrl: 'https://example.ca/register/f27',
    };
    const bad = (await call(upsertOffering, { id, v: 1, o: { ...offering, priceCad: -1, endDate: '2027-01-01' } })).data
      .upsertOffering;
    expect(bad.problems.map((p: { code: string; path: unknown[] }) => [p.code, p.path])).toEqual([
      ['DATES_OUT_OF_ORDER', ['offering', 'endDate']],
      ['OUT_OF_RANGE', ['offering', 'priceCad']],
    ]);
    const added = (await call(upsertOffering, { id, v: 1, o: offering })).data.upsertOffering;
    expect(added.problems).toEqual([]);
    expect(added.microCredential.version).toBe(2);
    expect(added.microCredential.offerings).toContainEqual({ id: `${id}:F27-01`, priceCad: 650 });
    const removed = (
      await call(
        `mutation ($id: ID!) { removeOffering(id: $id, expectedVersion: 2, code: "F27-01") { ${payloadFields} } }`,
        { id },
      )
    ).data.removeOffering;
    expect(removed.microCredential.offerings.map((o: { id: string }) => o.id)).not.toContain(`${id}:F27-01`);

    const audit = await call(
      `{ auditLog(institution: "seneca", first: 3) { entries { actor action microCredentialId version } hasMore } }`,
    );
    const prefix = senecaKey.split('_')[2];
    expect(audit.data.auditLog.entries).toEqual([
      { actor: prefix, action: 'OFFERING_REMOVED', microCredentialId: id, version: 3 },
      { actor: prefix, action: 'OFFERING_SAVED', microCredentialId: id, version: 2 },
      { actor: prefix, action: 'PUBLISHED', microCredentialId: id, version: 1 },
    ]);
    expect(audit.data.auditLog.hasMore).toBe(true);
    // Paging on from the cursor continues with older entries, each once.
    const everything = await call(`{ auditLog(institution: "seneca", first: 500) { entries { action occurredAt } } }`);
    const paged: unknown[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await call(
        `query ($after: String) { auditLog(institution: "seneca", first: 4, after: $after) { entries { action occurredAt } cursor hasMore } }`,
        { after },
      );
      paged.push(...page.data.auditLog.entries);
      after = page.data.auditLog.cursor;
      if (!page.data.auditLog.hasMore) break;
    }
    expect(paged).toEqual(everything.data.auditLog.entries);
    expect(paged.length).toBeGreaterThan(8);
  });

  it('lets the owner read and publish an entry stored with status DRAFT (e.g. imported as a draft)', async () => {
    const [entry] = generateCatalogue('seneca', 30, 9, '2026-01-15').filter(
      (candidate) => candidate.status === 'DRAFT',
    );
    await seneca.upsert([{ ...entry!, slug: 'stored-draft', externalCode: 'STORED-DRAFT' }]);
    const id = 'seneca:stored-draft';
    const query = `query ($id: ID!) { myMicroCredential(id: $id) { id status version } }`;
    expect((await asCaller(seneca.server.url)(query, { id })).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const owner = await asCaller(seneca.server.url, senecaKey)(query, { id });
    expect(owner.data.myMicroCredential).toEqual({ id, status: 'DRAFT', version: 1 });
    const published = (await asCaller(seneca.server.url, senecaKey)(publish, { id, v: 1 })).data.publishMicroCredential;
    expect(published.problems).toEqual([]);
    expect(published.microCredential).toMatchObject({ id, status: 'ACTIVE', version: 2 });
  });

  it('deletes drafts, never published entries', async () => {
    const input = freshInput();
    const id = `seneca:${input.slug}`;
    const call = asCaller(seneca.server.url, senecaKey);
    const del = `mutation ($id: ID!, $v: Int!) { deleteMicroCredentialDraft(id: $id, expectedVersion: $v) { ${payloadFields} } }`;
    await call(create, { institution: 'seneca', input });
    expect((await call(del, { id, v: 1 })).data.deleteMicroCredentialDraft.problems).toEqual([]);
    expect(await seneca.sql`select 1 from micro_credential_drafts where slug = ${input.slug}`).toHaveLength(0);
    await call(create, { institution: 'seneca', input });
    await call(publish, { id, v: 1 });
    const refused = (await call(del, { id, v: 1 })).data.deleteMicroCredentialDraft;
    expect(refused.problems[0].code).toBe('NOT_A_DRAFT');
  });
});

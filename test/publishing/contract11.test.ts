/**
 * Contract 1.1 through the publishing API and import, on real PostgreSQL:
 * every new field is written and read back as given, the fields 1.1 requires
 * block publication (all at once, nothing written) but not the maintenance of
 * entries published before 1.1, and a French-language institution is warned
 * about empty French text without being blocked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCatalogueHarness, type CatalogueHarness } from '../catalogue/harness.js';
import { toCsv } from './catalogueCsv.js';
import { apiKeyFor, asCaller, type EntryInputJson, payloadFields, sampleInputs } from './support.js';

let laurentian: CatalogueHarness;
let key: string;
/** Bilingual sample entries, and English-only ones for the French-text warning. */
const inputs = sampleInputs('laurentian', 10, 4);
const englishOnly = sampleInputs('humber', 2, 4);

beforeAll(async () => {
  laurentian = await startCatalogueHarness('laurentian', [], { institutionLanguages: ['EN', 'FR'] });
  key = await apiKeyFor(laurentian.databaseUrl, 'laurentian');
});
afterAll(async () => {
  await laurentian?.stop();
});

const call = <T = any>(query: string, variables?: Record<string, unknown>) =>
  asCaller(laurentian.server.url, key)<T>(query, variables);

/** Every field 1.1 added, in the shape of MicroCredentialInput. */
const fields11 = `
  entryLanguages learningOutcomesFr prerequisitesFr
  priorLearningAssessment { available process processFr fee { amount currency } contact { name email phone } }
  learningResources { kind title titleFr url includedInFees }
  pacing { selfPaced completionWindowWeeks }
  intakeModel credentialValidity { kind months } gradingScheme creditUnit credits learnerEffortHours
  learnerContact { name email phone }
  accessibility { features accommodations accommodationsFr contact { name email phone } }
  fees { tuition { amount currency } materials { amount currency } other { amount currency } otherDescription otherDescriptionFr }
  assessment { summativeDescriptionFr }
  awards { type descriptionFr }
  stackability { kind }
  offerings {
    seats seatsAvailable language
    address { streetAddress locality region postalCode country }
    schedule { timeZone sessions { day startTime endTime } note noteFr }
  }
`;
const readBack = `query ($id: ID!) { microCredential(id: $id) { ${fields11} } }`;
const create = `mutation ($input: MicroCredentialInput!) {
  createMicroCredentialDraft(institution: "laurentian", input: $input) { ${payloadFields} } }`;
const publish = `mutation ($id: ID!, $v: Int!) { publishMicroCredential(id: $id, expectedVersion: $v) { ${payloadFields} } }`;

/** What the API should answer for `input`'s 1.1 fields. */
function expected11(input: EntryInputJson) {
  const entry = input as Record<string, any>;
  const pick = <T extends Record<string, unknown>>(value: T, keys: string[]) =>
    Object.fromEntries(keys.map((k) => [k, value[k]]));
  return {
    ...pick(entry, [
      'entryLanguages',
      'learningOutcomesFr',
      'prerequisitesFr',
      'priorLearningAssessment',
      'learningResources',
      'pacing',
      'intakeModel',
      'credentialValidity',
      'gradingScheme',
      'creditUnit',
      'credits',
      'learnerEffortHours',
      'learnerContact',
      'accessibility',
      'fees',
    ]),
    assessment: { summativeDescriptionFr: entry.assessment.summativeDescriptionFr },
    awards: entry.awards.map((award: any) => ({ type: award.type, descriptionFr: award.descriptionFr })),
    stackability: { kind: entry.stackability.kind },
    offerings: [...entry.offerings]
      .sort((a: any, b: any) => a.startDate.localeCompare(b.startDate))
      .map((offering: any) => pick(offering, ['seats', 'seatsAvailable', 'language', 'address', 'schedule'])),
  };
}

describe('publishing 1.1 fields', () => {
  it('publishes every 1.1 field and reads each back as given', async () => {
    const input = {
      ...inputs[0]!,
      creditBearing: true,
      credits: 0.5,
      creditUnit: 'COURSE_CREDIT',
      stackability: { kind: 'INTEGRATED', programs: [{ name: 'BSc Honours', programCode: 'BSC', url: null }] },
      awards: [
        ...(inputs[0]!.awards as object[]),
        {
          type: 'ADMISSION_TO_PROGRAM',
          description: 'Admission to the BSc',
          descriptionFr: 'Admission au BSc',
          standard: null,
        },
      ],
    };
    const created = await call(create, { input });
    expect(created.data.createMicroCredentialDraft.problems).toEqual([]);
    const published = await call(publish, { id: `laurentian:${input.slug}`, v: 1 });
    expect(published.data.publishMicroCredential.problems).toEqual([]);
    // Sample entries of a bilingual institution carry their French: nothing to warn about.
    expect(published.data.publishMicroCredential.warnings.filter((w: any) => w.code === 'FRENCH_TEXT_MISSING')).toEqual(
      [],
    );
    const read = await call(readBack, { id: `laurentian:${input.slug}` });
    expect(read.errors).toBeUndefined();
    expect(read.data.microCredential).toEqual(expected11(input as EntryInputJson));
  });

  it('refuses to publish without the fields 1.1 requires, listing them all, and writes nothing', async () => {
    const {
      entryLanguages: _l,
      priorLearningAssessment: _p,
      intakeModel: _i,
      credentialValidity: _c,
      gradingScheme: _g,
      learnerContact: _lc,
      ...older
    } = inputs[1]!;
    const input = { ...older, creditBearing: true, credits: null, creditUnit: null };
    const draft = await call(create, { input });
    expect(draft.data.createMicroCredentialDraft.problems).toEqual([]);
    expect(draft.data.createMicroCredentialDraft.draft.problems.map((p: any) => p.path)).toEqual([
      ['entryLanguages'],
      ['priorLearningAssessment'],
      ['intakeModel'],
      ['credentialValidity'],
      ['gradingScheme'],
      ['credits'],
      ['creditUnit'],
      ['learnerContact'],
    ]);
    const refused = await call(publish, { id: `laurentian:${input.slug}`, v: 1 });
    expect(refused.data.publishMicroCredential.microCredential).toBeNull();
    // Contract 1.1 also gives each code as a PublishingProblemCode enum value, beside the string.
    const coded = await call(
      `mutation ($id: ID!, $v: Int!) { publishMicroCredential(id: $id, expectedVersion: $v) { problems { code problem } } }`,
      { id: `laurentian:${input.slug}`, v: 1 },
    );
    expect(coded.errors).toBeUndefined();
    expect(coded.data.publishMicroCredential.problems.length).toBeGreaterThan(0);
    for (const { code, problem } of coded.data.publishMicroCredential.problems) expect(problem).toBe(code);
    expect(refused.data.publishMicroCredential.problems.map((p: any) => [p.code, p.path[0]])).toEqual([
      ['REQUIRED', 'entryLanguages'],
      ['REQUIRED', 'priorLearningAssessment'],
      ['REQUIRED', 'intakeModel'],
      ['REQUIRED', 'credentialValidity'],
      ['REQUIRED', 'gradingScheme'],
      ['REQUIRED', 'credits'],
      ['REQUIRED', 'creditUnit'],
      ['REQUIRED', 'learnerContact'],
    ]);
    const [stored] = await laurentian.sql`select count(*)::int as n from micro_credentials where slug = ${input.slug}`;
    expect(stored!.n).toBe(0);
  });

  it('keeps an entry published before 1.1 readable and maintainable, and asks for 1.1 fields only when it is republished', async () => {
    const input = inputs[2]!;
    await call(create, { input });
    await call(publish, { id: `laurentian:${input.slug}`, v: 1 });
    // As a catalogue migrated from 1.0 holds it: none of the 1.1 columns filled.
    await laurentian.sql`update micro_credentials set entry_languages = null, learning_outcomes_fr = null,
      prerequisites_fr = null, prior_learning_assessment = null, learning_resources = null, pacing = null,
      intake_model = null, credential_validity = null, grading_scheme = null, credit_unit = null,
      learner_effort_hours = null, learner_contact = null, accessibility = null, fees = null
      where slug = ${input.slug}`;
    await laurentian.sql`update offerings set seats = null, seats_available = null, language = null, address = null, schedule = null
      where micro_credential_slug = ${input.slug}`;
    const id = `laurentian:${input.slug}`;
    const read = await call(readBack, { id });
    expect(read.errors).toBeUndefined();
    expect(read.data.microCredential).toMatchObject({
      entryLanguages: null,
      priorLearningAssessment: null,
      fees: null,
    });

    const offering = { ...(input.offerings as any[])[0], code: 'EXTRA-1', seats: 25 };
    const upsert = await call(
      `mutation ($id: ID!, $o: OfferingInput!) { upsertOffering(id: $id, expectedVersion: 1, offering: $o) { ${payloadFields} } }`,
      { id, o: offering },
    );
    expect(upsert.data.upsertOffering.problems).toEqual([]);
    const sunset = await call(
      `mutation ($id: ID!) { sunsetMicroCredential(id: $id, expectedVersion: 2, reason: "Replaced", effectiveDate: "2027-01-01") { ${payloadFields} } }`,
      { id },
    );
    expect(sunset.data.sunsetMicroCredential.problems).toEqual([]);
    expect(sunset.data.sunsetMicroCredential.microCredential.status).toBe('SUNSET');

    const redraft = await call(create, { input: { slug: input.slug, title: `${input.title} (revised)` } });
    expect(redraft.data.createMicroCredentialDraft.draft.problems.map((p: any) => p.path[0])).toEqual(
      expect.arrayContaining(['entryLanguages', 'priorLearningAssessment', 'learnerContact']),
    );
  });

  it('warns a French-language institution about empty French text, and still publishes', async () => {
    const input = { ...englishOnly[0]!, entryLanguages: ['EN'] };
    await call(create, { input });
    const published = await call(publish, { id: `laurentian:${input.slug}`, v: 1 });
    expect(published.data.publishMicroCredential.problems).toEqual([]);
    expect(published.data.publishMicroCredential.microCredential.status).toBe('ACTIVE');
    const french = published.data.publishMicroCredential.warnings.filter((w: any) => w.code === 'FRENCH_TEXT_MISSING');
    expect(french.map((w: any) => w.path)).toEqual(
      expect.arrayContaining([['titleFr'], ['descriptionFr'], ['learningOutcomesFr']]),
    );
  });
});

describe('importing 1.1 fields', () => {
  const importMutation = `mutation ($format: ImportFormat!, $content: String!) {
    importCatalogue(institution: "laurentian", format: $format, content: $content) {
      created updated unchanged problems { code path message line } warnings { code path line }
    }
  }`;
  const importFile = async (format: 'CSV' | 'JSON', content: string) => {
    const result = await call(importMutation, { format, content });
    expect(result.errors).toBeUndefined();
    return result.data.importCatalogue;
  };

  it('round-trips every 1.1 field through JSON and CSV, and re-importing changes nothing', async () => {
    const viaJson = inputs.slice(4, 6);
    const viaCsv = inputs.slice(6, 8);
    const json = await importFile('JSON', JSON.stringify(viaJson));
    expect(json.problems).toEqual([]);
    expect(json.created).toHaveLength(2);
    const csv = await importFile('CSV', toCsv(viaCsv));
    expect(csv.problems).toEqual([]);
    expect(csv.created).toHaveLength(2);
    for (const input of [...viaJson, ...viaCsv]) {
      const read = await call(readBack, { id: `laurentian:${input.slug}` });
      expect(read.data.microCredential, input.slug).toEqual(expected11(input));
    }
    expect((await importFile('CSV', toCsv(viaCsv))).unchanged).toHaveLength(2);
    expect((await importFile('JSON', JSON.stringify(viaJson))).unchanged).toHaveLength(2);
  });

  it('reports bad 1.1 values by line and field, and writes nothing', async () => {
    const bad = [
      { ...inputs[8]!, intakeModel: 'WHENEVER' },
      { ...inputs[9]!, fees: { tuition: { amount: 10, currency: 'CAD' }, other: { amount: 5, currency: 'USD' } } },
    ];
    const csv = await importFile('CSV', toCsv(bad));
    expect(csv.problems.map((p: any) => [p.line, p.code, p.path])).toEqual([
      [2, 'UNKNOWN_ENUM_VALUE', ['intakeModel']],
      [3, 'REQUIRED', ['fees', 'otherDescription']],
      [3, 'INCONSISTENT', ['fees']],
    ]);
    const [stored] = await laurentian.sql`select count(*)::int as n from micro_credentials
      where slug in ${laurentian.sql(bad.map((entry) => entry.slug))}`;
    expect(stored!.n).toBe(0);
  });
});

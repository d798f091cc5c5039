/**
 * Outcomes end to end: an institution reports through the gateway with its
 * publishing key (validated, all problems at once, versioned, CSV import),
 * the public sees counts with small cells withheld at the source, a hostile
 * institution's small counts are withheld again by the gateway, and an
 * institution that leaves the outcomes part out still conforms and reads as
 * not reported.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDirectory } from '../../cli/localDirectory.js';
import { buildCatalogueContract, contractProblems } from '../../gateway/registry/conformance.js';
import type { RunningHttpServer } from '../../runtime/http.js';
import { loadSchemaDocument } from '../../runtime/schemaFiles.js';
import { generateCatalogue } from '../../seed/catalogue.js';
import { print } from 'graphql';
import { apiKeyFor, asCaller } from '../publishing/support.js';
import { startTestDirectory } from '../support/directory.js';
import { graphql } from '../support/graphql.js';
import { contractWithoutOutcomes, register, serveInstitution } from './support.js';

let directory: LocalDirectory;
let senecaKey: string;
let stripped: RunningHttpServer;
let hostile: RunningHttpServer;
const entriesPerInstitution = 6;
const [first, second] = generateCatalogue('seneca', entriesPerInstitution)
  .filter((entry) => entry.status === 'ACTIVE')
  .map((entry) => `seneca:${entry.slug}`);

const reportFields = `microCredentialId period { label start end } enrolments completions credentialsAwarded
  medianWeeksToCompletion counts { source method } satisfaction { respondents satisfied }
  followUp { monthsAfter respondents employed furtherStudy } suppressed version`;
const report = `mutation($reports: [OutcomeReportInput!]!) {
  reportOutcomes(institution: "seneca", reports: $reports) { reports { ${reportFields} } problems { code path message line } } }`;
const provenance = { source: 'ADMINISTRATIVE_RECORDS', method: 'Registrar records at term end' };
const fall = { label: '2025-fall', start: '2025-09-01', end: '2025-12-31' };

beforeAll(async () => {
  directory = await startTestDirectory({ institutions: ['seneca'], entriesPerInstitution });
  senecaKey = await apiKeyFor(directory.catalogueDatabaseUrl('seneca'), 'seneca');
  stripped = await serveInstitution(contractWithoutOutcomes(), {});
  hostile = await serveInstitution(loadSchemaDocument('catalogue'), {
    Query: {
      outcomeReports: () => ({
        reports: [
          {
            microCredentialId: 'hostile:tiny-cohort',
            period: fall,
            // 4 learners: should never have left the institution.
            enrolments: 4,
            completions: 3,
            credentialsAwarded: 3,
            medianWeeksToCompletion: 6,
            counts: provenance,
            suppressed: [],
            version: 1,
            recordedAt: '2026-01-05T00:00:00.000Z',
          },
          {
            microCredentialId: 'hostile:near-total',
            period: fall,
            // 5 non-completers hidden in plain sight: total minus part.
            enrolments: 45,
            completions: 40,
            credentialsAwarded: 40,
            medianWeeksToCompletion: 7,
            counts: provenance,
            suppressed: [],
            version: 1,
            recordedAt: '2026-01-05T00:00:00.000Z',
          },
        ],
        cursor: null,
        hasMore: false,
      }),
    },
  });
  await register(directory.gateway.url, 'stripped', stripped.url);
  await register(directory.gateway.url, 'hostile', hostile.url);
}, 120_000);
afterAll(async () => {
  await stripped?.stop();
  await hostile?.stop();
  await directory?.stop();
});

const gateway = () => directory.gateway.url;

describe('reporting outcomes through the publishing API', () => {
  it('refuses without the institution key and writes nothing', async () => {
    const anonymous = await asCaller(gateway())(report, { reports: [] });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('returns every problem at once, coded, and writes nothing', async () => {
    const result = await asCaller(gateway(), senecaKey)(report, {
      reports: [
        {
          microCredentialId: first,
          period: { label: '2025 fall', start: '2025-09-01', end: '2025-08-01' },
          enrolments: 20,
          completions: 30,
          credentialsAwarded: -1,
          counts: { source: 'ADMINISTRATIVE_RECORDS' },
        },
        {
          microCredentialId: 'humber:someone-elses',
          period: fall,
          enrolments: 10,
          completions: 10,
          credentialsAwarded: 10,
          counts: provenance,
        },
        {
          microCredentialId: 'seneca:no-such-entry',
          period: fall,
          enrolments: 10,
          completions: 10,
          credentialsAwarded: 10,
          counts: provenance,
        },
      ],
    });
    expect(result.errors).toBeUndefined();
    const { reports, problems } = result.data.reportOutcomes;
    expect(reports).toEqual([]);
    expect(problems.map((p: any) => [p.line, p.code, p.path.join('.')])).toEqual(
      expect.arrayContaining([
        [1, 'INVALID_FORMAT', 'period.label'],
        [1, 'DATES_OUT_OF_ORDER', 'period.end'],
        [1, 'OUT_OF_RANGE', 'credentialsAwarded'],
        [1, 'REQUIRED', 'counts.method'],
        [1, 'INCONSISTENT', 'completions'],
        [2, 'FORBIDDEN', 'microCredentialId'],
        [3, 'UNKNOWN_ENTRY', 'microCredentialId'],
      ]),
    );
    const listing = await graphql(
      gateway(),
      `{ outcomeReports(institution: "seneca") { reports { microCredentialId } } }`,
    );
    expect(listing.data.outcomeReports.reports).toEqual([]);
  });

  it('stores valid reports, publishes them with small cells withheld, and versions replacements', async () => {
    const result = await asCaller(gateway(), senecaKey)(report, {
      reports: [
        {
          microCredentialId: first,
          period: fall,
          enrolments: 48,
          completions: 36,
          credentialsAwarded: 24,
          medianWeeksToCompletion: 7.5,
          counts: provenance,
          satisfaction: {
            respondents: 25,
            satisfied: 21,
            provenance: { source: 'LEARNER_SURVEY', method: 'Exit survey' },
          },
          followUp: {
            monthsAfter: 6,
            respondents: 30,
            employed: 19,
            provenance: { source: 'LEARNER_SURVEY', method: 'Six-month survey' },
          },
        },
        // 12 enrolled, 7 completed: completions is a small cell, and 5 did not complete.
        {
          microCredentialId: second,
          period: fall,
          enrolments: 12,
          completions: 7,
          credentialsAwarded: 7,
          medianWeeksToCompletion: 5,
          counts: provenance,
        },
      ],
    });
    expect(result.data.reportOutcomes.problems).toEqual([]);
    const [big, small] = result.data.reportOutcomes.reports;
    expect(big).toMatchObject({
      enrolments: 48,
      completions: 36,
      credentialsAwarded: 24,
      medianWeeksToCompletion: 7.5,
      version: 1,
    });
    // 25 - 21 = 4 dissatisfied: satisfied is withheld; 30 - 19 = 11 is fine.
    expect(big.satisfaction).toEqual({ respondents: 25, satisfied: null });
    expect(big.followUp).toMatchObject({ respondents: 30, employed: 19 });
    expect(big.suppressed).toEqual(['SATISFIED']);
    expect(small).toMatchObject({
      enrolments: 12,
      completions: null,
      credentialsAwarded: null,
      medianWeeksToCompletion: null,
    });
    expect(small.suppressed).toEqual(['COMPLETIONS', 'CREDENTIALS_AWARDED']);

    // A corrected fall report for the first entry: refused without the version it replaces.
    const correction = {
      microCredentialId: first,
      period: fall,
      enrolments: 50,
      completions: 36,
      credentialsAwarded: 30,
      counts: provenance,
    };
    const stale = await asCaller(gateway(), senecaKey)(report, { reports: [correction] });
    expect(stale.data.reportOutcomes.problems.map((p: any) => p.code)).toEqual(['VERSION_CONFLICT']);
    const replaced = await asCaller(gateway(), senecaKey)(report, {
      reports: [{ ...correction, expectedVersion: 1 }],
    });
    expect(replaced.data.reportOutcomes.reports[0]).toMatchObject({ enrolments: 50, version: 2 });
    const overlapping = await asCaller(gateway(), senecaKey)(report, {
      reports: [
        {
          microCredentialId: first,
          period: { label: '2025', start: '2025-01-01', end: '2025-12-31' },
          enrolments: 90,
          completions: 60,
          credentialsAwarded: 50,
          counts: provenance,
        },
      ],
    });
    expect(overlapping.data.reportOutcomes.problems.map((p: any) => p.code)).toEqual(['OVERLAPPING_PERIOD']);

    const detail = await graphql(
      gateway(),
      `query($id: ID!) { microCredential(id: $id) { outcomes { period { label } enrolments version } } }`,
      { id: first },
    );
    expect(detail.errors).toBeUndefined();
    expect(detail.data.microCredential.outcomes).toEqual([
      { period: { label: '2025-fall' }, enrolments: 50, version: 2 },
    ]);
  });

  it('imports a CSV of reports all or nothing, naming the line of each problem', async () => {
    const header =
      'microCredentialId,period.label,period.start,period.end,enrolments,completions,credentialsAwarded,counts.source,counts.method';
    const importCsv = `mutation($content: String!) { importOutcomes(institution: "seneca", format: CSV, content: $content) {
      reports { microCredentialId period { label } enrolments } problems { code path line } } }`;
    const bad = [
      header,
      `${first},2024-fall,2024-09-01,2024-12-31,40,30,30,ADMINISTRATIVE_RECORDS,Records`,
      `${second},2024-fall,2024-09-01,2024-12-31,many,30,30,GUESS,Records`,
    ].join('\n');
    const refused = await asCaller(gateway(), senecaKey)(importCsv, { content: bad });
    expect(refused.data.importOutcomes.reports).toEqual([]);
    expect(refused.data.importOutcomes.problems.map((p: any) => [p.line, p.code, p.path.join('.')])).toEqual([
      [3, 'NOT_A_WHOLE_NUMBER', 'enrolments'],
      [3, 'UNKNOWN_ENUM_VALUE', 'counts.source'],
    ]);
    const good = [header, `${first},2024-fall,2024-09-01,2024-12-31,40,30,30,ADMINISTRATIVE_RECORDS,Records`].join(
      '\n',
    );
    const imported = await asCaller(gateway(), senecaKey)(importCsv, { content: good });
    expect(imported.data.importOutcomes).toEqual({
      reports: [{ microCredentialId: first, period: { label: '2024-fall' }, enrolments: 40 }],
      problems: [],
    });
  });
});

describe('the gateway holds every institution to the small-cell rule', () => {
  it('withholds small counts and revealing parts a hostile institution sends, naming it', async () => {
    const result = await graphql(
      gateway(),
      `{ outcomeReports(institution: "hostile") { reports { microCredentialId enrolments completions credentialsAwarded medianWeeksToCompletion suppressed } } }`,
    );
    const [tiny, nearTotal] = result.data.outcomeReports.reports;
    expect(tiny).toEqual({
      microCredentialId: 'hostile:tiny-cohort',
      enrolments: null,
      completions: null,
      credentialsAwarded: null,
      medianWeeksToCompletion: null,
      suppressed: ['ENROLMENTS', 'COMPLETIONS', 'CREDENTIALS_AWARDED'],
    });
    expect(nearTotal).toMatchObject({ enrolments: 45, completions: null, medianWeeksToCompletion: null });
    expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.institution])).toContainEqual([
      'INSTITUTION_UNSUPPRESSED_CELL',
      'hostile',
    ]);
  });

  it('publishes a part only beside its total, so a query asking for the part alone learns nothing', async () => {
    const result = await graphql(gateway(), `{ outcomeReports(institution: "hostile") { reports { completions } } }`);
    expect(result.data.outcomeReports.reports).toEqual([{ completions: null }, { completions: null }]);
  });
});

describe('an institution that does not implement outcomes', () => {
  it('conforms to the contract, while a half-implemented part does not', () => {
    const contract = buildCatalogueContract();
    expect(contractProblems(print(contractWithoutOutcomes()), contract)).toEqual([]);
    const halfway = print(contractWithoutOutcomes()).replace(
      'type Query {',
      'type Query {\n  outcomeReports(institution: ID!): String',
    );
    expect(contractProblems(halfway, contract).join(' ')).toMatch(/outcomeReports/);
  });

  it('is routed (UP) and reads as not reported', async () => {
    const result = await graphql(gateway(), `{ outcomeReports(institution: "stripped") { reports { enrolments } } }`);
    expect(result.data?.outcomeReports ?? null).toBeNull();
  });
});

/**
 * An entry's page over HTTP, in both languages, as a learner comparing
 * programs reads it: contract 1.1's critical information, the province's OSAP
 * approval and trust marks (not the institution's own claim), and outcome
 * reports with withheld counts shown as withheld, never as zero. An
 * institution that does not implement the optional outcomes part reads as
 * not reporting them, with no error notice.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { LocalDirectory } from '../../cli/localDirectory.js';
import { outcomesPart } from '../../runtime/catalogueOptionalParts.js';
import { generateCatalogue } from '../../seed/catalogue.js';
import { upsertEntries } from '../../subgraphs/catalogue/db/catalogueStore.js';
import { openCatalogueDatabase } from '../../subgraphs/catalogue/db/connection.js';
import { startCatalogueSubgraph } from '../../subgraphs/catalogue/server.js';
import type { RunningHttpServer } from '../../runtime/http.js';
import { apiKeyFor, asCaller } from '../publishing/support.js';
import { createMigratedCatalogueDatabase } from '../support/databaseTemplates.js';
import { provinceApiKey, startTestDirectory } from '../support/directory.js';
import { graphql } from '../support/graphql.js';

const audience = {
  audience: 'Early-career analysts in health care',
  audienceFr: 'Analystes en début de carrière en santé',
};
const entries = generateCatalogue('seneca', 6).filter((entry) => entry.status === 'ACTIVE');
const entry = { ...entries[0]!, ...audience };
const id = `seneca:${entry.slug}`;
const quietEntries = generateCatalogue('humber', 2, 41).map((e) => ({ ...e, status: 'ACTIVE' as const }));
const quietId = `quietcollege:${quietEntries[0]!.slug}`;

let directory: LocalDirectory;
let quiet: RunningHttpServer;
let origin: string;

beforeAll(async () => {
  directory = await startTestDirectory({ institutions: ['seneca'], entriesPerInstitution: 6 });
  origin = directory.gateway.url.replace(/\/graphql$/, '');
  const senecaKey = await apiKeyFor(directory.catalogueDatabaseUrl('seneca'), 'seneca');
  // The sample entries leave the 1.1 audience empty: this one states it.
  const seneca = openCatalogueDatabase(directory.catalogueDatabaseUrl('seneca'));
  await upsertEntries(seneca.db, [entry]);
  await seneca.close();
  // 40 started, 33 completed: the 7 who did not complete are a small group, so completions are withheld.
  const reported = await asCaller(directory.gateway.url, senecaKey)(
    `mutation($reports: [OutcomeReportInput!]!) { reportOutcomes(institution: "seneca", reports: $reports) {
      reports { suppressed } problems { code path } } }`,
    {
      reports: [
        {
          microCredentialId: id,
          period: { label: '2025-fall', start: '2025-09-01', end: '2025-12-31' },
          enrolments: 40,
          completions: 33,
          credentialsAwarded: 33,
          counts: { source: 'ADMINISTRATIVE_RECORDS', method: 'Registrar records at term end' },
        },
      ],
    },
  );
  expect(reported.errors).toBeUndefined();
  expect(reported.data.reportOutcomes.problems).toEqual([]);
  expect(reported.data.reportOutcomes.reports[0].suppressed).toContain('COMPLETIONS');
  const attested = await graphql(
    directory.gateway.url,
    `mutation($input: OsapApprovalInput!) { attestOsapApproval(input: $input) { inForce } }`,
    {
      input: {
        microCredentialId: id,
        reference: 'OSAP-MC-2026-0042',
        attestedBy: 'Student Financial Assistance Branch',
        validFrom: '2026-01-01',
      },
    },
    { authorization: `Bearer ${provinceApiKey}` },
  );
  expect(attested.errors).toBeUndefined();

  // An outside 1.1 institution that does not implement outcomes: the reference catalogue with the part left out.
  const databaseUrl = await createMigratedCatalogueDatabase('catalogue_quietcollege');
  const store = openCatalogueDatabase(databaseUrl);
  await upsertEntries(store.db, quietEntries);
  await store.close();
  quiet = await startCatalogueSubgraph({
    institution: 'quietcollege',
    databaseUrl,
    port: 0,
    optionalPartsLeftOut: [outcomesPart],
    log: () => {},
  });
  const registered = await graphql(
    directory.gateway.url,
    `mutation($input: InstitutionInput!) { registerInstitution(input: $input) { code } }`,
    {
      input: {
        code: 'quietcollege',
        name: 'Quiet College',
        type: 'CAREER_COLLEGE',
        region: 'CENTRAL',
        website: 'https://quietcollege.example.ca',
        languages: ['en'],
        subgraphUrl: quiet.url,
      },
    },
    { authorization: `Bearer ${provinceApiKey}` },
  );
  expect(registered.errors).toBeUndefined();
}, 120_000);
afterAll(async () => {
  await quiet?.stop();
  await directory?.stop();
});

async function page(path: string): Promise<string> {
  // As a browser asks: the same address serves linked data to other clients.
  const response = await fetch(`${origin}${path}`, { headers: { accept: 'text/html' } });
  expect(response.status).toBe(200);
  return response.text();
}

/** The text of the section whose heading has this id, tags removed. */
function section(html: string, headingId: string): string {
  const start = html.indexOf(`aria-labelledby="${headingId}"`);
  expect(start, headingId).toBeGreaterThan(-1);
  return html
    .slice(start, html.indexOf('</section>', start))
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

it("shows contract 1.1's critical information, in each page's language", async () => {
  const english = await page(`/credentials/${id}`);
  const critical = section(english, 'critical-heading');
  expect(critical).toContain('Who it is for');
  expect(critical).toContain(audience.audience);
  expect(critical).toContain('Total learner effort');
  expect(critical).toContain('How you start');
  expect(critical).toContain('What the fee covers');
  expect(critical).toContain('Tuition');
  expect(critical).toContain('Recognition of prior learning');
  expect(critical).toContain('Accessibility and accommodations');
  const french = section(await page(`/fr/credentials/${id}`), 'critical-heading');
  expect(french).toContain('À qui elle s’adresse');
  expect(french).toContain(audience.audienceFr);
  expect(french).toContain('Effort total de l’apprenant');
  expect(french).toContain('Droits de scolarité');
  expect(french).toContain('Reconnaissance des acquis');
});

it("shows the province's OSAP approval and trust marks, apart from the institution's claim", async () => {
  await vi.waitFor(
    async () => {
      const english = await page(`/credentials/${id}`);
      expect(english).toMatch(
        /<dt>OSAP approval \(province\)<\/dt><dd data-osap-approved="true">Approved by the province</,
      );
      expect(english).toMatch(/data-trust-mark="osapApproved" data-held="true"/);
      const marks = section(english, 'trust-heading');
      expect(marks).toContain('Provincial trust marks');
      expect(marks).toContain('OSAP-MC-2026-0042');
      const french = await page(`/fr/credentials/${id}`);
      expect(french).toContain('Approuvée par la province');
      expect(section(french, 'trust-heading')).toContain('Marques de confiance provinciales');
    },
    { timeout: 10_000, interval: 250 },
  );
  // An entry the province has not approved says so, whatever the institution claims.
  const other = await page(`/credentials/seneca:${entries[1]!.slug}`);
  expect(other).toMatch(/data-osap-approved="false">Not approved by the province</);
  expect(other).toContain('OSAP eligible (as the institution states)');
});

it('shows outcome reports with withheld counts as withheld, never zero, in both languages', async () => {
  const english = await page(`/credentials/${id}`);
  const row = /<tr data-period="2025-fall">([\s\S]*?)<\/tr>/.exec(english)?.[1] ?? '';
  const cells = [...row.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((cell) => cell[1]!.replace(/<[^>]+>/g, '').trim());
  expect(cells.slice(0, 2)).toEqual(['40', 'withheld']);
  expect(cells).not.toContain('0');
  expect(section(english, 'outcomes-heading')).toContain('Outcomes of past learners');
  const french = await page(`/fr/credentials/${id}`);
  expect(section(french, 'outcomes-heading')).toMatch(/Résultats des apprenants précédents.*masqué/);
});

it('shows outcomes as not reported, without an error notice, for an institution that does not implement them', async () => {
  await vi.waitFor(
    async () => {
      const english = await page(`/credentials/${quietId}`);
      expect(section(english, 'outcomes-heading')).toContain('This institution does not report outcomes.');
      expect(english).not.toContain('notice-warning');
      expect(english).toContain(`>${quietEntries[0]!.title}</h1>`);
    },
    { timeout: 15_000, interval: 250 },
  );
  const french = await page(`/fr/credentials/${quietId}`);
  expect(section(french, 'outcomes-heading')).toContain('Cet établissement ne déclare pas de résultats.');
});

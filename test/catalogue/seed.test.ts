import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { defaultEntryCount, generateCatalogue, sampleDataNotice } from '../../seed/catalogue.js';
import { benchmarkInstitutions, sampleInstitutions } from '../../seed/institutions.js';
import { seedCatalogueIfEmpty } from '../../seed/seedCatalogue.js';
import { validateCatalogueEntries, type CatalogueEntryInput } from '../../subgraphs/catalogue/catalogueEntry.js';
import { migrateCatalogueDatabase } from '../../subgraphs/catalogue/db/migrate.js';
import { isInstitutionCode } from '../../runtime/config.js';
import { createTestDatabase } from '../support/databases.js';

const referenceDate = '2026-03-01';
const catalogues = new Map(
  sampleInstitutions.map((institution) => [
    institution.code,
    generateCatalogue(institution.code, undefined, 1, referenceDate),
  ]),
);
const everything = [...catalogues.values()].flat();

describe('sample institutions', () => {
  it('cover every institution type and region, in French and English, with Indigenous institutes', () => {
    expect(sampleInstitutions.length).toBeGreaterThanOrEqual(12);
    const types = new Set(sampleInstitutions.map((institution) => institution.type));
    expect([...types].sort()).toEqual(['CAREER_COLLEGE', 'INDIGENOUS_INSTITUTE', 'PUBLIC_COLLEGE', 'UNIVERSITY']);
    const regions = new Set(sampleInstitutions.map((institution) => institution.region));
    expect([...regions].sort()).toEqual(['CENTRAL', 'EASTERN', 'NORTHERN', 'SOUTHWESTERN', 'TORONTO']);
    const codes = sampleInstitutions.map((institution) => institution.code);
    expect(codes).toEqual(
      expect.arrayContaining(['humber', 'seneca', 'boreal', 'lacite', 'snpolytechnic', 'fnti', 'tmu']),
    );
    expect(
      sampleInstitutions.filter((institution) => institution.languages.includes('fr')).length,
    ).toBeGreaterThanOrEqual(3);
  });

  it('match the framework InstitutionInput without subgraphUrl, with valid codes and https websites', () => {
    expect(new Set(sampleInstitutions.map((institution) => institution.code)).size).toBe(sampleInstitutions.length);
    for (const institution of sampleInstitutions) {
      expect(Object.keys(institution).sort()).toEqual([
        'code',
        'languages',
        'name',
        'nameFr',
        'region',
        'type',
        'website',
      ]);
      expect(isInstitutionCode(institution.code), institution.code).toBe(true);
      expect(new URL(institution.website).protocol).toBe('https:');
      expect(institution.languages.every((language) => /^[a-z]{2,3}$/.test(language))).toBe(true);
    }
  });
});

describe('generateCatalogue', () => {
  it('gives each sample institution 25 to 60 entries that pass the store validation', () => {
    for (const [code, entries] of catalogues) {
      expect(entries.length, code).toBe(defaultEntryCount(code));
      expect(entries.length, code).toBeGreaterThanOrEqual(25);
      expect(entries.length, code).toBeLessThanOrEqual(60);
      expect(() => validateCatalogueEntries(entries), code).not.toThrow();
      expect(new Set(entries.map((entry) => entry.slug)).size, code).toBe(entries.length);
      expect(new Set(entries.map((entry) => entry.externalCode)).size, code).toBe(entries.length);
    }
  });

  it('fills every critical field of every entry', () => {
    for (const entry of everything) {
      const context = entry.slug;
      expect(entry.externalCode, context).toBeTruthy();
      expect(entry.title.length, context).toBeGreaterThan(5);
      expect(entry.learningOutcomes.length, context).toBeGreaterThanOrEqual(3);
      expect(entry.skills.length, context).toBeGreaterThanOrEqual(3);
      expect(entry.occupations.length, context).toBeGreaterThanOrEqual(1);
      expect(entry.assessment.summativeDescription, context).toBeTruthy();
      expect(entry.assessment.passingThreshold, context).not.toBeNull();
      expect(entry.assessment.attemptsAllowed, context).not.toBeNull();
      expect(entry.prerequisites.length, context).toBeGreaterThanOrEqual(1);
      expect(entry.awards.length, context).toBeGreaterThanOrEqual(1);
      expect(entry.offerings.length, context).toBeGreaterThanOrEqual(1);
      expect(entry.partners.length, context).toBeGreaterThanOrEqual(1);
      expect(entry.transferContact.phone, context).toMatch(/^\+1-\d{3}-555-01\d{2}$/);
      expect(entry.creditBearing, context).toBe(entry.credits !== null);
      expect(entry.stackability.programs.length > 0, context).toBe(entry.stackability.kind === 'STACKABLE');
    }
  });

  it('uses valid NOC 2021, CIP 2021, ESCO and ESDC SCT formats', () => {
    for (const entry of everything) {
      expect(entry.occupations.length).toBeLessThanOrEqual(3);
      for (const occupation of entry.occupations) expect(occupation.nocCode).toMatch(/^\d[0-5]\d{3}$/);
      expect(entry.cip.code).toMatch(/^\d{2}\.\d{4}$/);
      const frameworks = new Set(entry.skills.map((skill) => skill.framework));
      expect(frameworks.has('ESCO') && frameworks.has('ESDC_SCT'), entry.slug).toBe(true);
      for (const skill of entry.skills) {
        if (skill.framework === 'ESCO') {
          expect(skill.code).toMatch(
            /^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
          );
        }
        if (skill.framework === 'ESDC_SCT') expect(skill.code).toMatch(/^[A-Z]\.\d{2}\.[a-z]\.\d{2}$/);
      }
    }
  });

  it('is labelled as sample data in every description', () => {
    for (const entry of everything) {
      const notice =
        entry.languages.length === 1 && entry.languages[0] === 'fr' ? sampleDataNotice.fr : sampleDataNotice.en;
      expect(entry.description.endsWith(notice), entry.slug).toBe(true);
      if (entry.descriptionFr) expect(entry.descriptionFr.endsWith(sampleDataNotice.fr), entry.slug).toBe(true);
    }
  });

  it('varies workloads across the OQF boundaries and keeps OSAP eligibility within the rule', () => {
    const hours = everything.map((entry) => entry.instructionalHours);
    expect(Math.min(...hours)).toBeLessThanOrEqual(8);
    expect(Math.max(...hours)).toBeGreaterThanOrEqual(300);
    for (const boundary of [39, 40, 239, 240]) expect(hours, `some entry has ${boundary} hours`).toContain(boundary);
    for (const entry of everything.filter((candidate) => candidate.osapEligible)) {
      expect(entry.durationWeeks, entry.slug).toBeLessThan(12);
      expect(entry.instructionalHours, entry.slug).toBeGreaterThanOrEqual(5);
      expect(entry.instructionalHours, entry.slug).toBeLessThanOrEqual(300);
    }
    expect(everything.filter((entry) => entry.osapEligible).length).toBeGreaterThan(everything.length / 3);
    const modes = new Set(everything.map((entry) => entry.deliveryMode));
    expect(modes.size).toBe(4);
  });

  it('has drafts and sunset entries even in small catalogues, and past and upcoming intakes', () => {
    for (const code of catalogues.keys()) {
      const small = generateCatalogue(code, 12, 1, referenceDate);
      expect(
        small.some((entry) => entry.status === 'DRAFT'),
        code,
      ).toBe(true);
      expect(
        small.some((entry) => entry.status === 'SUNSET'),
        code,
      ).toBe(true);
    }
    const starts = everything.flatMap((entry) => entry.offerings.map((offering) => offering.startDate));
    expect(starts.some((start) => start < referenceDate)).toBe(true);
    expect(starts.some((start) => start > referenceDate)).toBe(true);
    for (const entry of everything.filter((candidate) => candidate.status === 'ACTIVE')) {
      expect(
        entry.offerings.some((offering) => offering.startDate > referenceDate),
        entry.slug,
      ).toBe(true);
    }
    for (const entry of everything.filter((candidate) => candidate.status === 'SUNSET')) {
      expect(entry.expiryDate! < referenceDate, entry.slug).toBe(true);
    }
  });

  it('writes French catalogues for French-language institutions and French titles for bilingual ones', () => {
    for (const code of ['boreal', 'lacite']) {
      for (const entry of catalogues.get(code)!) {
        expect(entry.languages).toEqual(['fr']);
        expect(entry.titleFr).toBe(entry.title);
        expect(entry.description).toContain('microcertification');
      }
    }
    const bilingual = catalogues.get('uottawa')!;
    expect(bilingual.every((entry) => entry.titleFr !== null)).toBe(true);
    expect(bilingual.some((entry) => entry.languages.includes('fr') && entry.languages.includes('en'))).toBe(true);
  });

  it('gives Indigenous institutes Indigenous-led programs', () => {
    for (const code of ['snpolytechnic', 'fnti', 'oshki']) {
      expect(
        catalogues.get(code)!.filter((entry) => entry.externalCode!.startsWith('IND')).length,
        code,
      ).toBeGreaterThanOrEqual(4);
    }
    expect(
      catalogues
        .get('snpolytechnic')!
        .some((entry) => entry.languages.includes('moh') || entry.languages.includes('cay')),
    ).toBe(true);
  });

  it('offers a short online OSAP-eligible data analytics micro-credential at several institutions', () => {
    const matching = [...catalogues].filter(([, entries]) =>
      entries.some(
        (entry) =>
          /data analytics/i.test(entry.title) &&
          entry.status === 'ACTIVE' &&
          entry.deliveryMode.startsWith('ONLINE') &&
          entry.osapEligible &&
          entry.instructionalHours <= 40,
      ),
    );
    expect(matching.length).toBeGreaterThanOrEqual(5);
  });

  it('is deterministic, and each entry depends only on its position', () => {
    expect(generateCatalogue('humber', 40, 1, referenceDate)).toEqual(
      generateCatalogue('humber', 40, 1, referenceDate),
    );
    expect(generateCatalogue('humber', 40, 2, referenceDate)).not.toEqual(
      generateCatalogue('humber', 40, 1, referenceDate),
    );
    expect(generateCatalogue('humber', 60, 1, referenceDate).slice(0, 40)).toEqual(
      generateCatalogue('humber', 40, 1, referenceDate),
    );
  });

  it('scales to 50 institutions of 1,000 entries with unique slugs', () => {
    // How long this takes is a figure for `npm run bench -- "sample data"`, not a test.
    const institutions = benchmarkInstitutions(50);
    expect(new Set(institutions.map((institution) => institution.code)).size).toBe(50);
    let total = 0;
    for (const institution of institutions) {
      const entries = generateCatalogue(institution, 1_000, 1, referenceDate);
      total += entries.length;
      expect(new Set(entries.map((entry) => entry.slug)).size, institution.code).toBe(1_000);
    }
    expect(total).toBe(50_000);
    expect(() => validateCatalogueEntries(generateCatalogue(institutions[49]!, 1_000, 1, referenceDate))).not.toThrow();
  });
});

describe('seedCatalogueIfEmpty', () => {
  it('seeds an empty catalogue once; later runs change nothing', async () => {
    const databaseUrl = await createTestDatabase('seed_once');
    await migrateCatalogueDatabase(databaseUrl);
    const entries = catalogues.get('tmu')!;
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    const state = async () => {
      const [row] = await sql`select (select count(*)::int from micro_credentials) as entries,
        (select count(*)::int from offerings) as offerings, (select count(*)::int from catalogue_changes) as changes`;
      return row;
    };
    try {
      const runs = await Promise.all([
        seedCatalogueIfEmpty(databaseUrl, 'tmu', entries),
        seedCatalogueIfEmpty(databaseUrl, 'tmu', entries),
      ]);
      expect(runs.sort()).toEqual([false, true]);
      const seeded = await state();
      expect(seeded!.entries).toBe(entries.length);
      expect(seeded!.offerings).toBe(entries.reduce((sum, entry) => sum + entry.offerings.length, 0));

      const different: CatalogueEntryInput[] = generateCatalogue('tmu', 5, 99, referenceDate);
      expect(await seedCatalogueIfEmpty(databaseUrl, 'tmu', different)).toBe(false);
      expect(await state()).toEqual(seeded);
    } finally {
      await sql.end();
    }
  });
});

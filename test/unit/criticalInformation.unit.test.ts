/** Validation of what contract 1.1 added to an entry: every field's rules, codes and paths, pure (no database). */
import { describe, expect, it } from 'vitest';
import { generateCatalogue } from '../../seed/catalogue.js';
import {
  type CatalogueEntryInput,
  findEntryProblems,
  findEntryWarnings,
} from '../../subgraphs/catalogue/catalogueEntry.js';
import { entriesFromCsv } from '../../subgraphs/catalogue/catalogueCsv.js';
import { officialLanguagesOf } from '../../subgraphs/catalogue/criticalInformation.js';
import { parseCsv } from '../../subgraphs/catalogue/csvRecords.js';
import { catalogueSettings } from '../../subgraphs/catalogue/settings.js';

/** A complete, valid 1.1 entry: a university's (credit-bearing candidates) first sample. */
const [sample] = generateCatalogue('uottawa', 1, 2, '2026-09-01');
const valid = (): CatalogueEntryInput => structuredClone(sample!);

type Problem = [string, ReadonlyArray<string | number>];
const problems = (entry: unknown, options?: { draft?: boolean; maintenance?: boolean }): Problem[] =>
  findEntryProblems([entry], options).map((problem) => [problem.code, problem.path]);

describe('contract 1.1 entry fields', () => {
  it('accepts the sample entry as it is', () => {
    expect(problems(valid())).toEqual([]);
  });

  it('requires the 1.1 publication fields, all reported at once, but not from drafts or maintenance of older entries', () => {
    const {
      entryLanguages: _l,
      priorLearningAssessment: _p,
      intakeModel: _i,
      credentialValidity: _v,
      gradingScheme: _g,
      learnerContact: _c,
      ...older
    } = { ...valid(), creditBearing: true, credits: null, creditUnit: null };
    expect(problems(older)).toEqual([
      ['REQUIRED', ['entryLanguages']],
      ['REQUIRED', ['priorLearningAssessment']],
      ['REQUIRED', ['intakeModel']],
      ['REQUIRED', ['credentialValidity']],
      ['REQUIRED', ['gradingScheme']],
      ['REQUIRED', ['credits']],
      ['REQUIRED', ['creditUnit']],
      ['REQUIRED', ['learnerContact']],
    ]);
    expect(problems(older, { draft: true })).toEqual([]);
    expect(problems(older, { maintenance: true })).toEqual([]);
  });

  it('keeps credits and their unit consistent with creditBearing', () => {
    expect(problems({ ...valid(), creditBearing: true, credits: 0.5, creditUnit: 'COURSE_CREDIT' })).toEqual([]);
    expect(problems({ ...valid(), creditBearing: false, credits: null, creditUnit: 'ECTS' })).toEqual([
      ['INCONSISTENT', ['creditUnit']],
    ]);
    expect(problems({ ...valid(), creditBearing: true, credits: 1, creditUnit: 'SEMESTER' })).toEqual([
      ['UNKNOWN_ENUM_VALUE', ['creditUnit']],
    ]);
  });

  it('checks prior learning assessment: process and contact when available, nothing else when not', () => {
    const available = { available: true, process: null, fee: { amount: 12.345, currency: 'XYZ' }, contact: null };
    expect(problems({ ...valid(), priorLearningAssessment: available })).toEqual([
      ['TOO_MANY_DECIMALS', ['priorLearningAssessment', 'fee', 'amount']],
      ['INVALID_CURRENCY', ['priorLearningAssessment', 'fee', 'currency']],
      ['REQUIRED', ['priorLearningAssessment', 'process']],
      ['REQUIRED', ['priorLearningAssessment', 'contact']],
    ]);
    const unavailable = { available: false, process: 'Portfolio', fee: null, contact: null };
    expect(problems({ ...valid(), priorLearningAssessment: unavailable })).toEqual([
      ['INCONSISTENT', ['priorLearningAssessment', 'process']],
    ]);
    expect(problems({ ...valid(), priorLearningAssessment: { available: 'yes' } })).toEqual([
      ['NOT_A_BOOLEAN', ['priorLearningAssessment', 'available']],
    ]);
  });

  it('checks learning resources, pacing, intake model, validity, grading and effort', () => {
    expect(
      problems({
        ...valid(),
        learningResources: [{ kind: 'VIDEO', title: '', url: 'ftp://x', includedInFees: null }],
        pacing: { selfPaced: true, completionWindowWeeks: null },
        intakeModel: 'ROLLING',
        credentialValidity: { kind: 'TIME_LIMITED', months: 1.5 },
        gradingScheme: 'GPA',
        learnerEffortHours: 1,
      }),
    ).toEqual([
      ['UNKNOWN_ENUM_VALUE', ['learningResources', 0, 'kind']],
      ['REQUIRED', ['learningResources', 0, 'title']],
      ['INVALID_URL', ['learningResources', 0, 'url']],
      ['REQUIRED', ['learningResources', 0, 'includedInFees']],
      ['REQUIRED', ['pacing', 'completionWindowWeeks']],
      ['UNKNOWN_ENUM_VALUE', ['intakeModel']],
      ['NOT_A_WHOLE_NUMBER', ['credentialValidity', 'months']],
      ['UNKNOWN_ENUM_VALUE', ['gradingScheme']],
      ['INCONSISTENT', ['learnerEffortHours']],
    ]);
    expect(problems({ ...valid(), credentialValidity: { kind: 'PERMANENT', months: 12 } })).toEqual([
      ['INCONSISTENT', ['credentialValidity', 'months']],
    ]);
  });

  it('checks contacts, accessibility and the fee breakdown', () => {
    expect(
      problems({
        ...valid(),
        learnerContact: { name: 'Learner services', email: 'not-an-address' },
        accessibility: { features: ['RAMPS'], accommodations: 'Ask us', contact: null },
        fees: {
          tuition: { amount: 400, currency: 'CAD' },
          materials: { amount: -1, currency: 'USD' },
          other: { amount: 50, currency: 'CAD' },
          otherDescription: null,
        },
      }),
    ).toEqual([
      ['INVALID_EMAIL', ['learnerContact', 'email']],
      ['UNKNOWN_ENUM_VALUE', ['accessibility', 'features', 0]],
      ['REQUIRED', ['accessibility', 'contact']],
      ['OUT_OF_RANGE', ['fees', 'materials', 'amount']],
      ['REQUIRED', ['fees', 'otherDescription']],
      ['INCONSISTENT', ['fees']],
    ]);
  });

  it('accepts INTEGRATED stacking with programs and ADMISSION_TO_PROGRAM awards', () => {
    const entry = valid();
    const program = { name: 'Honours BSc', programCode: 'BSC', url: null };
    expect(problems({ ...entry, stackability: { kind: 'INTEGRATED', programs: [program] } })).toEqual([]);
    expect(problems({ ...entry, stackability: { kind: 'INTEGRATED', programs: [] } })).toEqual([
      ['INCONSISTENT', ['stackability', 'programs']],
    ]);
    const admission = { type: 'ADMISSION_TO_PROGRAM', description: 'Admission to the BSc', standard: null };
    expect(problems({ ...entry, awards: [...entry.awards, admission] })).toEqual([]);
  });

  it('checks each offering’s seats, language, address and weekly schedule', () => {
    const entry = valid();
    const offering = {
      ...entry.offerings[0]!,
      seats: 20,
      seatsAvailable: 25,
      language: 'de',
      address: { streetAddress: '1 Main St', locality: 'Ottawa', region: 'ON', postalCode: null, country: 'Canada' },
      schedule: {
        timeZone: 'Ottawa/Canada',
        sessions: [
          { day: 'MONDAY', startTime: '18:30', endTime: '17:00' },
          { day: 'FUNDAY', startTime: '9:00' },
        ],
        note: null,
      },
    };
    expect(problems({ ...entry, offerings: [offering] })).toEqual([
      ['INCONSISTENT', ['offerings', 0, 'seatsAvailable']],
      ['INCONSISTENT', ['offerings', 0, 'language']],
      ['INVALID_COUNTRY_CODE', ['offerings', 0, 'address', 'country']],
      ['INVALID_TIME_ZONE', ['offerings', 0, 'schedule', 'timeZone']],
      ['DATES_OUT_OF_ORDER', ['offerings', 0, 'schedule', 'sessions', 0, 'endTime']],
      ['UNKNOWN_ENUM_VALUE', ['offerings', 0, 'schedule', 'sessions', 1, 'day']],
      ['INVALID_TIME', ['offerings', 0, 'schedule', 'sessions', 1, 'startTime']],
      ['REQUIRED', ['offerings', 0, 'schedule', 'sessions', 1, 'endTime']],
    ]);
  });
});

describe('both languages', () => {
  it('requires the French of every text an entry offered in French has, item for item', () => {
    const entry = {
      ...valid(),
      entryLanguages: ['EN', 'FR'],
      titleFr: null,
      learningOutcomesFr: ['Seulement un'],
      assessment: { ...valid().assessment, summativeDescriptionFr: null },
    };
    expect(problems(entry)).toEqual([
      ['REQUIRED', ['titleFr']],
      ['REQUIRED', ['assessment', 'summativeDescriptionFr']],
      ['INCONSISTENT', ['learningOutcomesFr']],
    ]);
    expect(problems({ ...valid(), entryLanguages: ['EN', 'EN', 'DE'] })).toEqual([
      ['TOO_MANY_ITEMS', ['entryLanguages']],
      ['DUPLICATE', ['entryLanguages']],
    ]);
  });

  it('warns a French-language institution about every empty French text, and nobody else', () => {
    const englishOnly = {
      ...valid(),
      entryLanguages: ['EN' as const],
      titleFr: null,
      descriptionFr: null,
      learningOutcomesFr: null,
      prerequisitesFr: null,
      assessment: { ...valid().assessment, summativeDescriptionFr: null },
      awards: valid().awards.map((award) => ({ ...award, descriptionFr: null })),
    };
    const french = findEntryWarnings(englishOnly, 0, ['EN', 'FR']).filter((w) => w.code === 'FRENCH_TEXT_MISSING');
    expect(french.map((warning) => warning.path)).toEqual(
      expect.arrayContaining([
        ['titleFr'],
        ['descriptionFr'],
        ['learningOutcomesFr'],
        ['prerequisitesFr'],
        ['assessment', 'summativeDescriptionFr'],
        ['awards', 0, 'descriptionFr'],
      ]),
    );
    expect(findEntryWarnings(englishOnly, 0, ['EN']).some((w) => w.code === 'FRENCH_TEXT_MISSING')).toBe(false);
    expect(findEntryWarnings(valid(), 0, ['EN', 'FR']).some((w) => w.code === 'FRENCH_TEXT_MISSING')).toBe(false);
  });

  it('reads an institution’s official languages from its languages of instruction', () => {
    const env = { INSTITUTION_CODE: 'boreal', DATABASE_URL: 'postgres://db.invalid/catalogue' };
    expect(catalogueSettings(env).institutionLanguages).toEqual(['EN']);
    expect(catalogueSettings({ ...env, INSTITUTION_LANGUAGES: 'fr, en' }).institutionLanguages).toEqual(['EN', 'FR']);
    expect(() => catalogueSettings({ ...env, INSTITUTION_LANGUAGES: 'French' })).toThrow(/INSTITUTION_LANGUAGES/);
    expect(officialLanguagesOf(['fr'])).toEqual(['FR']);
    expect(officialLanguagesOf(['en', 'moh', 'cay'])).toEqual(['EN']);
    expect(officialLanguagesOf(['oj'])).toEqual([]);
  });
});

describe('CSV columns of 1.1', () => {
  it('read money, contacts, lists and per-offering addresses and sessions into the entry', () => {
    const csv = [
      'slug,offerings,offeringAddresses,offeringSessions,plarAvailable,plarFee,feeTuition,accessibilityFeatures,learningOutcomesFr,selfPaced,completionWindowWeeks',
      'x,F26-01|2026-09-01|2026-10-01|Main|no|400|https://x.ca/r|30|12|en,F26-01|1 Main St|Ottawa|ON||CA,F26-01|MONDAY|18:30|21:30|America/Toronto;F26-01|WEDNESDAY|18:30|21:30|America/Toronto,yes,150|CAD,350|CAD,CAPTIONED_MEDIA;EXTENDED_ASSESSMENT_TIME,Un;Deux,yes,16',
    ].join('\n');
    const [row] = entriesFromCsv(parseCsv(csv)).entries;
    expect(row!.entry).toMatchObject({
      offerings: [
        {
          code: 'F26-01',
          seats: 30,
          seatsAvailable: 12,
          language: 'en',
          address: { streetAddress: '1 Main St', locality: 'Ottawa', region: 'ON', postalCode: null, country: 'CA' },
          schedule: {
            timeZone: 'America/Toronto',
            sessions: [
              { day: 'MONDAY', startTime: '18:30', endTime: '21:30' },
              { day: 'WEDNESDAY', startTime: '18:30', endTime: '21:30' },
            ],
          },
        },
      ],
      priorLearningAssessment: { available: true, fee: { amount: 150, currency: 'CAD' } },
      fees: { tuition: { amount: 350, currency: 'CAD' } },
      accessibility: { features: ['CAPTIONED_MEDIA', 'EXTENDED_ASSESSMENT_TIME'] },
      learningOutcomesFr: ['Un', 'Deux'],
      pacing: { selfPaced: true, completionWindowWeeks: 16 },
    });
    expect(row!.entry).not.toHaveProperty('offeringAddresses');
  });
});

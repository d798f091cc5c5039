/**
 * How the 1.1 fields show in the exports (pure mapping, no servers): CTDL,
 * Open Badges 3.0 and schema.org documents of one entry with every 1.1 field,
 * still expanding to their vocabularies only and, for OB3, valid against
 * 1EdTech's schema; and the same entry without them (a 1.0 institution).
 */
import { describe, expect, it } from 'vitest';
import { ctdlDocument } from '../../gateway/linkedData/ctdl.js';
import type { ExportedEntry } from '../../gateway/linkedData/exportQueries.js';
import { openBadgesAchievement } from '../../gateway/linkedData/openBadges.js';
import { schemaOrgCourse } from '../../gateway/linkedData/schemaOrg.js';
import { expandOffline, openBadgesAchievementErrors, termsOutside, vocabularies } from './support/vocabularyChecks.js';

const entry: ExportedEntry = {
  id: 'laurentian:gis-basics',
  url: 'https://directory.example/credentials/laurentian:gis-basics',
  externalCode: 'GIS1001',
  title: 'GIS Basics',
  titleFr: 'Notions de SIG',
  description: 'Maps and spatial data. Sample data — not a real offering.',
  descriptionFr: 'Cartes et données spatiales. Données d’exemple — offre fictive.',
  languages: ['en', 'fr'],
  learningOutcomes: ['Build a map', 'Query spatial data'],
  learningOutcomesFr: ['Créer une carte', 'Interroger des données spatiales'],
  skills: [],
  occupations: [{ nocCode: '21400', title: 'Mathematicians, statisticians and actuaries' }],
  cip: { code: '45.0702', title: 'Geographic information science and cartography' },
  instructionalHours: 36,
  learnerEffortHours: 60,
  durationWeeks: 6,
  creditBearing: true,
  credits: 0.5,
  creditUnit: 'COURSE_CREDIT',
  deliveryMode: 'IN_PERSON',
  assessment: {
    types: ['PROJECT'],
    summativeDescription: 'A mapping project.',
    passingThreshold: 60,
    attemptsAllowed: 1,
  },
  gradingScheme: 'PASS_FAIL',
  supervision: 'SUPERVISED_WITH_IDENTITY_CHECK',
  prerequisites: ['Spreadsheet skills'],
  prerequisitesFr: ['Maîtrise du tableur'],
  qualityAssurance: { body: 'Ontario Universities Council on Quality Assurance', type: 'PROVINCIAL_REVIEW' },
  awards: [{ type: 'ADMISSION_TO_PROGRAM', description: 'Admission to the BSc in Geography', standard: null }],
  stackability: { kind: 'INTEGRATED', programs: [] },
  offerings: [
    {
      id: 'laurentian:gis-basics:F26-01',
      startDate: '2026-09-08',
      endDate: '2026-10-16',
      location: 'Sudbury Campus',
      online: false,
      priceCad: 500,
      registrationUrl: 'https://laurentian.ca/register?c=GIS1001',
      seats: 24,
      seatsAvailable: 7,
      language: 'fr',
      address: {
        streetAddress: '935 Ramsey Lake Road',
        locality: 'Sudbury',
        region: 'ON',
        postalCode: 'P3E 2C6',
        country: 'CA',
      },
      schedule: { timeZone: 'America/Toronto', sessions: [{ day: 'TUESDAY', startTime: '18:30', endTime: '21:30' }] },
    },
  ],
  osapEligible: true,
  partners: [],
  transferContact: { name: 'Credit transfer', email: 'transfer@laurentian.ca', phone: null },
  courseOutlineUrl: 'https://laurentian.ca/gis-basics',
  status: 'ACTIVE',
  effectiveDate: '2026-01-01',
  expiryDate: null,
  reviewDate: null,
  sunsetReason: null,
  version: 1,
  updatedAt: '2026-05-01T00:00:00.000Z',
  oqfAlignment: null,
  credentialValidity: { kind: 'TIME_LIMITED', months: 36 },
  fees: {
    tuition: { amount: 400, currency: 'CAD' },
    materials: { amount: 40, currency: 'CAD' },
    other: { amount: 60, currency: 'CAD' },
    otherDescription: 'Lab fee',
  },
  accessibility: { accommodations: 'Contact Accessibility Services before the start date.' },
  institution: {
    code: 'laurentian',
    url: 'https://directory.example/institutions/laurentian',
    name: 'Laurentian University',
    nameFr: 'Université Laurentienne',
    type: 'UNIVERSITY',
    region: 'NORTHERN',
    website: 'https://laurentian.ca',
    languages: ['en', 'fr'],
  },
  stacksInto: null,
  recognizedAs: null,
};

/** The same entry from an institution (or entry) that predates 1.1: every 1.1 field null. */
const older: ExportedEntry = {
  ...entry,
  learningOutcomesFr: null,
  prerequisitesFr: null,
  gradingScheme: null,
  creditUnit: null,
  learnerEffortHours: null,
  credentialValidity: null,
  fees: null,
  accessibility: null,
  offerings: entry.offerings.map((offering) => ({
    ...offering,
    seats: null,
    seatsAvailable: null,
    language: null,
    address: null,
    schedule: null,
  })),
};

describe('CTDL', () => {
  it('carries the credit unit, fee parts, learner effort, street address and French outcomes and prerequisites', async () => {
    const node = ctdlDocument(entry)['@graph'] as Array<Record<string, any>>;
    const credential = node[0]!;
    expect(credential['ceterms:creditValue'][0]['ceterms:creditUnitType'][0]['ceterms:targetNode']).toBe(
      'creditUnit:DegreeCredit',
    );
    const costs = credential['ceterms:estimatedCost'].map((cost: any) => [
      cost['ceterms:directCostType'][0]['ceterms:targetNode'],
      cost['ceterms:price'],
    ]);
    expect(costs).toEqual([
      ['costType:Tuition', 400],
      ['costType:LearningResource', 40],
      ['costType:ProgramSpecificFee', 60],
      ['costType:Tuition', 500],
    ]);
    expect(credential['ceterms:estimatedDuration'].map((d: any) => d['ceterms:exactDuration'])).toContain('PT60H');
    expect(credential['ceterms:availableAt'][0]).toMatchObject({
      'ceterms:streetAddress': '935 Ramsey Lake Road',
      'ceterms:addressLocality': 'Sudbury',
      'ceterms:postalCode': 'P3E 2C6',
    });
    const outcomes = credential['ceterms:requires'][0]['ceterms:targetCompetency'];
    expect(outcomes.at(-1)['ceterms:targetNodeName']).toEqual({
      en: 'Query spatial data',
      fr: 'Interroger des données spatiales',
    });
    expect(credential['ceterms:requires'][1]['ceterms:condition'].fr).toEqual(['Maîtrise du tableur']);
    expect(termsOutside(await expandOffline(ctdlDocument(entry)), vocabularies.ctdl)).toEqual([]);
  });

  it('leaves the 1.1 parts out for an entry without them', () => {
    const credential = (ctdlDocument(older)['@graph'] as Array<Record<string, any>>)[0]!;
    expect(credential['ceterms:creditValue'][0]).not.toHaveProperty('ceterms:creditUnitType');
    expect(credential['ceterms:estimatedCost']).toHaveLength(1);
    expect(credential['ceterms:estimatedDuration']).toHaveLength(2);
  });
});

describe('Open Badges 3.0', () => {
  it('states the grading scheme as the result type, and stays valid', async () => {
    const achievement = openBadgesAchievement(entry) as Record<string, any>;
    expect(achievement.resultDescription).toEqual([
      expect.objectContaining({ resultType: 'Result', allowedValue: ['Pass', 'Fail'], requiredValue: 'Pass' }),
    ]);
    expect(openBadgesAchievementErrors(achievement)).toEqual([]);
    expect(termsOutside(await expandOffline(achievement), vocabularies.ob3)).toEqual([]);
    const letter = openBadgesAchievement({ ...entry, gradingScheme: 'LETTER_GRADE' }) as Record<string, any>;
    expect(letter.resultDescription[0].resultType).toBe('LetterGrade');
    expect((openBadgesAchievement(older) as Record<string, any>).resultDescription[0]).toMatchObject({
      resultType: 'Percent',
      requiredValue: '60',
    });
  });
});

describe('schema.org', () => {
  it('gives each intake its weekly meetings, seats, language and address, and the credential its validity', async () => {
    const course = schemaOrgCourse(entry) as Record<string, any>;
    const instance = course.hasCourseInstance[0];
    expect(instance).toMatchObject({
      inLanguage: 'fr',
      maximumAttendeeCapacity: 24,
      remainingAttendeeCapacity: 7,
      courseWorkload: 'PT60H',
      location: { address: { streetAddress: '935 Ramsey Lake Road', addressLocality: 'Sudbury' } },
    });
    expect(instance.courseSchedule).toEqual([
      expect.objectContaining({
        byDay: 'https://schema.org/Tuesday',
        startTime: '18:30',
        endTime: '21:30',
        scheduleTimezone: 'America/Toronto',
        repeatFrequency: 'P1W',
      }),
    ]);
    expect(course.educationalCredentialAwarded.validFor).toBe('P36M');
    expect(course.accessibilitySummary).toBe(entry.accessibility!.accommodations);
    expect(termsOutside(await expandOffline(course), vocabularies.schema)).toEqual([]);

    const plain = schemaOrgCourse(older) as Record<string, any>;
    expect(plain.hasCourseInstance[0]).not.toHaveProperty('maximumAttendeeCapacity');
    expect(plain.hasCourseInstance[0].courseWorkload).toBe('PT36H');
    expect(plain.educationalCredentialAwarded).not.toHaveProperty('validFor');
  });
});

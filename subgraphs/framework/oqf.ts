/**
 * The Ontario Qualifications Framework (OQF) as data, and the alignment of a
 * micro-credential's workload to it.
 *
 * Source: https://www.ontario.ca/page/ontario-qualifications-framework and the
 * legacy per-level pages tcu.gov.on.ca/pepg/programs/oqf/certificateN.html,
 * whose numbering this follows (see shared/reference/domain.md §1). Wording of
 * typical durations is the framework's, lightly shortened.
 *
 * Micro-credentials are not an OQF category: the framework has nothing below
 * Certificate I's 40 hours. `alignToOqf` therefore says which category a
 * workload is *comparable to*, never that a micro-credential *is* one.
 */
import type { ProviderType } from './generated/enums.js';

/** Who awards an OQF credential: generated from schema/framework.graphql. */
export type { ProviderType };

export interface OqfLevelDefinition {
  /** Position in the framework, 1 to 13. */
  number: number;
  name: string;
  typicalDuration: string;
  /** Only where the framework states instructional hours. */
  typicalHoursMin: number | null;
  typicalHoursMax: number | null;
  typicalSemesters: string | null;
  typicalCredits: string | null;
  awardedBy: ProviderType[];
  /** The credential actually awarded; null where the framework leaves it "to be determined". */
  credential: string | null;
}

const degreeGranters: ProviderType[] = ['UNIVERSITY', 'CONSENT_HOLDER', 'INDIGENOUS_INSTITUTE'];

export const oqfLevels: readonly OqfLevelDefinition[] = [
  {
    number: 1,
    name: 'Certificate I',
    typicalDuration: 'At least 40 instructional hours',
    typicalHoursMin: 40,
    typicalHoursMax: null,
    typicalSemesters: null,
    typicalCredits: null,
    awardedBy: ['CAREER_COLLEGE', 'INDIGENOUS_INSTITUTE'],
    // The framework says "to be determined" for career colleges.
    credential: null,
  },
  {
    number: 2,
    name: 'Certificate II',
    typicalDuration: '240 to 500 instructional hours',
    typicalHoursMin: 240,
    typicalHoursMax: 500,
    typicalSemesters: null,
    typicalCredits: null,
    awardedBy: ['CAREER_COLLEGE', 'PUBLIC_COLLEGE'],
    // Public colleges award a "Certificate" (not an Ontario College Certificate); career colleges: to be determined.
    credential: 'Certificate',
  },
  {
    number: 3,
    name: 'Certificate of Apprenticeship',
    typicalDuration: 'Up to five years depending on the trade, about 80–90% on the job and 10–20% formal instruction',
    typicalHoursMin: null,
    typicalHoursMax: null,
    typicalSemesters: null,
    typicalCredits: null,
    // Training is delivered by approved agents (mostly colleges) and employers; the Ministry issues the certificate.
    awardedBy: ['APPRENTICESHIP_AUTHORITY'],
    credential: 'Ontario Certificate of Apprenticeship',
  },
  // UNVERIFIED: the framework's page for level 4 was not retrieved. It is believed to be the
  // Certificate of Qualification (journeyperson), issued by the trade certification body
  // (formerly the Ontario College of Trades, now Skilled Trades Ontario) after an exam.
  // Check against ontario.ca before relying on anything but the number.
  {
    number: 4,
    name: 'Certificate of Qualification',
    typicalDuration: 'Examination after completing an apprenticeship',
    typicalHoursMin: null,
    typicalHoursMax: null,
    typicalSemesters: null,
    typicalCredits: null,
    awardedBy: ['APPRENTICESHIP_AUTHORITY'],
    credential: 'Certificate of Qualification',
  },
  {
    number: 5,
    name: 'Certificate III',
    typicalDuration: 'Two semesters, or 600–700 equivalent instructional hours',
    typicalHoursMin: 600,
    typicalHoursMax: 700,
    typicalSemesters: '2',
    typicalCredits: null,
    awardedBy: ['PUBLIC_COLLEGE', 'INDIGENOUS_INSTITUTE'],
    credential: 'Ontario College Certificate',
  },
  {
    number: 6,
    name: 'Diploma I',
    typicalDuration: '1000 or more instructional hours',
    typicalHoursMin: 1000,
    typicalHoursMax: null,
    typicalSemesters: null,
    typicalCredits: null,
    awardedBy: ['CAREER_COLLEGE', 'INDIGENOUS_INSTITUTE'],
    credential: 'Diploma',
  },
  {
    number: 7,
    name: 'Diploma II',
    typicalDuration: 'Four semesters, or 1200–1400 equivalent instructional hours',
    typicalHoursMin: 1200,
    typicalHoursMax: 1400,
    typicalSemesters: '4',
    typicalCredits: null,
    awardedBy: ['PUBLIC_COLLEGE'],
    credential: 'Ontario College Diploma',
  },
  {
    number: 8,
    name: 'Advanced Diploma',
    typicalDuration: 'Six semesters, or 1800–2100 equivalent instructional hours',
    typicalHoursMin: 1800,
    typicalHoursMax: 2100,
    typicalSemesters: '6',
    typicalCredits: null,
    awardedBy: ['CAREER_COLLEGE', 'PUBLIC_COLLEGE'],
    // Public colleges; career colleges: to be determined.
    credential: 'Ontario College Advanced Diploma',
  },
  {
    number: 9,
    name: 'Post-Diploma Certificate',
    typicalDuration:
      'Two semesters, or 600–700 equivalent instructional hours; admission requires a diploma, advanced diploma or degree',
    typicalHoursMin: 600,
    typicalHoursMax: 700,
    typicalSemesters: '2',
    typicalCredits: null,
    awardedBy: ['CAREER_COLLEGE', 'PUBLIC_COLLEGE'],
    credential: 'Ontario College Graduate Certificate',
  },
  {
    number: 10,
    name: "Baccalaureate/Bachelor's Degree",
    typicalDuration: 'Six to eight semesters; normally 90–120 credits',
    typicalHoursMin: null,
    typicalHoursMax: null,
    typicalSemesters: '6–8',
    typicalCredits: '90–120',
    awardedBy: degreeGranters,
    credential: "Bachelor's degree",
  },
  {
    number: 11,
    name: "Baccalaureate/Bachelor's Degree: Honours",
    typicalDuration: 'Eight or more semesters; normally 120 credits',
    typicalHoursMin: null,
    typicalHoursMax: null,
    typicalSemesters: '8 or more',
    typicalCredits: '120',
    awardedBy: degreeGranters,
    credential: "Honours bachelor's degree",
  },
  {
    number: 12,
    name: "Master's Degree",
    typicalDuration: 'Three to five semesters; normally 45–60 credits',
    typicalHoursMin: null,
    typicalHoursMax: null,
    typicalSemesters: '3–5',
    typicalCredits: '45–60',
    awardedBy: degreeGranters,
    credential: "Master's degree",
  },
  {
    number: 13,
    name: 'Doctoral Degree',
    typicalDuration: 'Three to five years, depending on field and progress',
    typicalHoursMin: null,
    typicalHoursMax: null,
    typicalSemesters: null,
    typicalCredits: null,
    awardedBy: degreeGranters,
    credential: 'Doctoral degree',
  },
];

export function oqfLevel(number: number): OqfLevelDefinition | null {
  return oqfLevels.find((level) => level.number === number) ?? null;
}

function requireLevel(number: number): OqfLevelDefinition {
  const level = oqfLevel(number);
  if (!level) throw new Error(`OQF level ${number} is missing from oqfLevels`);
  return level;
}

export type OqfBand = 'BELOW_CERTIFICATE_I' | 'CERTIFICATE_I' | 'CERTIFICATE_II' | 'ABOVE_CERTIFICATE_II';

export interface OqfAlignmentResult {
  band: OqfBand;
  /** Null below Certificate I: the framework has no category that small. */
  comparableLevel: OqfLevelDefinition | null;
  hours: number;
  explanation: string;
}

/** Thresholds in instructional hours, from the framework's Certificate I and II durations. */
export const certificateIMinHours = 40;
export const certificateIIMinHours = 240;
export const certificateIIMaxHours = 500;

export class InvalidHoursError extends RangeError {
  constructor(readonly hours: unknown) {
    super(`instructional hours must be a finite number greater than 0, got ${describe(hours)}`);
    this.name = 'InvalidHoursError';
  }
}

function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (value === undefined) return 'nothing';
  return `${JSON.stringify(value)} (${value === null ? 'null' : typeof value})`;
}

const notAClassification =
  'This is an alignment by workload, not an OQF classification: micro-credentials are not OQF qualifications.';

/**
 * Which OQF reference point a workload is comparable to. Half-open bands, so
 * fractional hours have one answer: [0, 40) below Certificate I, [40, 240)
 * Certificate I, [240, 500] Certificate II, above 500 beyond Certificate II.
 */
export function alignToOqf(hours: unknown): OqfAlignmentResult {
  if (typeof hours !== 'number' || !Number.isFinite(hours) || hours <= 0) throw new InvalidHoursError(hours);
  const shown = `${hours} instructional hours`;
  if (hours < certificateIMinHours) {
    return {
      band: 'BELOW_CERTIFICATE_I',
      comparableLevel: null,
      hours,
      explanation: `${shown} is below the ${certificateIMinHours} hours of Certificate I, the smallest OQF category: the micro-credential band, with no comparable OQF level. ${notAClassification}`,
    };
  }
  if (hours < certificateIIMinHours) {
    return {
      band: 'CERTIFICATE_I',
      comparableLevel: requireLevel(1),
      hours,
      explanation: `${shown} is comparable to the workload of an OQF Certificate I (at least ${certificateIMinHours} hours). ${notAClassification}`,
    };
  }
  if (hours <= certificateIIMaxHours) {
    return {
      band: 'CERTIFICATE_II',
      comparableLevel: requireLevel(2),
      hours,
      explanation: `${shown} is comparable to the workload of an OQF Certificate II (${certificateIIMinHours} to ${certificateIIMaxHours} hours). ${notAClassification}`,
    };
  }
  return {
    band: 'ABOVE_CERTIFICATE_II',
    // Higher categories differ by admission, breadth and credential, not by hours alone,
    // so Certificate II is the highest level a workload by itself is comparable to.
    comparableLevel: requireLevel(2),
    hours,
    explanation: `${shown} exceeds the ${certificateIIMaxHours} hours of an OQF Certificate II; higher OQF categories are defined by more than workload, so hours alone do not compare it to one. ${notAClassification}`,
  };
}

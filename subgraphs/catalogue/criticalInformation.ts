/**
 * The vocabulary contract 1.1 added to a catalogue entry: the critical
 * information a learner needs before enrolling (PLAR, resources, pacing,
 * intake, validity, grading, credit unit, effort, contacts, accessibility,
 * fees) and what an offering adds (seats, language, address, schedule).
 * schema/catalogue.graphql is the authority; these mirror it.
 *
 * Every field is optional in the stored shape: entries published before 1.1
 * have none of them and stay readable (see requiredFrom11 in
 * criticalInformationChecks.ts for what publication needs).
 */
import type { Contact } from './entryParts.js';

export const officialLanguages = ['EN', 'FR'] as const;
export type OfficialLanguage = (typeof officialLanguages)[number];

/**
 * The official languages among ISO 639 codes (`en`, `fr`, `moh`...): what an
 * institution's languages of instruction mean for the French-text warning.
 */
export function officialLanguagesOf(codes: readonly string[]): OfficialLanguage[] {
  return officialLanguages.filter((language) => codes.some((code) => code.trim().toUpperCase() === language));
}

export const learningResourceKinds = [
  'TEXTBOOK',
  'OPEN_EDUCATIONAL_RESOURCE',
  'SOFTWARE',
  'EQUIPMENT',
  'ONLINE_PLATFORM',
  'OTHER',
] as const;
export type LearningResourceKind = (typeof learningResourceKinds)[number];

export const intakeModels = ['SCHEDULED_INTAKES', 'CONTINUOUS_ENROLMENT', 'ON_REQUEST'] as const;
export type IntakeModel = (typeof intakeModels)[number];

export const credentialValidityKinds = ['PERMANENT', 'TIME_LIMITED'] as const;
export type CredentialValidityKind = (typeof credentialValidityKinds)[number];

export const gradingSchemes = ['PASS_FAIL', 'PERCENTAGE', 'LETTER_GRADE', 'COMPETENCY_LEVELS'] as const;
export type GradingScheme = (typeof gradingSchemes)[number];

export const creditUnits = ['COURSE_CREDIT', 'CREDIT_HOUR', 'ECTS', 'CONTINUING_EDUCATION_UNIT'] as const;
export type CreditUnit = (typeof creditUnits)[number];

export const accessibilityFeatures = [
  'CAPTIONED_MEDIA',
  'SCREEN_READER_COMPATIBLE',
  'ALTERNATIVE_FORMATS',
  'EXTENDED_ASSESSMENT_TIME',
  'ASSISTIVE_TECHNOLOGY',
  'STEP_FREE_ACCESS',
  'SIGN_LANGUAGE_INTERPRETATION',
] as const;
export type AccessibilityFeature = (typeof accessibilityFeatures)[number];

export const daysOfWeek = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type DayOfWeek = (typeof daysOfWeek)[number];

export interface Money {
  amount: number;
  /** ISO 4217, e.g. `CAD`. */
  currency: string;
}

export interface PriorLearningAssessment {
  available: boolean;
  process: string | null;
  processFr?: string | null;
  fee: Money | null;
  contact: Contact | null;
}

export interface LearningResource {
  kind: LearningResourceKind;
  title: string;
  titleFr?: string | null;
  url: string | null;
  includedInFees: boolean;
}

export interface Pacing {
  selfPaced: boolean;
  completionWindowWeeks: number | null;
}

export interface CredentialValidity {
  kind: CredentialValidityKind;
  months: number | null;
}

export interface Accessibility {
  features: AccessibilityFeature[];
  accommodations: string;
  accommodationsFr?: string | null;
  contact: Contact;
}

export interface FeeBreakdown {
  tuition: Money;
  materials: Money | null;
  other: Money | null;
  otherDescription: string | null;
  otherDescriptionFr?: string | null;
}

export interface PostalAddress {
  streetAddress: string;
  locality: string;
  /** Province or state code, e.g. `ON`. */
  region: string;
  postalCode: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export interface WeeklySession {
  day: DayOfWeek;
  /** `HH:MM`, 24-hour. */
  startTime: string;
  endTime: string;
}

export interface OfferingSchedule {
  /** IANA time zone, e.g. `America/Toronto`. */
  timeZone: string;
  sessions: WeeklySession[];
  note: string | null;
  noteFr?: string | null;
}

/** What 1.1 added to an entry; every field may be absent on entries published before it. */
export interface CriticalInformation {
  entryLanguages?: OfficialLanguage[] | null;
  learningOutcomesFr?: string[] | null;
  prerequisitesFr?: string[] | null;
  priorLearningAssessment?: PriorLearningAssessment | null;
  learningResources?: LearningResource[] | null;
  pacing?: Pacing | null;
  intakeModel?: IntakeModel | null;
  credentialValidity?: CredentialValidity | null;
  gradingScheme?: GradingScheme | null;
  creditUnit?: CreditUnit | null;
  learnerEffortHours?: number | null;
  learnerContact?: Contact | null;
  accessibility?: Accessibility | null;
  fees?: FeeBreakdown | null;
}

/** What 1.1 added to an offering. */
export interface OfferingDetails {
  seats?: number | null;
  seatsAvailable?: number | null;
  language?: string | null;
  address?: PostalAddress | null;
  schedule?: OfferingSchedule | null;
}

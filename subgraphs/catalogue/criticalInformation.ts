/**
 * The vocabulary contract 1.1 added to a catalogue entry: the critical
 * information a learner needs before enrolling (PLAR, resources, pacing,
 * intake, validity, grading, credit unit, effort, contacts, accessibility,
 * fees) and what an offering adds (seats, language, address, schedule).
 * schema/catalogue.graphql is the authority: the value lists are generated from it.
 *
 * Every field is optional in the stored shape: entries published before 1.1
 * have none of them and stay readable (see requiredFrom11 in
 * criticalInformationChecks.ts for what publication needs).
 */
import type { Language } from '../../runtime/language.js';
import type { Contact } from './entryParts.js';
import {
  accessibilityFeatureValues,
  credentialValidityKindValues,
  creditUnitValues,
  dayOfWeekValues,
  gradingSchemeValues,
  intakeModelValues,
  learningResourceKindValues,
  languageValues,
} from './generated/enums.js';

/** The directory's two languages (`Language` in the contract), as the languages an entry's texts are supplied in. */
export const officialLanguages = languageValues;
export type OfficialLanguage = Language;

/**
 * The official languages among ISO 639 codes (`en`, `fr`, `moh`...): what an
 * institution's languages of instruction mean for the French-text warning.
 */
export function officialLanguagesOf(codes: readonly string[]): OfficialLanguage[] {
  return officialLanguages.filter((language) => codes.some((code) => code.trim().toUpperCase() === language));
}

export const learningResourceKinds = learningResourceKindValues;
export type LearningResourceKind = (typeof learningResourceKinds)[number];

export const intakeModels = intakeModelValues;
export type IntakeModel = (typeof intakeModels)[number];

export const credentialValidityKinds = credentialValidityKindValues;
export type CredentialValidityKind = (typeof credentialValidityKinds)[number];

export const gradingSchemes = gradingSchemeValues;
export type GradingScheme = (typeof gradingSchemes)[number];

export const creditUnits = creditUnitValues;
export type CreditUnit = (typeof creditUnits)[number];

export const accessibilityFeatures = accessibilityFeatureValues;
export type AccessibilityFeature = (typeof accessibilityFeatures)[number];

export const daysOfWeek = dayOfWeekValues;
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

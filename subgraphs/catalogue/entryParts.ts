/**
 * The vocabulary of a catalogue entry: enum values and the nested structures
 * stored as JSON. The GraphQL contract (schema/catalogue.graphql) is the
 * authority: the value lists are generated from it (`npm run codegen`), so the
 * database, validation and the seed share one definition.
 */
import {
  assessmentTypeValues,
  awardTypeValues,
  changeKindValues,
  deliveryModeValues,
  microCredentialStatusValues,
  partnerKindValues,
  qualityAssuranceTypeValues,
  skillFrameworkValues,
  stackabilityKindValues,
  supervisionValues,
} from './generated/enums.js';

export const microCredentialStatuses = microCredentialStatusValues;
export type MicroCredentialStatus = (typeof microCredentialStatuses)[number];

/** Statuses anyone may read. Drafts are visible only to the owning institution. */
export const publicStatuses = ['ACTIVE', 'SUNSET'] as const satisfies readonly MicroCredentialStatus[];

export const deliveryModes = deliveryModeValues;
export type DeliveryMode = (typeof deliveryModes)[number];

export const supervisions = supervisionValues;
export type Supervision = (typeof supervisions)[number];

export const skillFrameworks = skillFrameworkValues;
export type SkillFramework = (typeof skillFrameworks)[number];

export const assessmentTypes = assessmentTypeValues;
export type AssessmentType = (typeof assessmentTypes)[number];

export const qualityAssuranceTypes = qualityAssuranceTypeValues;
export type QualityAssuranceType = (typeof qualityAssuranceTypes)[number];

export const awardTypes = awardTypeValues;
export type AwardType = (typeof awardTypes)[number];

export const stackabilityKinds = stackabilityKindValues;
export type StackabilityKind = (typeof stackabilityKinds)[number];

export const partnerKinds = partnerKindValues;
export type PartnerKind = (typeof partnerKinds)[number];

export const changeKinds = changeKindValues;
export type ChangeKind = (typeof changeKinds)[number];

export interface Skill {
  framework: SkillFramework;
  /** ESCO concept URI, ESDC SCT code, or the framework's own code. */
  code: string;
  label: string;
}

export interface Occupation {
  /** NOC 2021 unit group: five digits, kept as a string for leading zeros. */
  nocCode: string;
  title: string;
}

export interface InstructionalProgram {
  /** CIP 2021 `NN.NNNN`. */
  code: string;
  title: string;
}

export interface Assessment {
  types: AssessmentType[];
  summativeDescription: string | null;
  /** 1.1; absent on entries written before it. */
  summativeDescriptionFr?: string | null;
  passingThreshold: number | null;
  attemptsAllowed: number | null;
}

export interface QualityAssurance {
  body: string;
  type: QualityAssuranceType;
}

export interface Award {
  type: AwardType;
  description: string;
  /** 1.1; absent on entries written before it. */
  descriptionFr?: string | null;
  standard: string | null;
}

export interface StackTarget {
  name: string;
  programCode: string | null;
  url: string | null;
}

export interface Stackability {
  kind: StackabilityKind;
  programs: StackTarget[];
}

export interface Partner {
  name: string;
  kind: PartnerKind;
}

export interface Contact {
  name: string;
  email: string;
  phone: string | null;
}

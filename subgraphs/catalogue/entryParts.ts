/**
 * The vocabulary of a catalogue entry: enum values and the nested structures
 * stored as JSON. The GraphQL contract (schema/catalogue.graphql) is the
 * authority; these mirror it so the database, validation and the seed share
 * one definition.
 */

export const microCredentialStatuses = ['DRAFT', 'ACTIVE', 'SUNSET'] as const;
export type MicroCredentialStatus = (typeof microCredentialStatuses)[number];

/** Statuses anyone may read. Drafts are visible only to the owning institution. */
export const publicStatuses = ['ACTIVE', 'SUNSET'] as const satisfies readonly MicroCredentialStatus[];

export const deliveryModes = ['ONLINE_ASYNCHRONOUS', 'ONLINE_SYNCHRONOUS', 'IN_PERSON', 'HYBRID'] as const;
export type DeliveryMode = (typeof deliveryModes)[number];

export const supervisions = [
  'UNSUPERVISED_NO_IDENTITY_CHECK',
  'SUPERVISED_NO_IDENTITY_CHECK',
  'SUPERVISED_WITH_IDENTITY_CHECK',
] as const;
export type Supervision = (typeof supervisions)[number];

export const skillFrameworks = ['ESCO', 'ESDC_SCT', 'OTHER'] as const;
export type SkillFramework = (typeof skillFrameworks)[number];

export const assessmentTypes = [
  'EXAM',
  'PROJECT',
  'PORTFOLIO',
  'PRACTICAL_DEMONSTRATION',
  'QUIZ',
  'PRESENTATION',
  'PEER_REVIEW',
  'WORK_PLACEMENT',
] as const;
export type AssessmentType = (typeof assessmentTypes)[number];

export const qualityAssuranceTypes = [
  'INSTITUTIONAL_REVIEW',
  'PROVINCIAL_REVIEW',
  'INDUSTRY_ACCREDITATION',
  'PROFESSIONAL_BODY',
] as const;
export type QualityAssuranceType = (typeof qualityAssuranceTypes)[number];

export const awardTypes = [
  'DIGITAL_BADGE',
  'CERTIFICATE',
  'TRANSCRIPT_NOTATION',
  'CREDIT',
  'ADMISSION_TO_PROGRAM',
] as const;
export type AwardType = (typeof awardTypes)[number];

export const stackabilityKinds = ['STANDALONE', 'STACKABLE', 'INTEGRATED'] as const;
export type StackabilityKind = (typeof stackabilityKinds)[number];

export const partnerKinds = [
  'EMPLOYER',
  'INDUSTRY_ASSOCIATION',
  'PROFESSIONAL_BODY',
  'COMMUNITY_ORGANIZATION',
] as const;
export type PartnerKind = (typeof partnerKinds)[number];

export const changeKinds = ['CREATED', 'UPDATED', 'PUBLISHED', 'SUNSET', 'DELETED'] as const;
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

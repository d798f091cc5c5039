/**
 * Selections of the public GraphQL API that several of the directory's own clients make alike (the
 * portal, the linked-data exports, the gateway's registry snapshot), written once so they cannot
 * drift apart. A document that spreads a fragment appends its definition once.
 */
import type {
  AccessibilityFeature,
  AssessmentType,
  AwardType,
  CreditUnit,
  CredentialValidityKind,
  DeliveryMode,
  GradingScheme,
  IntakeModel,
  Language,
  LearningResourceKind,
  MicroCredentialStatus,
  PartnerKind,
  QualityAssuranceType,
  SkillFramework,
  StackabilityKind,
  Supervision,
} from '../subgraphs/catalogue/generated/enums.js';

/** The public part of a registry entry: how an institution is named, placed and described. */
export const institutionProfileFragment = /* GraphQL */ `
  fragment InstitutionProfile on Institution { code name nameFr type region website languages }
`;

/** What InstitutionProfile selects. */
export interface InstitutionProfile {
  code: string;
  name: string;
  nameFr: string | null;
  type: string;
  region: string;
  website: string;
  languages: string[];
}

/** A catalogue entry's own fields, as its institution publishes them (no framework or recognition data). */
export const catalogueEntryFragment = /* GraphQL */ `
  fragment CatalogueEntryFields on MicroCredential {
    id title titleFr description descriptionFr languages learningOutcomes
    skills { framework code label }
    occupations { nocCode title }
    cip { code title }
    instructionalHours durationWeeks creditBearing credits deliveryMode
    assessment { types summativeDescription passingThreshold attemptsAllowed }
    supervision prerequisites
    qualityAssurance { body type }
    awards { type description standard }
    stackability { kind programs { name programCode url } }
    offerings {
      id startDate endDate location online priceCad registrationUrl
      seats seatsAvailable language
      address { streetAddress locality region postalCode country }
      schedule { timeZone sessions { day startTime endTime } }
    }
    osapEligible
    partners { name kind }
    transferContact { name email phone }
    courseOutlineUrl status effectiveDate expiryDate reviewDate sunsetReason version updatedAt
  }
`;

/** What CatalogueEntryFields selects; enum values as the catalogue contract lists them. */
export interface CatalogueEntryFields {
  id: string;
  title: string;
  titleFr: string | null;
  description: string;
  descriptionFr: string | null;
  languages: string[];
  learningOutcomes: string[];
  skills: Array<{ framework: SkillFramework; code: string; label: string }>;
  occupations: Array<{ nocCode: string; title: string }>;
  cip: { code: string; title: string };
  instructionalHours: number;
  durationWeeks: number;
  creditBearing: boolean;
  credits: number | null;
  deliveryMode: DeliveryMode;
  assessment: {
    types: AssessmentType[];
    summativeDescription: string | null;
    passingThreshold: number | null;
    attemptsAllowed: number | null;
  };
  supervision: Supervision;
  prerequisites: string[];
  qualityAssurance: { body: string; type: QualityAssuranceType };
  awards: Array<{ type: AwardType; description: string; standard: string | null }>;
  stackability: {
    kind: StackabilityKind;
    programs: Array<{ name: string; programCode: string | null; url: string | null }>;
  };
  offerings: Array<{
    id: string;
    startDate: string;
    endDate: string;
    location: string;
    online: boolean;
    priceCad: number;
    registrationUrl: string;
    /** Contract 1.1 fields below: null from entries (or institutions) that predate it. */
    seats: number | null;
    seatsAvailable: number | null;
    language: string | null;
    address: {
      streetAddress: string;
      locality: string;
      region: string;
      postalCode: string | null;
      country: string;
    } | null;
    schedule: { timeZone: string; sessions: Array<{ day: string; startTime: string; endTime: string }> } | null;
  }>;
  osapEligible: boolean;
  partners: Array<{ name: string; kind: PartnerKind }>;
  transferContact: { name: string; email: string; phone: string | null };
  courseOutlineUrl: string;
  status: MicroCredentialStatus;
  effectiveDate: string;
  expiryDate: string | null;
  reviewDate: string | null;
  sunsetReason: string | null;
  version: number;
  updatedAt: string;
}

/**
 * Contract 1.1's critical information for learners, beside CatalogueEntryFields (which keeps the 1.0
 * fields every client needs): each field is null on entries published before 1.1 and from
 * institutions still on 1.0.
 */
export const criticalInformationFragment = /* GraphQL */ `
  fragment CriticalInformationFields on MicroCredential {
    audience audienceFr entryLanguages learningOutcomesFr prerequisitesFr
    priorLearningAssessment { available process processFr fee { amount currency } contact { name email phone } }
    learningResources { kind title titleFr url includedInFees }
    pacing { selfPaced completionWindowWeeks }
    intakeModel
    credentialValidity { kind months }
    gradingScheme creditUnit learnerEffortHours
    learnerContact { name email phone }
    accessibility { features accommodations accommodationsFr contact { name email phone } }
    fees { tuition { amount currency } materials { amount currency } other { amount currency } otherDescription otherDescriptionFr }
  }
`;

interface Money {
  amount: number;
  currency: string;
}

interface Contact {
  name: string;
  email: string;
  phone: string | null;
}

/** What CriticalInformationFields selects. */
export interface CriticalInformationFields {
  audience: string | null;
  audienceFr: string | null;
  entryLanguages: Language[] | null;
  learningOutcomesFr: string[] | null;
  prerequisitesFr: string[] | null;
  priorLearningAssessment: {
    available: boolean;
    process: string | null;
    processFr: string | null;
    fee: Money | null;
    contact: Contact | null;
  } | null;
  learningResources: Array<{
    kind: LearningResourceKind;
    title: string;
    titleFr: string | null;
    url: string | null;
    includedInFees: boolean;
  }> | null;
  pacing: { selfPaced: boolean; completionWindowWeeks: number | null } | null;
  intakeModel: IntakeModel | null;
  credentialValidity: { kind: CredentialValidityKind; months: number | null } | null;
  gradingScheme: GradingScheme | null;
  creditUnit: CreditUnit | null;
  learnerEffortHours: number | null;
  learnerContact: Contact | null;
  accessibility: {
    features: AccessibilityFeature[];
    accommodations: string;
    accommodationsFr: string | null;
    contact: Contact;
  } | null;
  fees: {
    tuition: Money;
    materials: Money | null;
    other: Money | null;
    otherDescription: string | null;
    otherDescriptionFr: string | null;
  } | null;
}

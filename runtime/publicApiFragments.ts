/**
 * Selections of the public GraphQL API that several of the directory's own clients make alike (the
 * portal, the linked-data exports, the gateway's registry snapshot), written once so they cannot
 * drift apart. A document that spreads a fragment appends its definition once.
 */
import type * as Contract from '../subgraphs/catalogue/generated/resolvers.js';

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

/**
 * A contract type's fields as a query that selects them answers: a nullable field is `null` when
 * empty (never missing) and no `__typename` unless selected. Derived from the catalogue contract's
 * generated types, so the answer types cannot drift from the SDL.
 */
type Answered<T, K extends keyof T> = { [F in K]-?: Exclude<T[F], undefined> };

/** What CatalogueEntryFields selects (the fields below, named again: TypeScript cannot read the fragment). */
export interface CatalogueEntryFields
  extends Answered<
    Contract.MicroCredential,
    | 'id'
    | 'title'
    | 'titleFr'
    | 'description'
    | 'descriptionFr'
    | 'languages'
    | 'learningOutcomes'
    | 'instructionalHours'
    | 'durationWeeks'
    | 'creditBearing'
    | 'credits'
    | 'deliveryMode'
    | 'supervision'
    | 'prerequisites'
    | 'osapEligible'
    | 'courseOutlineUrl'
    | 'status'
    | 'effectiveDate'
    | 'expiryDate'
    | 'reviewDate'
    | 'sunsetReason'
    | 'version'
    | 'updatedAt'
  > {
  skills: Array<Answered<Contract.Skill, 'framework' | 'code' | 'label'>>;
  occupations: Array<Answered<Contract.Occupation, 'nocCode' | 'title'>>;
  cip: Answered<Contract.InstructionalProgram, 'code' | 'title'>;
  assessment: Answered<Contract.Assessment, 'types' | 'summativeDescription' | 'passingThreshold' | 'attemptsAllowed'>;
  qualityAssurance: Answered<Contract.QualityAssurance, 'body' | 'type'>;
  awards: Array<Answered<Contract.Award, 'type' | 'description' | 'standard'>>;
  stackability: Answered<Contract.Stackability, 'kind'> & {
    programs: Array<Answered<Contract.StackTarget, 'name' | 'programCode' | 'url'>>;
  };
  /** Contract 1.1 fields (`seats` onwards): null from entries (or institutions) that predate it. */
  offerings: Array<
    Answered<
      Contract.Offering,
      | 'id'
      | 'startDate'
      | 'endDate'
      | 'location'
      | 'online'
      | 'priceCad'
      | 'registrationUrl'
      | 'seats'
      | 'seatsAvailable'
      | 'language'
    > & {
      address: Answered<
        Contract.PostalAddress,
        'streetAddress' | 'locality' | 'region' | 'postalCode' | 'country'
      > | null;
      schedule:
        | (Answered<Contract.OfferingSchedule, 'timeZone'> & {
            sessions: Array<Answered<Contract.WeeklySession, 'day' | 'startTime' | 'endTime'>>;
          })
        | null;
    }
  >;
  partners: Array<Answered<Contract.Partner, 'name' | 'kind'>>;
  transferContact: Answered<Contract.Contact, 'name' | 'email' | 'phone'>;
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

type Money = Answered<Contract.Money, 'amount' | 'currency'>;
type Contact = Answered<Contract.Contact, 'name' | 'email' | 'phone'>;

/** What CriticalInformationFields selects. */
export interface CriticalInformationFields
  extends Answered<
    Contract.MicroCredential,
    | 'audience'
    | 'audienceFr'
    | 'entryLanguages'
    | 'learningOutcomesFr'
    | 'prerequisitesFr'
    | 'intakeModel'
    | 'gradingScheme'
    | 'creditUnit'
    | 'learnerEffortHours'
  > {
  priorLearningAssessment:
    | (Answered<Contract.PriorLearningAssessment, 'available' | 'process' | 'processFr'> & {
        fee: Money | null;
        contact: Contact | null;
      })
    | null;
  learningResources: Array<
    Answered<Contract.LearningResource, 'kind' | 'title' | 'titleFr' | 'url' | 'includedInFees'>
  > | null;
  pacing: Answered<Contract.Pacing, 'selfPaced' | 'completionWindowWeeks'> | null;
  credentialValidity: Answered<Contract.CredentialValidity, 'kind' | 'months'> | null;
  learnerContact: Contact | null;
  accessibility:
    | (Answered<Contract.Accessibility, 'features' | 'accommodations' | 'accommodationsFr'> & { contact: Contact })
    | null;
  fees:
    | (Answered<Contract.FeeBreakdown, 'otherDescription' | 'otherDescriptionFr'> & {
        tuition: Money;
        materials: Money | null;
        other: Money | null;
      })
    | null;
}

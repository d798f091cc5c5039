/**
 * Every GraphQL document the portal sends to the public API, with the shapes
 * of their answers (nullable where the contract lets an institution's items
 * be null when it is down). test/portal/queries.test.ts validates each
 * against the public supergraph schema. Selections the exports make alike
 * are shared fragments (runtime/publicApiFragments.ts).
 */
import {
  type CatalogueEntryFields,
  catalogueEntryFragment,
  type CriticalInformationFields,
  criticalInformationFragment,
  type InstitutionProfile,
  institutionProfileFragment,
} from '../runtime/publicApiFragments.js';

const cardFields = `
  id title titleFr instructionalHours deliveryMode status
  offerings { startDate priceCad }
  institution { code name nameFr }
  oqfAlignment { band }`;

export interface Card {
  id: string;
  title: string;
  titleFr: string | null;
  instructionalHours: number;
  deliveryMode: string;
  status: string;
  offerings: Array<{ startDate: string; priceCad: number }>;
  institution: { code: string; name: string | null; nameFr: string | null };
  oqfAlignment: { band: string } | null;
}

/** A search hit's result card, read from the index: the owning institution is not asked. */
export interface SearchCard {
  title: string;
  titleFr: string | null;
  institutionCode: string;
  institutionName: string;
  instructionalHours: number;
  deliveryMode: string;
  priceCad: { min: number; max: number } | null;
  nextStartDate: string | null;
  oqfBand: string | null;
}

export interface FacetValue {
  value: string;
  count: number;
}

export const facetNames = [
  'institution',
  'institutionType',
  'region',
  'deliveryMode',
  'oqfBand',
  'language',
  'osapEligible',
  'creditBearing',
  'skill',
  'occupation',
  'commonCore',
] as const;
export type FacetName = (typeof facetNames)[number];

export const searchQuery = `
query PortalSearch($query: String, $filter: SearchFilter, $sort: SearchSort, $page: Int, $pageSize: Int) {
  searchMicroCredentials(query: $query, filter: $filter, sort: $sort, page: $page, pageSize: $pageSize) {
    total page pageSize totalPages
    hits {
      highlights { field snippet }
      microCredential { id }
      card {
        title titleFr institutionCode institutionName instructionalHours deliveryMode
        priceCad { min max } nextStartDate oqfBand
      }
    }
    disjunctiveFacets { ${facetNames.map((name) => `${name} { value count }`).join(' ')} }
  }
  institutions { code name nameFr }
  commonCoreEntries { code title }
}`;

export interface SearchAnswer {
  searchMicroCredentials: {
    total: number;
    page: number;
    pageSize: number;
    totalPages: number;
    hits: Array<{
      highlights: Array<{ field: string; snippet: string }>;
      microCredential: { id: string } | null;
      card: SearchCard;
    }>;
    disjunctiveFacets: Record<FacetName, FacetValue[]>;
  } | null;
  institutions: Array<{ code: string; name: string; nameFr: string | null }> | null;
  commonCoreEntries: Array<{ code: string; title: string }> | null;
}

export const suggestionsQuery = `
query PortalSuggestions($prefix: String!) { searchSuggestions(prefix: $prefix, limit: 8) { text kind } }`;

const learningItem = `kind ref title institutionCode microCredential { id title titleFr }`;
const recognitionFields = `
  basis institutionCode institution { code name nameFr }
  from { ${learningItem} } for { ${learningItem} }
  commonCoreEntry { code title }
  equivalency {
    transferValue { value unit extent } minimumGrade recencyYears conditions startDate endDate
    agreement { id name kind }
  }
  inference { kind strength }`;

export const detailQuery = `
query PortalDetail($id: ID!) {
  microCredential(id: $id) {
    ...CatalogueEntryFields
    ...CriticalInformationFields
    osapApproval { reference validFrom validUntil ruleException inForce }
    trustMarks { osapApproved verifiedQualityAssurance employerEndorsed carriesTransferCredit stacksIntoProgram }
    qualityAssuranceVerifications { bodyName scope verifiedOn validUntil }
    endorsements { endorser { name kind website } statement validFrom validUntil }
    outcomes {
      period { label start end }
      enrolments completions credentialsAwarded medianWeeksToCompletion
      counts { source method }
      satisfaction { respondents satisfied }
      followUp { monthsAfter respondents employed furtherStudy }
      suppressed
    }
    history { version status recordedAt }
    institution { code name nameFr type region website }
    oqfAlignment { band hours explanation comparableLevel { number name typicalDuration credential } }
    commonCoreMemberships { entry { code title description institutions { code name nameFr } } }
    recognizedAs { ${recognitionFields} }
    recognizedFrom { ${recognitionFields} }
    stacksInto { id title credential totalCredits oqfLevel { number name } institution { code name nameFr } }
  }
}
${catalogueEntryFragment}
${criticalInformationFragment}`;

export interface LearningItem {
  kind: string;
  ref: string;
  title: string | null;
  institutionCode: string | null;
  microCredential: { id: string; title: string; titleFr: string | null } | null;
}

export interface Recognition {
  basis: string;
  institutionCode: string | null;
  institution: { code: string; name: string; nameFr: string | null } | null;
  from: LearningItem;
  for: LearningItem;
  commonCoreEntry: { code: string; title: string } | null;
  equivalency: {
    transferValue: { value: number; unit: string; extent: string };
    minimumGrade: number | null;
    recencyYears: number | null;
    conditions: string | null;
    startDate: string;
    endDate: string | null;
    agreement: { id: string; name: string; kind: string } | null;
  } | null;
  inference: { kind: string; strength: number } | null;
}

/** The province's trust marks, apart from what the institution says about itself (schema/framework.graphql). */
export interface TrustMarks {
  osapApproved: boolean;
  verifiedQualityAssurance: boolean;
  employerEndorsed: boolean;
  carriesTransferCredit: boolean;
  stacksIntoProgram: boolean;
}

/** One published outcome report; a null count is withheld when `suppressed` names its cell, else not reported. */
export interface OutcomeReport {
  period: { label: string; start: string; end: string };
  enrolments: number | null;
  completions: number | null;
  credentialsAwarded: number | null;
  medianWeeksToCompletion: number | null;
  counts: { source: string; method: string };
  satisfaction: { respondents: number | null; satisfied: number | null } | null;
  followUp: {
    monthsAfter: number;
    respondents: number | null;
    employed: number | null;
    furtherStudy: number | null;
  } | null;
  suppressed: string[];
}

export interface Detail extends CatalogueEntryFields, CriticalInformationFields {
  /** Null when the framework does not answer; the province's approval, not the institution's claim. */
  osapApproval: {
    reference: string;
    validFrom: string;
    validUntil: string | null;
    ruleException: string | null;
    inForce: boolean;
  } | null;
  trustMarks: TrustMarks | null;
  qualityAssuranceVerifications: Array<{
    bodyName: string;
    scope: string;
    verifiedOn: string;
    validUntil: string | null;
  }> | null;
  endorsements: Array<{
    endorser: { name: string; kind: string; website: string };
    statement: string;
    validFrom: string;
    validUntil: string | null;
  }> | null;
  /** Null when the institution does not report outcomes (or is on contract 1.0). */
  outcomes: OutcomeReport[] | null;
  history: Array<{ version: number; status: string; recordedAt: string }>;
  institution: {
    code: string;
    name: string | null;
    nameFr: string | null;
    type: string | null;
    region: string | null;
    website: string | null;
  };
  oqfAlignment: {
    band: string;
    hours: number;
    explanation: string;
    comparableLevel: { number: number; name: string; typicalDuration: string; credential: string | null } | null;
  } | null;
  commonCoreMemberships: Array<{
    entry: {
      code: string;
      title: string;
      description: string;
      institutions: Array<{ code: string; name: string; nameFr: string | null }>;
    };
  }> | null;
  recognizedAs: Recognition[] | null;
  recognizedFrom: Recognition[] | null;
  stacksInto: Array<{
    id: string;
    title: string;
    credential: string;
    totalCredits: number;
    oqfLevel: { number: number; name: string };
    institution: { code: string; name: string; nameFr: string | null } | null;
  }> | null;
}

/** Institution name for a notice when an entry's owner is down (the framework answers, not the institution). */
export const institutionNameQuery = `
query PortalInstitutionName($code: ID!) { institution(code: $code) { code name nameFr } }`;

export const institutionQuery = `
query PortalInstitution($code: ID!, $after: String) {
  institution(code: $code) {
    ...InstitutionProfile
    programs { id title credential totalCredits oqfLevel { number name } }
    articulationAgreements { id name kind status partyCodes dateEffective expirationDate }
    microCredentials(first: 50, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ${cardFields} } }
    }
  }
}
${institutionProfileFragment}`;

export interface InstitutionAnswer {
  institution:
    | (InstitutionProfile & {
        programs: Array<{
          id: string;
          title: string;
          credential: string;
          totalCredits: number;
          oqfLevel: { number: number; name: string };
        }> | null;
        articulationAgreements: Array<{
          id: string;
          name: string;
          kind: string;
          status: string;
          partyCodes: string[];
          dateEffective: string;
          expirationDate: string | null;
        }> | null;
        microCredentials: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          edges: Array<{ node: Card }>;
        } | null;
      })
    | null;
}

const compareFields = `
  ${cardFields}
  durationWeeks credits creditBearing osapEligible languages supervision
  assessment { types }
  qualityAssurance { body type }
  awards { type }
  stackability { kind }
  offerings { startDate priceCad location }
  skills { label }
  oqfAlignment { band }
  recognizedAs { basis }
  stacksInto { id }`;

/** One aliased field per id (`m0` … `m3`), so one request fetches every compared entry. */
export function compareQuery(count: number): string {
  const variables = Array.from({ length: count }, (_, i) => `$id${i}: ID!`).join(', ');
  const fields = Array.from({ length: count }, (_, i) => `m${i}: microCredential(id: $id${i}) { ${compareFields} }`);
  return `query PortalCompare(${variables}) { ${fields.join('\n')}\n institutions { code name nameFr } }`;
}

export interface InstitutionName {
  code: string;
  name: string;
  nameFr: string | null;
}

/** The compare query's answer: `m0` … `m3`, null where the owner is down, and every institution's name. */
export type CompareAnswer = { [alias: `m${number}`]: Compared | null; institutions: InstitutionName[] | null };

export interface Compared extends Card {
  durationWeeks: number;
  credits: number | null;
  creditBearing: boolean;
  osapEligible: boolean;
  languages: string[];
  supervision: string;
  assessment: { types: string[] };
  qualityAssurance: { body: string; type: string };
  awards: Array<{ type: string }>;
  stackability: { kind: string };
  offerings: Array<{ startDate: string; priceCad: number; location: string }>;
  skills: Array<{ label: string }>;
  recognizedAs: Array<{ basis: string }> | null;
  stacksInto: Array<{ id: string }> | null;
}

export const plannerQuery = `
query PortalPlanner($completed: [ID!]!, $query: String, $withSearch: Boolean!, $withPlan: Boolean!) {
  planPathways(completed: $completed) @include(if: $withPlan) {
    program { id title credential totalCredits institution { code name nameFr } oqfLevel { number name } }
    complete creditsEarned creditsRemaining
    rules {
      rule { name requiredCount creditsGranted }
      satisfied remainingCount
      counted { completed { id title titleFr } basis countsAs conditionsToMeet }
      remainingChoices { id title titleFr }
    }
  }
  searchMicroCredentials(query: $query, pageSize: 10) @include(if: $withSearch) {
    hits { microCredential { id title titleFr institution { code name nameFr } } }
  }
  institutions { code name nameFr }
}`;

export interface PlannerAnswer {
  institutions: InstitutionName[] | null;
  planPathways?: Array<{
    program: {
      id: string;
      title: string;
      credential: string;
      totalCredits: number;
      institution: { code: string; name: string; nameFr: string | null } | null;
      oqfLevel: { number: number; name: string };
    };
    complete: boolean;
    creditsEarned: number;
    creditsRemaining: number;
    rules: Array<{
      rule: { name: string; requiredCount: number; creditsGranted: number };
      satisfied: boolean;
      remainingCount: number;
      counted: Array<{
        completed: { id: string; title: string; titleFr: string | null };
        basis: string;
        countsAs: string;
        conditionsToMeet: string[];
      }>;
      remainingChoices: Array<{ id: string; title: string; titleFr: string | null }>;
    }>;
  }> | null;
  searchMicroCredentials?: {
    hits: Array<{
      microCredential: {
        id: string;
        title: string;
        titleFr: string | null;
        institution: { code: string; name: string; nameFr: string | null };
      } | null;
    }>;
  } | null;
}

/** Titles of the entries a learner has chosen in the planner. */
export function titlesQuery(count: number): string {
  const variables = Array.from({ length: count }, (_, i) => `$id${i}: ID!`).join(', ');
  const fields = Array.from(
    { length: count },
    (_, i) => `m${i}: microCredential(id: $id${i}) { id title titleFr institution { code name nameFr } }`,
  );
  return `query PortalTitles(${variables}) { ${fields.join('\n')} }`;
}

/**
 * What the exports read through the public API, and the shapes they read.
 * One fragment serves every format, so the three documents of an entry, its
 * page, the feed and the sitemap can never disagree about the data. What
 * the portal selects alike lives in runtime/publicApiFragments.ts.
 */
import {
  catalogueEntryFragment,
  type CatalogueEntryFields,
  type InstitutionProfile,
  institutionProfileFragment,
} from '../../runtime/publicApiFragments.js';
import type { InstitutionType, Region } from '../../subgraphs/framework/generated/enums.js';

export const institutionFields = /* GraphQL */ `
  fragment ExportedInstitution on Institution { ...InstitutionProfile url }
  ${institutionProfileFragment}
`;

export const entryFields = /* GraphQL */ `
  fragment ExportedEntry on MicroCredential {
    ...CatalogueEntryFields url externalCode
    oqfAlignment { band explanation comparableLevel { number name } }
    learningOutcomesFr prerequisitesFr gradingScheme creditUnit learnerEffortHours
    credentialValidity { kind months }
    fees { tuition { amount currency } materials { amount currency } other { amount currency } otherDescription }
    accessibility { accommodations }
    institution { ...ExportedInstitution }
    stacksInto { id title credential oqfLevel { number name } institution { code name url } }
    recognizedAs {
      basis institutionCode
      for { kind ref title microCredential { id url title } }
      institution { code name url }
      commonCoreEntry { code title }
      equivalency {
        id minimumGrade recencyYears conditions startDate endDate
        transferValue { value unit extent }
        agreement { id name description kind dateSigned dateEffective expirationDate parties { code name url } }
      }
    }
  }
  ${catalogueEntryFragment}
  ${institutionFields}
`;

export const entryQuery = /* GraphQL */ `
  query LinkedDataEntry($id: ID!) { microCredential(id: $id) { ...ExportedEntry } }
  ${entryFields}
`;

export const institutionQuery = /* GraphQL */ `
  query LinkedDataInstitution($code: ID!, $first: Int!, $after: String) {
    institution(code: $code) {
      ...ExportedInstitution
      microCredentials(first: $first, after: $after, filter: { status: [ACTIVE, SUNSET] }) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { id url title status updatedAt } }
      }
    }
  }
  ${institutionFields}
`;

export const institutionCodesQuery = /* GraphQL */ `
  query LinkedDataInstitutions { institutions { code } }
`;

/** A page of one institution's public entries: light (listing) or full (documents). */
export function catalogueQuery(full: boolean): string {
  return /* GraphQL */ `
    query LinkedDataCatalogue($code: ID!, $first: Int!, $after: String) {
      institution(code: $code) {
        code
        microCredentials(first: $first, after: $after, filter: { status: [ACTIVE, SUNSET] }) {
          pageInfo { hasNextPage endCursor }
          edges { node { ${full ? '...ExportedEntry' : 'id url status version updatedAt'} } }
        }
      }
    }
    ${full ? entryFields : ''}
  `;
}

export interface ExportedInstitution extends InstitutionProfile {
  url: string;
  type: InstitutionType;
  region: Region;
}

interface InstitutionLink {
  code: string;
  name: string;
  url: string;
}

export interface ExportedRecognition {
  basis: 'COMMON_CORE' | 'AGREEMENT' | 'INFERENCE';
  institutionCode: string | null;
  for: {
    kind: string;
    ref: string;
    title: string | null;
    microCredential: { id: string; url: string; title: string } | null;
  };
  institution: InstitutionLink | null;
  commonCoreEntry: { code: string; title: string } | null;
  equivalency: {
    id: string;
    minimumGrade: number | null;
    recencyYears: number | null;
    conditions: string | null;
    startDate: string;
    endDate: string | null;
    transferValue: { value: number; unit: 'CREDITS' | 'HOURS'; extent: 'FULL' | 'PARTIAL' };
    agreement: {
      id: string;
      name: string;
      description: string;
      kind: 'BILATERAL' | 'MULTILATERAL';
      dateSigned: string | null;
      dateEffective: string;
      expirationDate: string | null;
      parties: InstitutionLink[];
    } | null;
  } | null;
}

export interface ExportedEntry extends CatalogueEntryFields {
  url: string;
  externalCode: string | null;
  /** Null when the framework could not align it (the entry's own hours are bad) or did not answer. */
  oqfAlignment: {
    band: string;
    explanation: string;
    comparableLevel: { number: number; name: string } | null;
  } | null;
  institution: ExportedInstitution;
  stacksInto: Array<{
    id: string;
    title: string;
    credential: string;
    oqfLevel: { number: number; name: string };
    institution: InstitutionLink | null;
  }> | null;
  recognizedAs: ExportedRecognition[] | null;
  // Contract 1.1: null from entries (or institutions) that predate it.
  learningOutcomesFr: string[] | null;
  prerequisitesFr: string[] | null;
  gradingScheme: 'PASS_FAIL' | 'PERCENTAGE' | 'LETTER_GRADE' | 'COMPETENCY_LEVELS' | null;
  creditUnit: 'COURSE_CREDIT' | 'CREDIT_HOUR' | 'ECTS' | 'CONTINUING_EDUCATION_UNIT' | null;
  learnerEffortHours: number | null;
  credentialValidity: { kind: 'PERMANENT' | 'TIME_LIMITED'; months: number | null } | null;
  fees: {
    tuition: ExportedMoney;
    materials: ExportedMoney | null;
    other: ExportedMoney | null;
    otherDescription: string | null;
  } | null;
  accessibility: { accommodations: string } | null;
}

export interface ExportedMoney {
  amount: number;
  currency: string;
}

export interface CatalogueListing {
  id: string;
  url: string;
  status: string;
  version: number;
  updatedAt: string;
}

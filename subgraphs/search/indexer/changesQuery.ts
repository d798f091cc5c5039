/**
 * The queries the indexer sends through the gateway. For each page of an
 * institution's change feed, the gateway routes `changes` to the institution
 * and fetches `oqfAlignment`, the trust marks and the institution's type,
 * region and languages from the framework, and the permanent `url` from the
 * gateway's own linked-data service, in the same request. The framework's
 * trust-mark feed brings the same fields for entries the province changed.
 */

/** The province's quality markers (framework `TrustMarks`), fetched with every entry. */
export const trustMarkFields =
  'osapApproved verifiedQualityAssurance employerEndorsed carriesTransferCredit stacksIntoProgram';

/** What the indexer reads of each entry, from its institution, the framework and the gateway. */
export const entryFields = /* GraphQL */ `
id
url
title
titleFr
description
descriptionFr
languages
skills { framework code label }
occupations { nocCode title }
instructionalHours
durationWeeks
creditBearing
deliveryMode
osapEligible
status
updatedAt
offerings { startDate priceCad }
partners { kind }
stackability { kind }
oqfAlignment { band }
commonCoreMemberships { entry { code } }
trustMarks { ${trustMarkFields} }
institution { code name nameFr type region languages }
`;

export const changesQuery = /* GraphQL */ `
  query SearchIndexerChanges($institution: ID!, $since: String, $first: Int) {
    changes(institution: $institution, since: $since, first: $first) {
      cursor
      hasMore
      changes {
        cursor
        kind
        microCredentialId
        occurredAt
        microCredential { ${entryFields} }
      }
    }
  }
`;

/** The framework's trust-mark change feed: entries whose province-owned values changed, read afresh. */
export const trustMarkChangesQuery = /* GraphQL */ `
  query SearchIndexerTrustMarkChanges($since: String, $first: Int) {
    trustMarkChanges(since: $since, first: $first) {
      cursor
      hasMore
      changes { cursor microCredentialId occurredAt microCredential { ${entryFields} } }
    }
  }
`;

export const institutionsQuery = /* GraphQL */ `
  query SearchIndexerInstitutions {
    institutions { code }
  }
`;

/** A `microCredential` of a change as the query above returns it. Untrusted until mapped. */
export interface FeedEntry {
  id: string;
  /** The permanent URL, resolved by the gateway itself (schema/linkedData.graphql). */
  url: string;
  title: string;
  titleFr: string | null;
  description: string;
  descriptionFr: string | null;
  languages: string[];
  skills: { framework?: string; code?: string; label: string }[];
  occupations: { nocCode: string; title: string }[];
  instructionalHours: number;
  durationWeeks: number;
  creditBearing: boolean;
  deliveryMode: string;
  osapEligible: boolean;
  status: string;
  updatedAt: string;
  offerings: { startDate: string; priceCad: number }[];
  oqfAlignment: { band: string } | null;
  institution: {
    code: string;
    name: string | null;
    nameFr?: string | null;
    type: string | null;
    region: string | null;
    languages: string[] | null;
  };
  /** From the framework: the common-core entries the province mapped this micro-credential to. */
  commonCoreMemberships?: { entry: { code: string } }[];
  partners?: { kind: string }[];
  stackability?: { kind: string };
  /** From the framework: the province-attested quality markers. */
  trustMarks?: {
    osapApproved: boolean;
    verifiedQualityAssurance: boolean;
    employerEndorsed: boolean;
    carriesTransferCredit: boolean;
    stacksIntoProgram: boolean;
  };
}

export interface FeedChange {
  cursor: string;
  kind: string;
  microCredentialId: string;
  occurredAt: string;
  microCredential: FeedEntry | null;
}

export interface FeedPage {
  changes: FeedChange[];
  cursor: string | null;
  hasMore: boolean;
}

/**
 * The one query the indexer sends through the gateway for each page of an
 * institution's change feed. The gateway routes `changes` to the institution
 * and fetches `oqfAlignment` and the institution's type, region and languages
 * from the framework, and the permanent `url` from the gateway's own linked-data
 * service, in the same request.
 */
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
        microCredential {
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
          oqfAlignment { band }
          commonCoreMemberships { entry { code } }
          institution { code name nameFr type region languages }
        }
      }
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

/**
 * Selections of the public GraphQL API that several of the directory's own clients make alike (the
 * portal, the linked-data exports, the gateway's registry snapshot), written once so they cannot
 * drift apart. A document that spreads a fragment appends its definition once.
 */

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
    offerings { id startDate endDate location online priceCad registrationUrl }
    osapEligible
    partners { name kind }
    transferContact { name email phone }
    courseOutlineUrl status effectiveDate expiryDate reviewDate sunsetReason version updatedAt
  }
`;

/**
 * Conversions between what clients submit and what is stored, so every write
 * (drafts, publishing, sunset, offerings, import) hands the one validator and
 * the one store the same shape: CatalogueEntryInput.
 */
import { isRecord } from '../../runtime/checker.js';
import type { CatalogueEntryInput, OfferingInput } from './catalogueEntry.js';
import type { MicroCredentialRow, OfferingRow } from './db/schema.js';

/** A stored entry and its offerings as an entry input (for edits of stored entries and version history). */
export function entryInputOf(row: MicroCredentialRow, offerings: readonly OfferingRow[]): CatalogueEntryInput {
  return {
    slug: row.slug,
    externalCode: row.externalCode,
    title: row.title,
    titleFr: row.titleFr,
    description: row.description,
    descriptionFr: row.descriptionFr,
    languages: row.languages,
    learningOutcomes: row.learningOutcomes,
    skills: row.skills,
    occupations: row.occupations,
    cip: { code: row.cipCode, title: row.cipTitle },
    instructionalHours: row.instructionalHours,
    durationWeeks: row.durationWeeks,
    creditBearing: row.creditBearing,
    credits: row.credits,
    deliveryMode: row.deliveryMode,
    assessment: row.assessment,
    supervision: row.supervision,
    prerequisites: row.prerequisites,
    audience: row.audience,
    audienceFr: row.audienceFr,
    qualityAssurance: row.qualityAssurance,
    awards: row.awards,
    stackability: row.stackability,
    offerings: offerings.map(offeringInputOf),
    osapEligible: row.osapEligible,
    partners: row.partners,
    transferContact: row.transferContact,
    courseOutlineUrl: row.courseOutlineUrl,
    status: row.status,
    effectiveDate: row.effectiveDate,
    expiryDate: row.expiryDate,
    reviewDate: row.reviewDate,
    sunsetReason: row.sunsetReason,
    entryLanguages: row.entryLanguages,
    learningOutcomesFr: row.learningOutcomesFr,
    prerequisitesFr: row.prerequisitesFr,
    priorLearningAssessment: row.priorLearningAssessment,
    learningResources: row.learningResources,
    pacing: row.pacing,
    intakeModel: row.intakeModel,
    credentialValidity: row.credentialValidity,
    gradingScheme: row.gradingScheme,
    creditUnit: row.creditUnit,
    learnerEffortHours: row.learnerEffortHours,
    learnerContact: row.learnerContact,
    accessibility: row.accessibility,
    fees: row.fees,
  };
}

function offeringInputOf(row: OfferingRow): OfferingInput {
  return {
    code: row.code,
    startDate: row.startDate,
    endDate: row.endDate,
    location: row.location,
    online: row.online,
    priceCad: row.priceCad,
    registrationUrl: row.registrationUrl,
    seats: row.seats,
    seatsAvailable: row.seatsAvailable,
    language: row.language,
    address: row.address,
    schedule: row.schedule,
  };
}

/**
 * A GraphQL input object as a plain JSON object: graphql-js builds input
 * objects with a null prototype, and fields the client left out are simply
 * absent. The schema lets only input objects through, so anything else here is
 * a resolver handing over the wrong argument: that is thrown, not passed on.
 */
export function plainInput(input: unknown): Record<string, unknown> {
  const plain: unknown = JSON.parse(JSON.stringify(input ?? {}));
  if (!isRecord(plain)) throw new TypeError(`expected a GraphQL input object, got ${JSON.stringify(input)}`);
  return plain;
}

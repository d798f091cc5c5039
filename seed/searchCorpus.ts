/**
 * The project's deterministic sample catalogues (seed/) as the search indexer
 * receives them from the gateway: change-feed entries with the framework's
 * OQF band and institution data filled in. Benchmarks and the conformance
 * suite index these, so they measure and check seed-like data.
 */
import { generateCatalogue } from './catalogue.js';
import { benchmarkInstitutions, type SampleInstitution } from './institutions.js';
import type { CatalogueEntryInput } from '../subgraphs/catalogue/catalogueEntry.js';
import { alignToOqf } from '../subgraphs/framework/oqf.js';
import { describeFeedEntryProblems } from '../subgraphs/search/documents/feedEntryProblems.js';
import { parseFeedEntry } from '../subgraphs/search/documents/fromFeedEntry.js';
import type { SearchDocument } from '../subgraphs/search/documents/searchDocument.js';
import type { FeedEntry } from '../subgraphs/search/indexer/changesQuery.js';

/** A fixed day, so intakes, costs and "next start" are the same on every run. */
export const corpusDate = '2026-06-01';

export function feedEntryFromSeed(
  institution: SampleInstitution,
  entry: CatalogueEntryInput,
  position: number,
): FeedEntry {
  return {
    id: `${institution.code}:${entry.slug}`,
    url: `https://directory.example/credentials/${institution.code}:${entry.slug}`,
    title: entry.title,
    titleFr: entry.titleFr,
    description: entry.description,
    descriptionFr: entry.descriptionFr,
    languages: entry.languages,
    skills: entry.skills.map(({ framework, code, label }) => ({ framework, code, label })),
    occupations: entry.occupations.map(({ nocCode, title }) => ({ nocCode, title })),
    instructionalHours: entry.instructionalHours,
    durationWeeks: entry.durationWeeks,
    creditBearing: entry.creditBearing,
    deliveryMode: entry.deliveryMode,
    osapEligible: entry.osapEligible,
    status: entry.status,
    // Spread over five months, newest for the first entries.
    updatedAt: new Date(Date.parse(`${corpusDate}T12:00:00Z`) - position * 3_600_000 * 7).toISOString(),
    offerings: entry.offerings.map(({ startDate, priceCad }) => ({ startDate, priceCad })),
    // The institution's side of the quality markers; the province's (trustMarks) stay unset here.
    partners: entry.partners.map(({ kind }) => ({ kind })),
    stackability: { kind: entry.stackability.kind },
    oqfAlignment: { band: alignToOqf(entry.instructionalHours).band },
    institution: {
      code: institution.code,
      name: institution.name,
      nameFr: institution.nameFr,
      type: institution.type,
      region: institution.region,
      languages: institution.languages,
    },
  };
}

/** About `total` public entries spread evenly over `institutionCount` institutions. */
export function seedFeedEntries(
  total: number,
  institutionCount = Math.max(1, Math.min(50, Math.round(total / 200))),
): FeedEntry[] {
  const institutions = benchmarkInstitutions(institutionCount);
  const perInstitution = Math.ceil(total / institutions.length);
  return institutions.flatMap((institution) =>
    generateCatalogue(institution, perInstitution, 1, corpusDate)
      .map((entry, position) => ({ entry, position }))
      .filter(({ entry }) => entry.status !== 'DRAFT')
      .map(({ entry, position }) => feedEntryFromSeed(institution, entry, position)),
  );
}

export function toDocuments(entries: FeedEntry[]): SearchDocument[] {
  return entries.map((entry) => {
    const parsed = parseFeedEntry(entry, entry.institution.code, corpusDate);
    if (!parsed.ok) throw new Error(`seed entry ${entry.id} rejected: ${describeFeedEntryProblems(parsed.problems)}`);
    return parsed.value;
  });
}

export function seedDocuments(total: number, institutionCount?: number): SearchDocument[] {
  return toDocuments(seedFeedEntries(total, institutionCount));
}

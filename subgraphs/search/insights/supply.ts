/** Supply: what the index holds (active entries), by the dimensions the province plans with. */
import type { SearchBackend } from '../backends/SearchBackend.js';
import type { SearchDocument } from '../documents/searchDocument.js';
import { themeOfNoc } from '../demand/queryText.js';
import { countRows, rangeRows, type CountRow, type RangeRow } from './rows.js';

export interface SupplyInsights {
  entries: number;
  bySector: CountRow[];
  byOccupation: CountRow[];
  byRegion: CountRow[];
  byOqfBand: CountRow[];
  byDeliveryMode: CountRow[];
  priceDistribution: RangeRow[];
  hoursDistribution: RangeRow[];
}

export const unknownKey = 'UNKNOWN';

/** Every active document, read per institution (the same way with both engines). */
export async function activeDocuments(backend: SearchBackend): Promise<SearchDocument[]> {
  const institutions = await backend.indexedInstitutions();
  const documents = (await Promise.all(institutions.map((code) => backend.documentsOf(code)))).flat();
  return documents.filter((document) => document.status === 'ACTIVE');
}

export function sectorOf(document: SearchDocument): string {
  const first = document.occupations[0];
  return first ? themeOfNoc(first) : 'Unclassified';
}

export function supplyInsights(documents: SearchDocument[]): SupplyInsights {
  const occupationTitles = new Map<string, string>();
  for (const document of documents) {
    document.occupations.forEach((code, index) => {
      const title = document.occupationTitles[index];
      if (title && !occupationTitles.has(code)) occupationTitles.set(code, `${code} ${title}`);
    });
  }
  const priced = documents.flatMap((document) => (document.cost === null ? [] : [document.cost]));
  return {
    entries: documents.length,
    bySector: countRows(documents.map(sectorOf)),
    byOccupation: countRows(
      documents.flatMap((document) => document.occupations),
      (code) => occupationTitles.get(code) ?? code,
      50,
    ),
    byRegion: countRows(documents.map((document) => document.region ?? unknownKey)),
    byOqfBand: countRows(documents.map((document) => document.oqfBand ?? 'NOT_ALIGNED')),
    byDeliveryMode: countRows(documents.map((document) => document.deliveryMode)),
    priceDistribution: [
      ...rangeRows(priced, [0, 250, 500, 1000, 2000], ' CAD'),
      { label: 'no priced intake', min: null, max: null, count: documents.length - priced.length },
    ],
    hoursDistribution: rangeRows(
      documents.map((document) => document.hours),
      [0, 15, 30, 60, 120],
      ' h',
    ),
  };
}

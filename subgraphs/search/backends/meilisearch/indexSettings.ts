/**
 * The Meilisearch index settings that make it answer like the embedded
 * engine: the same searchable fields in the same order, the typo rule, the
 * synonyms, every facet filterable, and sorting that wins over relevance
 * when the user picks a sort.
 */
import type { Settings } from 'meilisearch';
import { searchableFields } from '../../documents/searchDocument.js';
import { facetFields } from '../../query/searchRequest.js';
import { stopWords } from '../../query/stopWords.js';
import { meilisearchSynonyms } from '../../query/synonyms.js';
import { minWordLengthForOneTypo, minWordLengthForTwoTypos } from '../../query/typoTolerance.js';

export const primaryKey = 'documentKey';
/**
 * Meilisearch stops ranking after this long and answers with what it has
 * (its default is 1,500 ms: `Deadline::default` in meilisearch/meilisearch:
 * crates/milli/src/lib.rs, read through `Index::search_deadline`,
 * crates/milli/src/index.rs, v1.50.0). A faceted query over 50,000 entries
 * takes a few milliseconds, so this only bounds a pathological query well
 * inside the client's request timeout and the gateway's deadline.
 */
export const searchCutoffMs = 500;

export const sortableAttributes = ['cost', 'hours', 'nextStartDay', 'updatedAtMs', 'id'];

/**
 * Which language each searchable field is written in (the `localizedAttributes`
 * setting, Meilisearch 1.10 and later). Without it Meilisearch detects the
 * language of every text, and a short title may be taken for another language
 * and tokenised by that language's rules; declared, French fields are tokenised
 * as French and the rest as English, both with the Latin-script rules the
 * embedded engine follows (text.ts). Queries may be in either language, so no
 * `locales` is sent with them. Checked by the conformance suite where MEILI_HOST
 * is set; no Meilisearch server was available when this was written.
 */
const localizedAttributes: Settings['localizedAttributes'] = [
  { attributePatterns: searchableFields.filter((field) => field.endsWith('Fr')), locales: ['fra'] },
  { attributePatterns: searchableFields.filter((field) => !field.endsWith('Fr')), locales: ['eng'] },
];

/**
 * `defaultRankingRules` are the server's own (their names changed in v1.36);
 * "sort" moves first so a chosen order is a strict order, not a tie-breaker.
 */
export function indexSettings(defaultRankingRules: string[]): Settings {
  return {
    searchableAttributes: [...searchableFields],
    filterableAttributes: [...facetFields, 'status', 'hours', 'cost', 'weeks', 'nextStartDay', 'updatedAtMs', 'id'],
    sortableAttributes,
    rankingRules: ['sort', ...defaultRankingRules.filter((rule) => rule !== 'sort')],
    synonyms: meilisearchSynonyms(),
    stopWords: [...stopWords],
    localizedAttributes,
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: minWordLengthForOneTypo, twoTypos: minWordLengthForTwoTypos },
    },
    faceting: { maxValuesPerFacet: 1000, sortFacetValuesBy: { '*': 'count' } },
    // Exact totals and deep pages up to the whole directory.
    pagination: { maxTotalHits: 200_000 },
    searchCutoffMs,
  };
}

/**
 * Fast checks of the pure rules that keep the two search backends in step
 * where no Meilisearch server is at hand: what goes into a Meilisearch
 * request (document keys, filter numbers, rewritten queries) and the typo
 * distance both engines count. The conformance suite checks the behaviour.
 */
import { describe, expect, it } from 'vitest';
import { documentKeyOf } from '../../subgraphs/search/backends/meilisearch/documentKey.js';
import { filterExpression, filterNumber } from '../../subgraphs/search/backends/meilisearch/filterExpression.js';
import { facetKey } from '../../subgraphs/search/query/facetValue.js';
import { indexSettings } from '../../subgraphs/search/backends/meilisearch/indexSettings.js';
import { searchableFields } from '../../subgraphs/search/documents/searchDocument.js';
import { parseQuery } from '../../subgraphs/search/query/queryWords.js';
import { stopWords } from '../../subgraphs/search/query/stopWords.js';
import { shortenSynonymPhrases, synonymGroups } from '../../subgraphs/search/query/synonyms.js';
import { transposedSpellings, typoDistance } from '../../subgraphs/search/query/typoTolerance.js';

/** Meilisearch's rule for a document id (`validate_document_id_str`, crates/milli/src/documents/primary_key.rs). */
const validDocumentId = (id: string) => id.length > 0 && Buffer.byteLength(id) < 512 && /^[A-Za-z0-9_-]+$/.test(id);
/** An unquoted filter value (`is_value_component`, crates/filter-parser/src/value.rs). */
const unquotedFilterValue = /^[\p{L}\p{N}_.-]+$/u;

describe('Meilisearch document keys', () => {
  it('are valid Meilisearch ids for any entry id, however long or whatever its characters', () => {
    for (const id of ['humber:a', `uottawa:${'x'.repeat(20_000)}`, 'lacite:cours/été?x=1 & "y"', 'oshki:🦀:\u0000']) {
      expect(validDocumentId(documentKeyOf(id)), id.slice(0, 40)).toBe(true);
    }
  });
  it('are the same on every run and differ between ids', () => {
    expect(documentKeyOf('humber:data-101')).toBe(documentKeyOf('humber:data-101'));
    expect(documentKeyOf('humber:data-101')).not.toBe(documentKeyOf('humber:data-102'));
    expect(documentKeyOf('humber:data-101')).not.toBe(documentKeyOf('Humber:data-101'));
  });
});

describe('filter numbers', () => {
  it('are written without "+", which the filter grammar does not accept unquoted, and read back exactly', () => {
    for (const value of [0, 12, -3.5, 1e21, -1e21, 1.7976931348623157e308, 5e-324, 1e-7, 123456789012345680000]) {
      const written = filterNumber(value);
      expect(written, String(value)).toMatch(unquotedFilterValue);
      expect(Number(written)).toBe(value);
    }
    expect(filterExpression({ hours: { max: 1e21 } })).toContain('hours <= 1e21');
  });
  it('refuse what is not a finite number', () => {
    expect(() => filterNumber(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => filterNumber(Number.NaN)).toThrow(RangeError);
  });
});

describe('synonym phrases longer than Meilisearch reads from a query', () => {
  it('are replaced by their group’s short form, keeping the rest of the query as typed', () => {
    expect(shortenSynonymPhrases('Heating, Ventilation and Air-Conditioning jobs in Sudbury')).toBe(
      'hvac jobs in Sudbury',
    );
    expect(shortenSynonymPhrases('weekend heating ventilation and air conditioning')).toBe('weekend hvac');
    expect(shortenSynonymPhrases('heating ventilation and air conditioning ')).toBe('hvac ');
  });
  it('leave other queries alone, including shorter synonyms and partial phrases', () => {
    for (const query of ['personal support worker', 'heating ventilation and air', 'AI', '', 'soins à domicile'])
      expect(shortenSynonymPhrases(query)).toBe(query);
  });
  it('every group has a phrase of at most 3 words to stand for it', () => {
    for (const group of synonymGroups)
      expect(Math.min(...group.map((phrase) => phrase.split(/\s+/).length)), group.join(' / ')).toBeLessThanOrEqual(3);
  });
  it('the embedded engine reads the short form with the long phrase as its alternative', () => {
    const units = parseQuery('heating ventilation and air conditioning course');
    expect(units[0]).toEqual({
      words: [{ word: 'hvac', prefix: false }],
      alternatives: [['heating', 'ventilation', 'and', 'air', 'conditioning']],
    });
  });
});

describe('typo distance', () => {
  it('counts a swap of adjacent letters as one edit', () => {
    expect(typoDistance('sotfware', 'software')).toBe(1);
    expect(typoDistance('secruity', 'security')).toBe(1);
    expect(typoDistance('anaylsis', 'analysis')).toBe(1);
    expect(typoDistance('ab', 'ba')).toBe(1);
  });
  it('is Levenshtein otherwise, and never edits a swapped pair again (optimal string alignment)', () => {
    expect(typoDistance('kitten', 'sitting')).toBe(3);
    expect(typoDistance('', 'abc')).toBe(3);
    expect(typoDistance('same', 'same')).toBe(0);
    expect(typoDistance('ca', 'abc')).toBe(3);
  });
  it('lists every spelling one or two disjoint swaps away', () => {
    expect([...transposedSpellings('abcd', 1)]).toEqual([
      ['bacd', 1],
      ['acbd', 1],
      ['abdc', 1],
    ]);
    expect(transposedSpellings('abcd', 2).get('badc')).toBe(2);
    expect(transposedSpellings('aab', 1).has('aab')).toBe(false);
  });
});

describe('facet values', () => {
  it('are the same value across case, compatibility forms and surrounding spaces, not across accents', () => {
    expect(facetKey(' Data Analysis ')).toBe(facetKey('data analysis'));
    expect(facetKey('ﬁnance')).toBe(facetKey('Finance'));
    expect(facetKey('École')).toBe(facetKey('école'));
    expect(facetKey('École')).not.toBe(facetKey('Ecole'));
  });
});

describe('French stop words', () => {
  it('are dropped from a query except the last word while it is typed, as Meilisearch parses queries', () => {
    const typed = (query: string) => parseQuery(query).flatMap((unit) => unit.words);
    expect(typed("l'analyse des données")).toEqual([
      { word: 'analyse', prefix: false },
      { word: 'donnees', prefix: true },
    ]);
    expect(typed('vrelkor la')).toEqual([
      { word: 'vrelkor', prefix: false },
      { word: 'la', prefix: true },
    ]);
    expect(typed('vrelkor la ')).toEqual([{ word: 'vrelkor', prefix: false }]);
  });
  it('do not count toward the ten words a query keeps', () => {
    const query = `${'de '.repeat(12)}un deux trois quatre cinq six sept huit neuf dix onze`;
    const kept = parseQuery(query).flatMap((unit) => unit.words.map(({ word }) => word));
    expect(kept).toEqual(['deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze']);
  });
  it('are the Meilisearch index setting, and every searchable field has its language declared', () => {
    const settings = indexSettings(['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness']);
    expect(settings.stopWords).toEqual([...stopWords]);
    const declared = (settings.localizedAttributes ?? []).flatMap((rule) =>
      rule.attributePatterns.map((field) => [field, rule.locales]),
    );
    expect(Object.fromEntries(declared)).toEqual(
      Object.fromEntries(searchableFields.map((field) => [field, field.endsWith('Fr') ? ['fra'] : ['eng']])),
    );
  });
});

/**
 * The in-process search engine: a document table with typed columns for
 * filters, facets and sorting, and an inverted index for the words. A query
 * is: match words → keep slots passing the filter → count facets over all of
 * them (exact totals) → order just enough to cut out the page → highlight it.
 */
import { cardOf, type SearchDocument } from '../../documents/searchDocument.js';
import { parseQuery } from '../../query/queryWords.js';
import { emptyFacets, type SearchRequest, type SearchResponse } from '../../query/searchRequest.js';
import { DocumentTable } from './documentTable.js';
import { countFacets } from './facetCounter.js';
import { filterPredicate } from './filterPredicate.js';
import { highlight } from './highlighter.js';
import { pageOfHits } from './pageOfHits.js';
import { fieldMaskOf, TextIndex } from './textIndex.js';

export class EmbeddedIndex {
  private readonly table = new DocumentTable();
  private readonly text = new TextIndex();

  get size(): number {
    return this.table.size;
  }

  upsert(documents: Iterable<SearchDocument>): void {
    for (const document of documents) {
      const previous = this.table.slotOf(document.id);
      if (previous !== undefined) this.text.remove(previous);
      const slot = this.table.put(document);
      this.text.add(slot, document);
    }
  }

  remove(ids: Iterable<string>): void {
    for (const id of ids) {
      const slot = this.table.delete(id);
      if (slot !== undefined) this.text.remove(slot);
    }
  }

  removeInstitution(institution: string): void {
    this.remove([...this.all()].filter((d) => d.institution === institution).map((d) => d.id));
  }

  institutions(): string[] {
    return [...new Set([...this.all()].map((d) => d.institution))].sort();
  }

  *all(): IterableIterator<SearchDocument> {
    for (const document of this.table.documents) if (document) yield document;
  }

  search(request: SearchRequest): SearchResponse {
    const keep = filterPredicate(this.table, request.filters);
    const units = parseQuery(request.query);
    let candidates: Int32Array;
    let candidateScores: Float32Array | undefined;
    let matchedTerms = new Set<string>();
    if (units.length === 0) {
      candidates = this.table.liveSlots();
    } else {
      const found = this.text.search(units, fieldMaskOf(request.matchFields));
      candidates = found.matches.slots;
      candidateScores = found.matches.scores;
      matchedTerms = found.matchedTerms;
    }
    const slots = new Int32Array(candidates.length);
    const scores = candidateScores ? new Float32Array(candidates.length) : undefined;
    let n = 0;
    for (let i = 0; i < candidates.length; i++) {
      if (!keep(candidates[i]!)) continue;
      if (scores) scores[n] = candidateScores![i]!;
      slots[n++] = candidates[i]!;
    }
    const matching = slots.subarray(0, n);
    const { facets, stats } =
      request.withFacets === false
        ? { facets: emptyFacets(), stats: { hours: null, cost: null, weeks: null } }
        : countFacets(this.table, matching);
    const page = pageOfHits(this.table, matching, scores?.subarray(0, n), request.sort, request.page, request.pageSize);
    const hits = page.map((slot) => {
      const document = this.table.documents[slot]!;
      return {
        id: document.id,
        highlights: units.length ? highlight(document, matchedTerms) : [],
        card: cardOf(document),
      };
    });
    return { total: n, hits, facets, stats };
  }
}

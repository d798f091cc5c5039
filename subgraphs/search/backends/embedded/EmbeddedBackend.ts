/**
 * SearchBackend over the in-process EmbeddedIndex. A rebuild fills a fresh
 * index beside the live one and swaps them when it is complete.
 */
import type { SearchDocument } from '../../documents/searchDocument.js';
import type { SearchRequest, SearchResponse } from '../../query/searchRequest.js';
import type { IndexWriter, SearchBackend } from '../SearchBackend.js';
import { EmbeddedIndex } from './EmbeddedIndex.js';

export class EmbeddedBackend implements SearchBackend {
  readonly kind = 'embedded' as const;
  private live = new EmbeddedIndex();

  async open(): Promise<void> {}

  async upsert(documents: SearchDocument[]): Promise<void> {
    this.live.upsert(documents);
  }

  async remove(ids: string[]): Promise<void> {
    this.live.remove(ids);
  }

  async removeInstitution(institution: string): Promise<void> {
    this.live.removeInstitution(institution);
  }

  async rebuild(fill: (writer: IndexWriter) => Promise<void>): Promise<void> {
    const next = new EmbeddedIndex();
    await fill({
      upsert: async (documents) => next.upsert(documents),
      remove: async (ids) => next.remove(ids),
      removeInstitution: async (institution) => next.removeInstitution(institution),
    });
    this.live = next;
  }

  async count(): Promise<number> {
    return this.live.size;
  }

  async indexedInstitutions(): Promise<string[]> {
    return this.live.institutions();
  }

  async documentsOf(institution: string): Promise<SearchDocument[]> {
    return [...this.live.all()].filter((d) => d.institution === institution);
  }

  async search(request: SearchRequest): Promise<SearchResponse> {
    return this.live.search(request);
  }

  /** Every indexed document, e.g. to save a snapshot. */
  documents(): SearchDocument[] {
    return [...this.live.all()];
  }

  async close(): Promise<void> {}
}

/**
 * The one interface both search engines implement: the embedded in-process
 * engine (default, no setup) and Meilisearch (production). The indexer writes
 * through it; the GraphQL resolvers read through it.
 */
import type { SearchDocument } from '../documents/searchDocument.js';
import type { SearchRequest, SearchResponse } from '../query/searchRequest.js';

export interface IndexWriter {
  /** Adds documents, replacing any with the same id. */
  upsert(documents: SearchDocument[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
  removeInstitution(institution: string): Promise<void>;
}

export interface SearchBackend extends IndexWriter {
  readonly kind: 'embedded' | 'meilisearch';
  /** Prepares the index (settings before any document). Idempotent. */
  open(): Promise<void>;
  /**
   * Replaces the whole index with what `fill` writes. Searches keep answering
   * from the old content until `fill` resolves, then switch at once; if `fill`
   * throws, the old content stays.
   */
  rebuild(fill: (writer: IndexWriter) => Promise<void>): Promise<void>;
  count(): Promise<number>;
  /** Codes of the institutions that have at least one document in the index. */
  indexedInstitutions(): Promise<string[]>;
  /** Every indexed document of one institution (carried over by a rebuild while it is down). */
  documentsOf(institution: string): Promise<SearchDocument[]>;
  search(request: SearchRequest): Promise<SearchResponse>;
  close(): Promise<void>;
}

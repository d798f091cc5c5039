/**
 * SearchBackend over a Meilisearch server through the official client.
 * Settings are applied before any document, every task is awaited and its
 * status checked (waitTask resolves with failed tasks too), and the wait is
 * sized for large batches. Every HTTP request has a deadline, and documents
 * go up in bounded batches whatever the caller hands over. Documents are
 * stored under a key derived from their id (documentKey.ts).
 */
import { Meilisearch, type EnqueuedTask, type EnqueuedTaskPromise, type Index, type SearchParams } from 'meilisearch';
import type { HighlightedField, SearchDocument } from '../../documents/searchDocument.js';
import { cardFields, cardOf, highlightedFields } from '../../documents/searchDocument.js';
import {
  emptyFacets,
  facetFields,
  matchStart,
  matchEnd,
  numericFields,
  orderFacetCounts,
  type FacetCount,
  type FacetField,
  type NumberStats,
  type NumericField,
  type RawHighlight,
  type SearchRequest,
  type SearchResponse,
  type SortOrder,
} from '../../query/searchRequest.js';
import { shortenSynonymPhrases } from '../../query/synonyms.js';
import { dayNumber } from '../../documents/dayNumber.js';
import type { IndexWriter, SearchBackend } from '../SearchBackend.js';
import { documentKeyOf } from './documentKey.js';
import { filterExpression, quote } from './filterExpression.js';
import { indexSettings, primaryKey } from './indexSettings.js';

export interface MeilisearchBackendOptions {
  host: string;
  apiKey?: string;
  indexUid?: string;
  /** How long one task may take before we give up; large batches need minutes, not the client's 5 s. */
  taskTimeoutMs?: number;
  /** Deadline of each HTTP request to Meilisearch (a search, an upload, one poll of a task). */
  requestTimeoutMs?: number;
  log?: (message: string) => void;
}

/**
 * Documents per upload request. The indexer writes pages of 500; a rebuild
 * hands over a down institution's whole catalogue at once, which must not
 * become one request of tens of megabytes (Meilisearch refuses payloads over
 * its `http_payload_size_limit`, 100 MB by default).
 */
export const uploadBatchSize = 500;

/** What is stored in Meilisearch: the document, nulls left out (so they sort last), plus numeric dates. */
type StoredDocument = Partial<SearchDocument> & {
  documentKey: string;
  id: string;
  nextStartDay?: number;
  updatedAtMs: number;
};

export class MeilisearchBackend implements SearchBackend {
  readonly kind = 'meilisearch' as const;
  private readonly client: Meilisearch;
  private readonly indexUid: string;
  private readonly taskTimeoutMs: number;
  private readonly log: (message: string) => void;

  constructor(options: MeilisearchBackendOptions) {
    this.taskTimeoutMs = options.taskTimeoutMs ?? 10 * 60_000;
    this.log = options.log ?? (() => {});
    this.client = new Meilisearch({
      host: options.host,
      apiKey: options.apiKey,
      timeout: options.requestTimeoutMs ?? 5_000,
      defaultWaitOptions: { timeout: this.taskTimeoutMs, interval: 50 },
    });
    this.indexUid = options.indexUid ?? 'microcredentials';
  }

  private get index(): Index<StoredDocument> {
    return this.client.index<StoredDocument>(this.indexUid);
  }

  async open(): Promise<void> {
    await this.prepare(this.indexUid);
  }

  async upsert(documents: SearchDocument[]): Promise<void> {
    await this.upsertInto(this.index, documents);
  }

  async remove(ids: string[]): Promise<void> {
    await this.removeFrom(this.index, ids);
  }

  async removeInstitution(institution: string): Promise<void> {
    await this.removeInstitutionFrom(this.index, institution);
  }

  async rebuild(fill: (writer: IndexWriter) => Promise<void>): Promise<void> {
    const stagingUid = `${this.indexUid}_rebuild`;
    await this.client.deleteIndexIfExists(stagingUid);
    await this.prepare(stagingUid);
    const staging = this.client.index<StoredDocument>(stagingUid);
    try {
      await fill({
        upsert: (documents) => this.upsertInto(staging, documents),
        remove: (ids) => this.removeFrom(staging, ids),
        removeInstitution: (institution) => this.removeInstitutionFrom(staging, institution),
      });
      await this.completed(this.client.swapIndexes([{ indexes: [this.indexUid, stagingUid], rename: false }]));
    } finally {
      await this.client.deleteIndexIfExists(stagingUid);
    }
  }

  async count(): Promise<number> {
    return (await this.index.getStats()).numberOfDocuments;
  }

  async indexedInstitutions(): Promise<string[]> {
    const result = await this.index.search('', { facets: ['institution'], limit: 0 });
    return Object.keys(result.facetDistribution?.institution ?? {}).sort();
  }

  async documentsOf(institution: string): Promise<SearchDocument[]> {
    const documents: SearchDocument[] = [];
    const limit = 1000;
    for (let offset = 0; ; offset += limit) {
      const page = await this.index.getDocuments({ filter: `institution = ${quote(institution)}`, limit, offset });
      documents.push(...page.results.map(fromStored));
      if (page.results.length < limit) return documents;
    }
  }

  async search(request: SearchRequest): Promise<SearchResponse> {
    const hasQuery = request.query.trim() !== '';
    const filter = filterExpression(request.filters);
    const params: SearchParams = {
      ...(filter.length ? { filter } : {}),
      facets: request.withFacets === false ? [] : [...facetFields, ...numericFields],
      page: request.page,
      hitsPerPage: request.pageSize,
      matchingStrategy: 'all',
      // The result card's fields, and the highlighted ones so _formatted surely carries them.
      attributesToRetrieve: ['id', ...cardFields, ...(hasQuery ? highlightedFields : [])],
      ...(request.matchFields ? { attributesToSearchOn: [...request.matchFields] } : {}),
      ...sortParameter(request.sort, hasQuery),
      ...(hasQuery
        ? {
            attributesToHighlight: [...highlightedFields],
            highlightPreTag: matchStart,
            highlightPostTag: matchEnd,
            attributesToCrop: ['description', 'descriptionFr'],
            cropLength: 30,
            cropMarker: '…',
          }
        : {}),
    };
    const result = await this.index.search(shortenSynonymPhrases(request.query), params);
    const facets = Object.fromEntries(
      facetFields.map((field) => [field, toFacetCounts(result.facetDistribution?.[field])]),
    ) as Record<FacetField, FacetCount[]>;
    const stats = Object.fromEntries(
      numericFields.map((field) => [field, toStats(result.facetStats?.[field])]),
    ) as Record<NumericField, NumberStats | null>;
    return {
      // With page/hitsPerPage Meilisearch counts exhaustively and answers totalHits.
      total: (result as { totalHits?: number }).totalHits ?? 0,
      hits: result.hits.map((hit) => ({
        id: String(hit.id),
        highlights: hasQuery ? highlightsOf(hit._formatted as Record<string, unknown> | undefined) : [],
        card: cardOf(fromStored(hit as unknown as StoredDocument)),
      })),
      facets: request.withFacets === false ? emptyFacets() : facets,
      stats,
    };
  }

  async close(): Promise<void> {}

  /** Deletes the index and everything in it (tests, and `reindex --drop`). */
  async drop(): Promise<void> {
    await this.client.deleteIndexIfExists(this.indexUid);
  }

  /**
   * Creates the index if needed and applies settings, before any document
   * goes in. An index keyed another way (written by an earlier version) is
   * dropped: a primary key cannot change without recreating the index
   * (meilisearch.com/docs/capabilities/indexing/how_to/design_primary_keys),
   * and the index is derived data that the first indexing pass refills.
   */
  private async prepare(uid: string): Promise<void> {
    const created = await this.client.createIndex(uid, { primaryKey }).waitTask({ timeout: this.taskTimeoutMs });
    if (created.status === 'failed' && created.error?.code !== 'index_already_exists') {
      throw new Error(`Meilisearch could not create index "${uid}": ${created.error?.message}`);
    }
    const index = this.client.index(uid);
    const existingKey = (await index.getRawInfo()).primaryKey;
    if (existingKey !== null && existingKey !== primaryKey) {
      this.log(`Meilisearch index "${uid}" is keyed by "${existingKey}", not "${primaryKey}": recreating it empty`);
      await this.client.deleteIndexIfExists(uid);
      await this.prepare(uid);
      return;
    }
    const defaultRules = await index.getRankingRules();
    await this.completed(index.updateSettings(indexSettings(defaultRules)));
  }

  private async upsertInto(index: Index<StoredDocument>, documents: SearchDocument[]): Promise<void> {
    await this.inBatches(documents, (batch) => index.addDocuments(batch.map(toStored), { primaryKey }));
  }

  private async removeFrom(index: Index<StoredDocument>, ids: string[]): Promise<void> {
    await this.inBatches(ids, (batch) => index.deleteDocuments(batch.map(documentKeyOf)));
  }

  private async removeInstitutionFrom(index: Index<StoredDocument>, institution: string): Promise<void> {
    await this.completed(index.deleteDocuments({ filter: `institution = ${quote(institution)}` }));
  }

  /**
   * One request per batch, each enqueued only after the previous one was
   * accepted, so Meilisearch applies them in the caller's order (a later
   * version of a document wins); then every task must succeed.
   */
  private async inBatches<T>(items: T[], enqueue: (batch: T[]) => EnqueuedTaskPromise): Promise<void> {
    const tasks: EnqueuedTask[] = [];
    for (let i = 0; i < items.length; i += uploadBatchSize)
      tasks.push(await enqueue(items.slice(i, i + uploadBatchSize)));
    for (const task of tasks) await this.completed(task);
  }

  /** Waits for the task and requires success (the client's wait resolves with failed tasks too). */
  private async completed(enqueued: EnqueuedTask | EnqueuedTaskPromise): Promise<void> {
    const task = await this.client.tasks.waitForTask(await enqueued, { timeout: this.taskTimeoutMs });
    if (task.status !== 'succeeded') {
      throw new Error(
        `Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? 'no reason given'}`,
      );
    }
  }
}

function toStored(document: SearchDocument): StoredDocument {
  const stored: StoredDocument = {
    documentKey: documentKeyOf(document.id),
    id: document.id,
    updatedAtMs: Date.parse(document.updatedAt),
  };
  for (const [field, value] of Object.entries(document)) {
    if (value !== null) (stored as Record<string, unknown>)[field] = value;
  }
  if (document.nextStartDate !== null) stored.nextStartDay = dayNumber(document.nextStartDate);
  return stored;
}

function fromStored(stored: StoredDocument): SearchDocument {
  const { documentKey: _key, nextStartDay: _day, updatedAtMs: _ms, ...fields } = stored;
  return {
    institutionType: null,
    region: null,
    institutionNameFr: null,
    titleFr: null,
    descriptionFr: null,
    skillsFr: [],
    occupationTitlesFr: [],
    oqfBand: null,
    cost: null,
    maxCost: null,
    nextStartDate: null,
    ...fields,
  } as SearchDocument;
}

function sortParameter(sort: SortOrder, hasQuery: boolean): { sort?: string[] } {
  switch (sort) {
    case 'RELEVANCE':
      return hasQuery ? {} : { sort: ['updatedAtMs:desc', 'id:asc'] };
    case 'COST_ASC':
      return { sort: ['cost:asc', 'id:asc'] };
    case 'COST_DESC':
      return { sort: ['cost:desc', 'id:asc'] };
    case 'HOURS_ASC':
      return { sort: ['hours:asc', 'id:asc'] };
    case 'HOURS_DESC':
      return { sort: ['hours:desc', 'id:asc'] };
    case 'NEXT_START_DATE_ASC':
      return { sort: ['nextStartDay:asc', 'id:asc'] };
  }
}

function toFacetCounts(distribution: Record<string, number> | undefined): FacetCount[] {
  return orderFacetCounts(Object.entries(distribution ?? {}));
}

function toStats(stats: { min: number; max: number } | undefined): NumberStats | null {
  return stats ? { min: stats.min, max: stats.max } : null;
}

function highlightsOf(formatted: Record<string, unknown> | undefined): RawHighlight[] {
  if (!formatted) return [];
  const highlights: RawHighlight[] = [];
  for (const field of highlightedFields) {
    const value = formatted[field];
    const texts = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
    for (const text of texts) {
      if (typeof text === 'string' && text.includes(matchStart))
        highlights.push({ field: field as HighlightedField, marked: text });
    }
  }
  return highlights;
}

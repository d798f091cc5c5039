/**
 * Per-request batching: however many entries a request touches (an
 * `_entities` batch, a connection page, a change page), each loader costs one
 * SQL round-trip per tick rather than one per entry.
 */
import DataLoader from 'dataloader';
import { findOfferings, findPublicEntries } from './db/catalogueReads.js';
import { findHistories } from './db/history.js';
import type { CatalogueDatabase } from './db/connection.js';
import type { MicroCredentialRow, OfferingRow, VersionRow } from './db/schema.js';
import type { OutcomeReportRow } from './db/outcomeSchema.js';
import { findOutcomesOf } from './outcomes/outcomeStore.js';

export interface CatalogueLoaders {
  /** Public (ACTIVE or SUNSET) entry by slug; null for drafts and unknown slugs. */
  publicEntry: DataLoader<string, MicroCredentialRow | null>;
  /** Offerings of an entry, earliest start first. */
  offerings: DataLoader<string, OfferingRow[]>;
  /** Published versions of an entry, newest first. */
  history: DataLoader<string, VersionRow[]>;
  /** Outcome reports of an entry, newest period first. */
  outcomes: DataLoader<string, OutcomeReportRow[]>;
}

export function createLoaders(db: CatalogueDatabase): CatalogueLoaders {
  const publicEntry = new DataLoader<string, MicroCredentialRow | null>(async (slugs) => {
    const bySlug = new Map((await findPublicEntries(db, slugs)).map((row) => [row.slug, row]));
    return slugs.map((slug) => bySlug.get(slug) ?? null);
  });
  const offerings = new DataLoader<string, OfferingRow[]>(async (slugs) => {
    const bySlug = new Map<string, OfferingRow[]>(slugs.map((slug) => [slug, []]));
    for (const row of await findOfferings(db, slugs)) bySlug.get(row.microCredentialSlug)?.push(row);
    return slugs.map((slug) => bySlug.get(slug) ?? []);
  });
  const history = new DataLoader<string, VersionRow[]>(async (slugs) => {
    const bySlug = new Map<string, VersionRow[]>(slugs.map((slug) => [slug, []]));
    for (const row of await findHistories(db, slugs)) bySlug.get(row.slug)?.push(row);
    return slugs.map((slug) => bySlug.get(slug) ?? []);
  });
  const outcomes = new DataLoader<string, OutcomeReportRow[]>((slugs) => findOutcomesOf(db, slugs));
  return { publicEntry, offerings, history, outcomes };
}

/** Lets rows fetched by a page query answer later look-ups of the same entries without another query. */
export function primePublicEntries(loaders: CatalogueLoaders, rows: readonly MicroCredentialRow[]): void {
  for (const row of rows) loaders.publicEntry.prime(row.slug, row);
}

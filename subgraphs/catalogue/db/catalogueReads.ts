/**
 * Public reads of the catalogue. Every query here shows only ACTIVE and
 * SUNSET entries: drafts never leave the database through these functions,
 * except findOwnEntry and findOwnDraft, which only resolvers that checked the owner's API key call.
 */
import { and, asc, count, eq, gt, gte, inArray, type SQL } from 'drizzle-orm';
import { publicStatuses, type DeliveryMode, type MicroCredentialStatus } from '../entryParts.js';
import type { CatalogueDatabase } from './connection.js';
import {
  catalogueChanges,
  microCredentialDrafts,
  microCredentials,
  offerings,
  type ChangeRow,
  type DraftRow,
  type MicroCredentialRow,
  type OfferingRow,
} from './schema.js';

export interface EntryFilter {
  /** Statuses to include; anything that is not public is dropped. Omitted means all public statuses. */
  statuses?: readonly MicroCredentialStatus[];
  deliveryModes?: readonly DeliveryMode[];
  osapEligible?: boolean;
  updatedSince?: Date;
}

export async function findPublicEntries(
  db: CatalogueDatabase,
  slugs: readonly string[],
): Promise<MicroCredentialRow[]> {
  if (slugs.length === 0) return [];
  return db
    .select()
    .from(microCredentials)
    .where(and(inArray(microCredentials.slug, [...slugs]), inArray(microCredentials.status, [...publicStatuses])));
}

/** Owner-only read: the entry in any status, drafts included. Never call it for a public read. */
export async function findOwnEntry(db: CatalogueDatabase, slug: string): Promise<MicroCredentialRow | null> {
  const [row] = await db.select().from(microCredentials).where(eq(microCredentials.slug, slug));
  return row ?? null;
}

/** Owner-only read: the working copy of an entry, if any. */
export async function findOwnDraft(db: CatalogueDatabase, slug: string): Promise<DraftRow | null> {
  const [row] = await db.select().from(microCredentialDrafts).where(eq(microCredentialDrafts.slug, slug));
  return row ?? null;
}

/** Offerings of the given entries, earliest start first. */
export async function findOfferings(db: CatalogueDatabase, slugs: readonly string[]): Promise<OfferingRow[]> {
  if (slugs.length === 0) return [];
  return db
    .select()
    .from(offerings)
    .where(inArray(offerings.microCredentialSlug, [...slugs]))
    .orderBy(asc(offerings.startDate), asc(offerings.code));
}

/** Up to `limit` public entries matching the filter with slug after `afterSlug`, in slug order. */
export async function findEntryPage(
  db: CatalogueDatabase,
  filter: EntryFilter,
  page: { afterSlug?: string; limit: number },
): Promise<MicroCredentialRow[]> {
  if (page.limit === 0) return [];
  const conditions = filterConditions(filter);
  if (page.afterSlug !== undefined) conditions.push(gt(microCredentials.slug, page.afterSlug));
  return db
    .select()
    .from(microCredentials)
    .where(and(...conditions))
    .orderBy(asc(microCredentials.slug))
    .limit(page.limit);
}

export async function countEntries(db: CatalogueDatabase, filter: EntryFilter): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(microCredentials)
    .where(and(...filterConditions(filter)));
  return row?.total ?? 0;
}

/** Up to `limit` changes with seq above `afterSeq`, oldest first. */
export async function findChanges(db: CatalogueDatabase, afterSeq: number, limit: number): Promise<ChangeRow[]> {
  if (limit === 0) return [];
  return db
    .select()
    .from(catalogueChanges)
    .where(gt(catalogueChanges.seq, afterSeq))
    .orderBy(asc(catalogueChanges.seq))
    .limit(limit);
}

function filterConditions(filter: EntryFilter): SQL[] {
  const requested = filter.statuses ?? publicStatuses;
  const statuses = publicStatuses.filter((status) => requested.includes(status));
  const conditions: SQL[] = [inArray(microCredentials.status, statuses)];
  if (filter.deliveryModes !== undefined) {
    conditions.push(inArray(microCredentials.deliveryMode, [...filter.deliveryModes]));
  }
  if (filter.osapEligible !== undefined) {
    conditions.push(eq(microCredentials.osapEligible, filter.osapEligible));
  }
  if (filter.updatedSince !== undefined) conditions.push(gte(microCredentials.updatedAt, filter.updatedSince));
  return conditions;
}

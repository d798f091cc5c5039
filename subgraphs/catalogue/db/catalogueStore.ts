/**
 * The one write path into an institution's catalogue. Seed, import and
 * mutations all go through here: entries are validated whole before anything
 * is written, each call is one transaction, and unchanged entries are left
 * untouched (no version bump, no change-feed row). Every public version
 * written is also kept in the version history (db/history.ts).
 *
 * The change feed itself is written by database triggers (see
 * migrations/0001_change_log_triggers.sql), not here.
 */
import { and, getTableColumns, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { validateCatalogueEntries, CatalogueEntryError, type CatalogueEntryInput } from '../catalogueEntry.js';
import { lockChangeLog } from './changeLog.js';
import { criticalInformationRow, offeringDetailsRow } from './criticalInformationRows.js';
import { recordPublishedVersions } from './history.js';
import type { CatalogueDatabase, CatalogueTransaction } from './connection.js';
import { microCredentials, offerings, type NewMicroCredentialRow, type NewOfferingRow } from './schema.js';

export interface UpsertResult {
  created: string[];
  updated: string[];
  unchanged: string[];
}

/** Rows per INSERT statement: well under PostgreSQL's 65,535 bind parameters. */
const entriesPerStatement = 500;
const offeringsPerStatement = 2000;

/**
 * Creates or replaces entries by slug, with their offerings (offerings not in
 * an entry's list are removed). All or nothing.
 */
export async function upsertEntries(db: CatalogueDatabase, entries: readonly unknown[]): Promise<UpsertResult> {
  const valid = validateCatalogueEntries(entries);
  try {
    return await db.transaction(async (tx) => {
      await lockChangeLog(tx);
      return await writeValidEntries(tx, valid);
    });
  } catch (error) {
    throw explainConstraintViolation(error);
  }
}

/**
 * The write itself, inside a caller's transaction that already holds the
 * change-feed lock (publishing and import combine it with their own checks).
 * Entries must have passed validateCatalogueEntries.
 */
export async function writeValidEntries(tx: CatalogueTransaction, valid: CatalogueEntryInput[]): Promise<UpsertResult> {
  const created = new Set<string>();
  const updated = new Set<string>();
  for (const batch of chunks(valid, entriesPerStatement)) {
    for (const row of await writeEntryRows(tx, batch.map(entryRow))) {
      (row.inserted ? created : updated).add(row.slug);
    }
  }
  const offeringsChanged = await replaceOfferings(tx, valid);
  // Entries whose only change is an offering still count as changed for readers.
  const touched = [...offeringsChanged].filter((slug) => !created.has(slug) && !updated.has(slug));
  await bumpVersions(tx, touched);
  for (const slug of touched) updated.add(slug);
  // Every write path (seed, import, publishing) keeps the published versions it creates.
  await recordPublishedVersions(tx, [...created, ...updated]);
  return {
    created: [...created],
    updated: [...updated],
    unchanged: valid.map((entry) => entry.slug).filter((slug) => !created.has(slug) && !updated.has(slug)),
  };
}

/** Removes entries (and their offerings). Returns the slugs that existed. */
export async function deleteEntries(db: CatalogueDatabase, slugs: readonly string[]): Promise<string[]> {
  if (slugs.length === 0) return [];
  return db.transaction(async (tx) => {
    await lockChangeLog(tx);
    const deleted = await tx
      .delete(microCredentials)
      .where(inArray(microCredentials.slug, [...slugs]))
      .returning({ slug: microCredentials.slug });
    return deleted.map((row) => row.slug);
  });
}

/** Columns an upsert may change; identity and bookkeeping columns are managed here. */
const contentColumns = Object.entries(getTableColumns(microCredentials)).filter(
  ([key]) => !['slug', 'version', 'createdAt', 'updatedAt'].includes(key),
);

async function writeEntryRows(tx: CatalogueTransaction, rows: NewMicroCredentialRow[]) {
  return tx
    .insert(microCredentials)
    .values(rows)
    .onConflictDoUpdate({
      target: microCredentials.slug,
      set: {
        ...Object.fromEntries(contentColumns.map(([key, column]) => [key, excluded(column)])),
        version: sql`${microCredentials.version} + 1`,
        updatedAt: sql`now()`,
      },
      setWhere: rowDiffers(contentColumns.map(([, column]) => column)),
    })
    .returning({ slug: microCredentials.slug, inserted: sql<boolean>`xmax = 0` });
}

/** Upserts each entry's offerings and removes the ones no longer listed. Returns the slugs whose offerings changed. */
async function replaceOfferings(tx: CatalogueTransaction, entries: CatalogueEntryInput[]): Promise<Set<string>> {
  const changed = new Set<string>();
  for (const batch of chunks(entries, entriesPerStatement)) {
    const keep = batch.flatMap((entry) => entry.offerings.map((offering) => `${entry.slug}/${offering.code}`));
    const removed = await tx
      .delete(offerings)
      .where(
        and(
          inArray(
            offerings.microCredentialSlug,
            batch.map((entry) => entry.slug),
          ),
          notInArray(sql`${offerings.microCredentialSlug} || '/' || ${offerings.code}`, keep),
        ),
      )
      .returning({ slug: offerings.microCredentialSlug });
    for (const row of removed) changed.add(row.slug);
  }
  const rows = entries.flatMap((entry) => entry.offerings.map((offering) => offeringRow(entry.slug, offering)));
  const offeringContent = Object.values(getTableColumns(offerings)).filter(
    (column) => column !== offerings.microCredentialSlug && column !== offerings.code,
  );
  for (const batch of chunks(rows, offeringsPerStatement)) {
    const written = await tx
      .insert(offerings)
      .values(batch)
      .onConflictDoUpdate({
        target: [offerings.microCredentialSlug, offerings.code],
        set: Object.fromEntries(
          Object.entries(getTableColumns(offerings))
            .filter(([, column]) => offeringContent.includes(column))
            .map(([key, column]) => [key, excluded(column)]),
        ),
        setWhere: rowDiffers(offeringContent),
      })
      .returning({ slug: offerings.microCredentialSlug });
    for (const row of written) changed.add(row.slug);
  }
  return changed;
}

async function bumpVersions(tx: CatalogueTransaction, slugs: string[]): Promise<void> {
  for (const batch of chunks(slugs, entriesPerStatement)) {
    await tx
      .update(microCredentials)
      .set({ version: sql`${microCredentials.version} + 1`, updatedAt: sql`now()` })
      .where(inArray(microCredentials.slug, batch));
  }
}

function excluded(column: PgColumn): SQL {
  return sql.raw(`excluded."${column.name}"`);
}

/** `(current columns) IS DISTINCT FROM (proposed columns)`: true only when the upsert would change something. */
function rowDiffers(columns: PgColumn[]): SQL {
  const current = sql.join(
    columns.map((column) => sql`${column}`),
    sql`, `,
  );
  const proposed = sql.join(columns.map(excluded), sql`, `);
  return sql`(${current}) is distinct from (${proposed})`;
}

/** Copies exactly the known fields, so stray keys in submitted JSON never reach the database. */
function entryRow(entry: CatalogueEntryInput): NewMicroCredentialRow {
  return {
    slug: entry.slug,
    externalCode: entry.externalCode ?? null,
    title: entry.title,
    titleFr: entry.titleFr ?? null,
    description: entry.description,
    descriptionFr: entry.descriptionFr ?? null,
    languages: [...entry.languages],
    learningOutcomes: [...entry.learningOutcomes],
    skills: entry.skills.map(({ framework, code, label }) => ({ framework, code, label })),
    occupations: entry.occupations.map(({ nocCode, title }) => ({ nocCode, title })),
    cipCode: entry.cip.code,
    cipTitle: entry.cip.title,
    instructionalHours: entry.instructionalHours,
    durationWeeks: entry.durationWeeks,
    creditBearing: entry.creditBearing,
    credits: entry.credits ?? null,
    deliveryMode: entry.deliveryMode,
    assessment: {
      types: [...entry.assessment.types],
      summativeDescription: entry.assessment.summativeDescription ?? null,
      summativeDescriptionFr: entry.assessment.summativeDescriptionFr ?? null,
      passingThreshold: entry.assessment.passingThreshold ?? null,
      attemptsAllowed: entry.assessment.attemptsAllowed ?? null,
    },
    supervision: entry.supervision,
    prerequisites: [...entry.prerequisites],
    audience: entry.audience ?? null,
    audienceFr: entry.audienceFr ?? null,
    qualityAssurance: { body: entry.qualityAssurance.body, type: entry.qualityAssurance.type },
    awards: entry.awards.map(({ type, description, descriptionFr, standard }) => ({
      type,
      description,
      descriptionFr: descriptionFr ?? null,
      standard: standard ?? null,
    })),
    stackability: {
      kind: entry.stackability.kind,
      programs: entry.stackability.programs.map(({ name, programCode, url }) => ({
        name,
        programCode: programCode ?? null,
        url: url ?? null,
      })),
    },
    osapEligible: entry.osapEligible,
    partners: entry.partners.map(({ name, kind }) => ({ name, kind })),
    transferContact: {
      name: entry.transferContact.name,
      email: entry.transferContact.email,
      phone: entry.transferContact.phone ?? null,
    },
    courseOutlineUrl: entry.courseOutlineUrl,
    status: entry.status,
    effectiveDate: entry.effectiveDate,
    expiryDate: entry.expiryDate ?? null,
    reviewDate: entry.reviewDate ?? null,
    sunsetReason: entry.sunsetReason ?? null,
    ...criticalInformationRow(entry),
  };
}

function offeringRow(slug: string, offering: CatalogueEntryInput['offerings'][number]): NewOfferingRow {
  return {
    microCredentialSlug: slug,
    code: offering.code,
    startDate: offering.startDate,
    endDate: offering.endDate,
    location: offering.location,
    online: offering.online,
    priceCad: offering.priceCad,
    registrationUrl: offering.registrationUrl,
    ...offeringDetailsRow(offering),
  };
}

/** Turns the one constraint validation cannot see (external codes used by other stored entries) into a clear error. */
export function explainConstraintViolation(error: unknown): unknown {
  const cause = (error as { cause?: unknown })?.cause ?? error;
  const { code, constraint_name: constraint, detail } = (cause ?? {}) as Record<string, string | undefined>;
  if (code === '23505' && constraint === 'micro_credentials_external_code_unique') {
    return new CatalogueEntryError([
      {
        entryIndex: 0,
        path: ['externalCode'],
        code: 'EXTERNAL_CODE_TAKEN',
        message: `is already used by another stored entry (${detail ?? 'duplicate'})`,
      },
    ]);
  }
  return error;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

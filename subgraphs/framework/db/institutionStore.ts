/**
 * Every SQL statement on the institutions table. Writes take already
 * validated values (see institutionInput.ts).
 */
import { and, arrayContains, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { FrameworkDatabase } from './connection.js';
import { institutions, type InstitutionRow } from './schema.js';
import type { InstitutionType, InstitutionUpdate, InstitutionValues, Region } from '../institutionInput.js';

export type FrameworkTransaction = Parameters<Parameters<FrameworkDatabase['transaction']>[0]>[0];
type Queryable = FrameworkDatabase | FrameworkTransaction;

export interface InstitutionQuery {
  /** Empty or missing: any type. */
  types?: readonly InstitutionType[];
  regions?: readonly Region[];
  language?: string;
}

export async function findInstitutions(db: Queryable, query: InstitutionQuery): Promise<InstitutionRow[]> {
  const conditions: SQL[] = [];
  if (query.types?.length) conditions.push(inArray(institutions.type, [...query.types]));
  if (query.regions?.length) conditions.push(inArray(institutions.region, [...query.regions]));
  if (query.language !== undefined) conditions.push(arrayContains(institutions.languages, [query.language]));
  return db
    .select()
    .from(institutions)
    .where(and(...conditions))
    .orderBy(asc(institutions.code));
}

export async function findInstitutionsByCodes(db: Queryable, codes: readonly string[]): Promise<InstitutionRow[]> {
  if (codes.length === 0) return [];
  return db
    .select()
    .from(institutions)
    .where(inArray(institutions.code, [...codes]));
}

export async function institutionExists(db: Queryable, code: string): Promise<boolean> {
  const found = await db.select({ code: institutions.code }).from(institutions).where(eq(institutions.code, code));
  return found.length > 0;
}

export interface RegistryRow {
  code: string;
  subgraphUrl: string;
  updatedAt: Date;
}

/** The gateway polls this: three columns of a small table, one index-ordered scan. */
export async function listRegistryRows(db: Queryable): Promise<RegistryRow[]> {
  return db
    .select({ code: institutions.code, subgraphUrl: institutions.subgraphUrl, updatedAt: institutions.updatedAt })
    .from(institutions)
    .orderBy(asc(institutions.code));
}

export async function countInstitutions(db: Queryable): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(institutions);
  return row?.count ?? 0;
}

/** Null when the code is already taken (also by a concurrent registration). */
export async function insertInstitution(db: Queryable, values: InstitutionValues): Promise<InstitutionRow | null> {
  const [row] = await db
    .insert(institutions)
    .values(values)
    .onConflictDoNothing({ target: institutions.code })
    .returning();
  return row ?? null;
}

/** Null when no institution has this code. */
export async function updateInstitutionRow(
  db: Queryable,
  code: string,
  changes: InstitutionUpdate,
): Promise<InstitutionRow | null> {
  const [row] = await db
    .update(institutions)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(institutions.code, code))
    .returning();
  return row ?? null;
}

export async function deleteInstitution(db: Queryable, code: string): Promise<boolean> {
  const deleted = await db
    .delete(institutions)
    .where(eq(institutions.code, code))
    .returning({ code: institutions.code });
  return deleted.length > 0;
}

/** Points existing institutions at new subgraph URLs; returns the codes whose URL changed. */
export async function moveSubgraphUrls(
  db: Queryable,
  urls: ReadonlyArray<{ code: string; subgraphUrl: string }>,
): Promise<string[]> {
  const moved: string[] = [];
  for (const { code, subgraphUrl } of urls) {
    const changed = await db
      .update(institutions)
      .set({ subgraphUrl, updatedAt: sql`now()` })
      .where(and(eq(institutions.code, code), sql`${institutions.subgraphUrl} is distinct from ${subgraphUrl}`))
      .returning({ code: institutions.code });
    moved.push(...changed.map((row) => row.code));
  }
  return moved;
}

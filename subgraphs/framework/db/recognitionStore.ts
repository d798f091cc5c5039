/**
 * Every SQL statement on the recognition tables. Writes take already
 * validated values (see recognition/writes.ts).
 */
import { and, arrayContains, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { FrameworkDatabase } from './connection.js';
import type { FrameworkTransaction } from './institutionStore.js';
import { institutions } from './schema.js';
import {
  agreements,
  commonCoreEntries,
  commonCoreMembers,
  equivalencies,
  industryCredentials,
  programs,
  recognitionKeys,
  stackingRules,
  type AgreementRow,
  type CommonCoreEntryRow,
  type CommonCoreMemberRow,
  type EquivalencyRow,
  type IndustryCredentialRow,
  type ProgramRow,
  type SectorArea,
  type StackingRuleRow,
} from './recognitionSchema.js';
import { institutionOfMicroCredentialId } from '../../../runtime/microCredentialId.js';

type Queryable = FrameworkDatabase | FrameworkTransaction;

export type NewCommonCoreEntry = Omit<CommonCoreEntryRow, 'updatedAt'>;
export type NewAgreement = Omit<AgreementRow, 'id' | 'createdAt' | 'status'>;
export type NewEquivalency = Omit<EquivalencyRow, 'id' | 'createdAt' | 'status'>;
export type NewStackingRule = Omit<StackingRuleRow, 'id' | 'programId' | 'position'>;

export function listCommonCoreEntries(db: Queryable, sectorArea?: SectorArea): Promise<CommonCoreEntryRow[]> {
  return db
    .select()
    .from(commonCoreEntries)
    .where(sectorArea ? eq(commonCoreEntries.sectorArea, sectorArea) : undefined)
    .orderBy(asc(commonCoreEntries.code));
}

export function listCommonCoreMembers(db: Queryable): Promise<CommonCoreMemberRow[]> {
  return db.select().from(commonCoreMembers).orderBy(asc(commonCoreMembers.microCredentialId));
}

export async function saveCommonCoreEntryRow(db: Queryable, entry: NewCommonCoreEntry): Promise<CommonCoreEntryRow> {
  const { code, ...rest } = entry;
  const [row] = await db
    .insert(commonCoreEntries)
    .values(entry)
    .onConflictDoUpdate({ target: commonCoreEntries.code, set: { ...rest, updatedAt: sql`now()` } })
    .returning();
  return row!;
}

export async function commonCoreEntryExists(db: Queryable, code: string): Promise<boolean> {
  const found = await db
    .select({ code: commonCoreEntries.code })
    .from(commonCoreEntries)
    .where(eq(commonCoreEntries.code, code));
  return found.length > 0;
}

export async function replaceCommonCoreMembers(
  db: Queryable,
  code: string,
  microCredentialIds: readonly string[],
): Promise<void> {
  await db.delete(commonCoreMembers).where(eq(commonCoreMembers.entryCode, code));
  if (microCredentialIds.length === 0) return;
  await db.insert(commonCoreMembers).values(
    microCredentialIds.map((id) => ({
      entryCode: code,
      microCredentialId: id,
      institutionCode: institutionOfMicroCredentialId(id) ?? '',
    })),
  );
}

export function listIndustryCredentials(db: Queryable): Promise<IndustryCredentialRow[]> {
  return db.select().from(industryCredentials).orderBy(asc(industryCredentials.code));
}

export async function saveIndustryCredentialRow(
  db: Queryable,
  row: IndustryCredentialRow,
): Promise<IndustryCredentialRow> {
  const { code, ...rest } = row;
  const [saved] = await db
    .insert(industryCredentials)
    .values(row)
    .onConflictDoUpdate({ target: industryCredentials.code, set: rest })
    .returning();
  return saved!;
}

export function listAgreements(db: Queryable, party?: string): Promise<AgreementRow[]> {
  return db
    .select()
    .from(agreements)
    .where(party ? arrayContains(agreements.parties, [party]) : undefined)
    .orderBy(desc(agreements.dateEffective), asc(agreements.id));
}

export async function findAgreementsByIds(db: Queryable, ids: readonly string[]): Promise<AgreementRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(agreements)
    .where(inArray(agreements.id, [...ids]));
}

export async function insertAgreement(db: Queryable, values: NewAgreement): Promise<AgreementRow> {
  const [row] = await db.insert(agreements).values(values).returning();
  return row!;
}

export async function updateAgreementStatus(
  db: Queryable,
  id: string,
  status: AgreementRow['status'],
): Promise<AgreementRow | null> {
  const [row] = await db.update(agreements).set({ status }).where(eq(agreements.id, id)).returning();
  return row ?? null;
}

/** Every equivalency, whatever its status: callers decide what is in force on which day. */
export function listEquivalencies(db: Queryable): Promise<EquivalencyRow[]> {
  return db.select().from(equivalencies).orderBy(asc(equivalencies.createdAt), asc(equivalencies.id));
}

export function listEquivalenciesOfAgreements(
  db: Queryable,
  agreementIds: readonly string[],
): Promise<EquivalencyRow[]> {
  if (agreementIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(equivalencies)
    .where(inArray(equivalencies.agreementId, [...agreementIds]))
    .orderBy(asc(equivalencies.createdAt), asc(equivalencies.id));
}

export async function findEquivalency(db: Queryable, id: string): Promise<EquivalencyRow | null> {
  const [row] = await db.select().from(equivalencies).where(eq(equivalencies.id, id));
  return row ?? null;
}

export async function insertEquivalencies(db: Queryable, values: NewEquivalency[]): Promise<EquivalencyRow[]> {
  if (values.length === 0) return [];
  return db.insert(equivalencies).values(values).returning();
}

export async function withdrawEquivalencyRow(db: Queryable, id: string): Promise<EquivalencyRow | null> {
  const [row] = await db.update(equivalencies).set({ status: 'WITHDRAWN' }).where(eq(equivalencies.id, id)).returning();
  return row ?? null;
}

export function listPrograms(db: Queryable, institution?: string): Promise<ProgramRow[]> {
  return db
    .select()
    .from(programs)
    .where(institution ? eq(programs.institutionCode, institution) : undefined)
    .orderBy(asc(programs.id));
}

export function listStackingRules(db: Queryable): Promise<StackingRuleRow[]> {
  return db.select().from(stackingRules).orderBy(asc(stackingRules.programId), asc(stackingRules.position));
}

export async function saveProgramRow(
  db: Queryable,
  program: ProgramRow,
  rules: NewStackingRule[],
): Promise<ProgramRow> {
  const { id, ...rest } = program;
  const [row] = await db
    .insert(programs)
    .values(program)
    .onConflictDoUpdate({ target: programs.id, set: rest })
    .returning();
  await db.delete(stackingRules).where(eq(stackingRules.programId, id));
  if (rules.length > 0) {
    await db.insert(stackingRules).values(rules.map((rule, position) => ({ ...rule, programId: id, position })));
  }
  return row!;
}

export async function insertRecognitionKey(
  db: Queryable,
  values: { institutionCode: string; label: string; keyDigest: string },
): Promise<{ id: string }> {
  const [row] = await db.insert(recognitionKeys).values(values).returning({ id: recognitionKeys.id });
  return row!;
}

/** The registered institution holding an unrevoked key with this digest, if any. */
export async function institutionOfKeyDigest(db: Queryable, keyDigest: string): Promise<string | null> {
  const [row] = await db
    .select({ code: institutions.code })
    .from(recognitionKeys)
    .innerJoin(institutions, eq(institutions.code, recognitionKeys.institutionCode))
    .where(and(eq(recognitionKeys.keyDigest, keyDigest), isNull(recognitionKeys.revokedAt)));
  return row?.code ?? null;
}

export async function countRecognitionRows(db: Queryable): Promise<number> {
  const [row] = await db
    .select({
      count: sql<number>`(select count(*) from ${commonCoreEntries})::int + (select count(*) from ${agreements})::int + (select count(*) from ${programs})::int + (select count(*) from ${industryCredentials})::int`,
    })
    .from(sql`(select 1) as one`);
  return row?.count ?? 0;
}

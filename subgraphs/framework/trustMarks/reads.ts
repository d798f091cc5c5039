/**
 * Per-request reads of trust marks: an `_entities` batch of micro-credentials,
 * however long, costs one round-trip per kind of mark (dataloader). Only marks
 * not withdrawn are read; whether one is in force today is decided by `inForce`.
 */
import DataLoader from 'dataloader';
import { and, asc, desc, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { FrameworkDatabase } from '../db/connection.js';
import {
  endorsements,
  endorsers,
  osapApprovals,
  qualityAssuranceVerifications,
  trustMarkChanges,
  type EndorsementRow,
  type EndorserRow,
  type OsapApprovalRow,
  type QualityAssuranceVerificationRow,
} from '../db/trustMarkSchema.js';

export interface TrustMarkLoaders {
  osapApproval: DataLoader<string, OsapApprovalRow | null>;
  qualityAssurance: DataLoader<string, QualityAssuranceVerificationRow[]>;
  endorsements: DataLoader<string, EndorsementRow[]>;
  endorser: DataLoader<string, EndorserRow | null>;
}

/** Not withdrawn, and `asOf` (YYYY-MM-DD) within its dates. */
export function inForce(
  mark: { withdrawnAt: Date | null; validUntil: string | null } & ({ validFrom: string } | { verifiedOn: string }),
  asOf: string,
): boolean {
  const from = 'validFrom' in mark ? mark.validFrom : mark.verifiedOn;
  return mark.withdrawnAt === null && from <= asOf && (mark.validUntil === null || asOf <= mark.validUntil);
}

function grouped<T extends { microCredentialId: string }>(ids: readonly string[], rows: T[]): T[][] {
  const byId = new Map<string, T[]>();
  for (const row of rows) byId.set(row.microCredentialId, [...(byId.get(row.microCredentialId) ?? []), row]);
  return ids.map((id) => byId.get(id) ?? []);
}

export function createTrustMarkLoaders(db: FrameworkDatabase): TrustMarkLoaders {
  return {
    osapApproval: new DataLoader(async (ids) => {
      const rows = await db
        .select()
        .from(osapApprovals)
        .where(and(inArray(osapApprovals.microCredentialId, [...ids]), isNull(osapApprovals.withdrawnAt)));
      return grouped(ids, rows).map((current) => current[0] ?? null);
    }),
    qualityAssurance: new DataLoader(async (ids) =>
      grouped(
        ids,
        await db
          .select()
          .from(qualityAssuranceVerifications)
          .where(
            and(
              inArray(qualityAssuranceVerifications.microCredentialId, [...ids]),
              isNull(qualityAssuranceVerifications.withdrawnAt),
            ),
          )
          .orderBy(desc(qualityAssuranceVerifications.verifiedOn), qualityAssuranceVerifications.id),
      ),
    ),
    endorsements: new DataLoader(async (ids) =>
      grouped(
        ids,
        await db
          .select()
          .from(endorsements)
          .where(and(inArray(endorsements.microCredentialId, [...ids]), isNull(endorsements.withdrawnAt)))
          .orderBy(asc(endorsements.createdAt), endorsements.id),
      ),
    ),
    endorser: new DataLoader(async (ids) => {
      const rows = await db
        .select()
        .from(endorsers)
        .where(inArray(endorsers.id, [...ids]));
      return ids.map((id) => rows.find((row) => row.id === id) ?? null);
    }),
  };
}

/** One page of the trust-mark change feed after `since` (a position), and whether more follow. */
export async function readTrustMarkChanges(db: FrameworkDatabase, since: number, first: number) {
  const rows = await db
    .select()
    .from(trustMarkChanges)
    .where(gt(trustMarkChanges.position, since))
    .orderBy(asc(trustMarkChanges.position))
    .limit(first + 1);
  return { rows: rows.slice(0, first), hasMore: rows.length > first };
}

export function listEndorsers(db: FrameworkDatabase): Promise<EndorserRow[]> {
  return db.select().from(endorsers).orderBy(asc(endorsers.id));
}

export async function findEndorser(db: FrameworkDatabase, id: string): Promise<EndorserRow | null> {
  const [row] = await db.select().from(endorsers).where(eq(endorsers.id, id));
  return row ?? null;
}

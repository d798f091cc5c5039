/**
 * Seeds trust marks into a new directory, once: when no endorser, OSAP
 * approval or QA verification exists yet. After that they are the province's
 * (and endorsers') to manage. Seed data is the project's own (seed/trustMarks.ts),
 * written directly: the gateway that would confirm the entries starts later.
 * No endorser key is seeded; the province issues keys (`npm run endorser-keys`).
 */
import { sql } from 'drizzle-orm';
import { advisoryLockKeys } from '../../../runtime/advisoryLocks.js';
import { openFrameworkDatabase } from '../db/connection.js';
import {
  endorsements,
  endorsers,
  osapApprovals,
  qualityAssuranceVerifications,
  type EndorsementRow,
  type EndorserRow,
  type OsapApprovalRow,
  type QualityAssuranceVerificationRow,
} from '../db/trustMarkSchema.js';

export interface TrustMarkSeed {
  endorsers: Array<Omit<EndorserRow, 'registeredAt'>>;
  osapApprovals: Array<Omit<OsapApprovalRow, 'id' | 'attestedAt' | 'withdrawnAt' | 'withdrawalReason'>>;
  qualityAssurance: Array<Omit<QualityAssuranceVerificationRow, 'id' | 'recordedAt' | 'withdrawnAt'>>;
  endorsements: Array<Omit<EndorsementRow, 'id' | 'createdAt' | 'withdrawnAt' | 'withdrawnBy'>>;
}

export async function seedTrustMarksIfEmpty(databaseUrl: string, seed: TrustMarkSeed): Promise<boolean> {
  const { db, close } = openFrameworkDatabase(databaseUrl, { maxConnections: 1 });
  try {
    return await db.transaction(async (tx) => {
      // Two launchers starting at once must not both find the tables empty and seed twice.
      await tx.execute(sql`select pg_advisory_xact_lock(${advisoryLockKeys.trustMarkSeed})`);
      const [used] = await tx.execute<{ used: boolean }>(
        sql`select exists (select 1 from endorsers) or exists (select 1 from osap_approvals)
              or exists (select 1 from quality_assurance_verifications) as used`,
      );
      if (used?.used) return false;
      if (seed.endorsers.length) await tx.insert(endorsers).values(seed.endorsers);
      if (seed.osapApprovals.length) await tx.insert(osapApprovals).values(seed.osapApprovals);
      if (seed.qualityAssurance.length) await tx.insert(qualityAssuranceVerifications).values(seed.qualityAssurance);
      if (seed.endorsements.length) await tx.insert(endorsements).values(seed.endorsements);
      return true;
    });
  } finally {
    await close();
  }
}

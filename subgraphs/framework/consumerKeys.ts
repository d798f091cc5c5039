/**
 * Consumer keys for job boards and portals: issued and revoked by the
 * province (issueConsumerKey / revokeConsumerKey, or `npm run consumer-keys`),
 * verified by the gateway (gateway/edge/consumerKeys.ts), which reads the
 * active digests through the registry token and reports use back.
 *
 * A key is `mdk_<id>_<secret>`; `id` names it in lists and revocations, and
 * only the key's digest is stored (issuedKeys.ts).
 */
import { desc, eq, isNull, sql } from 'drizzle-orm';
import type { FrameworkDatabase } from './db/connection.js';
import { consumerKeys, type ConsumerKeyRow } from './db/consumerKeySchema.js';
import { inputRefused } from './errors.js';
import { checkKeyLabel, frameworkChecker } from './inputChecks.js';
import { isVisibleKeyId, keyDigest, newKeyWithId, revokeKey } from './issuedKeys.js';

export const defaultRequestsPerMinute = 1_200;
const maxRequestsPerMinute = 100_000;

export interface IssuedConsumerKey {
  id: string;
  label: string;
  requestsPerMinute: number;
  key: string;
}

export async function issueConsumerKey(
  db: FrameworkDatabase,
  label: string,
  requestsPerMinute = defaultRequestsPerMinute,
): Promise<IssuedConsumerKey> {
  const check = frameworkChecker();
  const trimmed = checkKeyLabel(check, ['label'], label, 'Job Bank Canada');
  check.wholeNumber(['requestsPerMinute'], requestsPerMinute, { min: 1, max: maxRequestsPerMinute });
  if (check.problems.length > 0) throw inputRefused(check.problems);
  const { id, key } = newKeyWithId('mdk_');
  await db.insert(consumerKeys).values({ id, label: trimmed, keyDigest: keyDigest(key), requestsPerMinute });
  return { id, label: trimmed, requestsPerMinute, key };
}

/** True when an active key was revoked now. */
export async function revokeConsumerKey(db: FrameworkDatabase, id: string): Promise<boolean> {
  return isVisibleKeyId(id) && revokeKey(db, consumerKeys, id);
}

export function listConsumerKeys(db: FrameworkDatabase): Promise<ConsumerKeyRow[]> {
  return db.select().from(consumerKeys).orderBy(desc(consumerKeys.createdAt), consumerKeys.id);
}

/** What the gateway needs to verify keys: the active ones' digests and limits. */
export function activeConsumerKeyGrants(
  db: FrameworkDatabase,
): Promise<Array<{ id: string; keyDigest: string; requestsPerMinute: number }>> {
  return db
    .select({
      id: consumerKeys.id,
      keyDigest: consumerKeys.keyDigest,
      requestsPerMinute: consumerKeys.requestsPerMinute,
    })
    .from(consumerKeys)
    .where(isNull(consumerKeys.revokedAt));
}

/** Adds the gateway's counts; ids it no longer knows are ignored. Refuses negative or absurd counts. */
export async function recordConsumerKeyUsage(
  db: FrameworkDatabase,
  usage: Array<{ id: string; requests: number }>,
): Promise<void> {
  const check = frameworkChecker();
  usage.forEach((entry, index) => {
    check.wholeNumber(
      ['usage', index, 'requests'],
      entry.requests,
      { min: 1, max: Number.MAX_SAFE_INTEGER },
      'positive whole number',
    );
  });
  if (check.problems.length > 0) throw inputRefused(check.problems);
  await db.transaction(async (tx) => {
    for (const entry of usage) {
      await tx
        .update(consumerKeys)
        .set({ requestCount: sql`${consumerKeys.requestCount} + ${entry.requests}`, lastUsedAt: sql`now()` })
        .where(eq(consumerKeys.id, entry.id));
    }
  });
}

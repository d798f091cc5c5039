/**
 * Endorser keys: what a registered employer, sector body or professional
 * association sends as `Authorization: Bearer ek_…` to endorse entries.
 * Issued and revoked by the province (issueEndorserKey / revokeEndorserKey,
 * or `npm run endorser-keys`), like consumer keys: `ek_<id>_<32 random bytes,
 * base64url>`, where `id` (8 hex characters) names the key in lists and
 * revocations, and only the key's SHA-256 digest is stored. A digest of a
 * high-entropy secret is looked up by equality (timing can only reveal digest
 * prefixes, which do not help forge a preimage).
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { FrameworkDatabase } from '../db/connection.js';
import { endorserKeys, endorsers, type EndorserKeyRow, type EndorserRow } from '../db/trustMarkSchema.js';
import { inputRefused } from '../errors.js';
import { checkKeyLabel, frameworkChecker } from '../inputChecks.js';

export const endorserKeyPrefix = 'ek_';
const keyShape = /^ek_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/;

export interface IssuedEndorserKeyValue {
  id: string;
  endorser: EndorserRow;
  label: string;
  key: string;
}

export function looksLikeEndorserKey(token: string): boolean {
  return keyShape.test(token);
}

export async function issueEndorserKey(
  db: FrameworkDatabase,
  endorserId: string,
  label: string,
): Promise<IssuedEndorserKeyValue> {
  const check = frameworkChecker();
  const trimmed = checkKeyLabel(check, ['label'], label, 'partnerships office 2026');
  const [endorser] = await db.select().from(endorsers).where(eq(endorsers.id, endorserId));
  if (!endorser)
    check.problem(['endorser'], 'UNKNOWN_REFERENCE', `names no registered endorser (${JSON.stringify(endorserId)})`);
  if (check.problems.length > 0 || !endorser) throw inputRefused(check.problems);
  const id = randomBytes(4).toString('hex');
  const key = `${endorserKeyPrefix}${id}_${randomBytes(32).toString('base64url')}`;
  await db.insert(endorserKeys).values({ id, endorserId, label: trimmed, keyDigest: digest(key) });
  return { id, endorser, label: trimmed, key };
}

/** True when an active key was revoked now. */
export async function revokeEndorserKey(db: FrameworkDatabase, id: string): Promise<boolean> {
  if (!/^[0-9a-f]{8}$/.test(id)) return false;
  const revoked = await db
    .update(endorserKeys)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(endorserKeys.id, id), isNull(endorserKeys.revokedAt)))
    .returning({ id: endorserKeys.id });
  return revoked.length > 0;
}

export function listEndorserKeys(db: FrameworkDatabase): Promise<EndorserKeyRow[]> {
  return db.select().from(endorserKeys).orderBy(desc(endorserKeys.createdAt), endorserKeys.id);
}

/** The endorser whose active key this is, or null. */
export async function endorserOfKey(db: FrameworkDatabase, key: string): Promise<string | null> {
  const [row] = await db
    .select({ endorserId: endorserKeys.endorserId })
    .from(endorserKeys)
    .where(and(eq(endorserKeys.keyDigest, digest(key)), isNull(endorserKeys.revokedAt)));
  return row?.endorserId ?? null;
}

function digest(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

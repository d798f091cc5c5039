/**
 * Endorser keys: what a registered employer, sector body or professional
 * association sends as `Authorization: Bearer ek_…` to endorse entries.
 * Issued and revoked by the province (issueEndorserKey / revokeEndorserKey,
 * or `npm run endorser-keys`), like consumer keys: `ek_<id>_<secret>`, stored
 * as a digest (issuedKeys.ts).
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { FrameworkDatabase } from '../db/connection.js';
import { endorserKeys, endorsers, type EndorserKeyRow, type EndorserRow } from '../db/trustMarkSchema.js';
import { inputRefused } from '../errors.js';
import { checkKeyLabel, frameworkChecker } from '../inputChecks.js';
import { isKeyWithId, isVisibleKeyId, keyDigest, newKeyWithId, revokeKey } from '../issuedKeys.js';

export const endorserKeyPrefix = 'ek_';

export interface IssuedEndorserKeyValue {
  id: string;
  endorser: EndorserRow;
  label: string;
  key: string;
}

export function looksLikeEndorserKey(token: string): boolean {
  return isKeyWithId(endorserKeyPrefix, token);
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
  const { id, key } = newKeyWithId(endorserKeyPrefix);
  await db.insert(endorserKeys).values({ id, endorserId, label: trimmed, keyDigest: keyDigest(key) });
  return { id, endorser, label: trimmed, key };
}

/** True when an active key was revoked now. */
export async function revokeEndorserKey(db: FrameworkDatabase, id: string): Promise<boolean> {
  return isVisibleKeyId(id) && revokeKey(db, endorserKeys, id);
}

export function listEndorserKeys(db: FrameworkDatabase): Promise<EndorserKeyRow[]> {
  return db.select().from(endorserKeys).orderBy(desc(endorserKeys.createdAt), endorserKeys.id);
}

/** The endorser whose active key this is, or null. */
export async function endorserOfKey(db: FrameworkDatabase, key: string): Promise<string | null> {
  const [row] = await db
    .select({ endorserId: endorserKeys.endorserId })
    .from(endorserKeys)
    .where(and(eq(endorserKeys.keyDigest, keyDigest(key)), isNull(endorserKeys.revokedAt)));
  return row?.endorserId ?? null;
}

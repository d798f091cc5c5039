/**
 * Institution recognition keys. The province issues them (issueRecognitionKey
 * or `npx tsx cli/...`); an institution sends one as `Authorization: Bearer rk_...`
 * to record its own equivalency decisions, agreements and programs.
 *
 * A key is `rk_<secret>`, stored as a digest (issuedKeys.ts). Revoked keys and
 * keys of institutions removed from the registry stop working at once.
 */
import type { FrameworkDatabase } from '../db/connection.js';
import { institutionExists } from '../db/institutionStore.js';
import { insertRecognitionKey, institutionOfKeyDigest } from '../db/recognitionStore.js';
import { recognitionKeys } from '../db/recognitionSchema.js';
import { isUuid } from '../db/isUuid.js';
import { inputRefused } from '../errors.js';
import { checkKeyLabel, frameworkChecker } from '../inputChecks.js';
import { keyDigest, newKeyWithoutId, revokeKey } from '../issuedKeys.js';

export const recognitionKeyPrefix = 'rk_';

export function looksLikeRecognitionKey(token: string): boolean {
  return token.startsWith(recognitionKeyPrefix) && token.length <= 200;
}

export async function issueRecognitionKey(
  db: FrameworkDatabase,
  institution: string,
  label: string,
): Promise<{ id: string; institutionCode: string; label: string; key: string }> {
  const check = frameworkChecker();
  const trimmed = checkKeyLabel(check, ['label'], label, 'registrar office 2026');
  if (!(await institutionExists(db, institution)))
    check.problem(
      ['institution'],
      'UNKNOWN_REFERENCE',
      `names no registered institution (${JSON.stringify(institution)})`,
    );
  if (check.problems.length > 0) throw inputRefused(check.problems);
  const key = newKeyWithoutId(recognitionKeyPrefix);
  const { id } = await insertRecognitionKey(db, {
    institutionCode: institution,
    label: trimmed,
    keyDigest: keyDigest(key),
  });
  return { id, institutionCode: institution, label: trimmed, key };
}

/** True when an active key was revoked now; an id that is no uuid names no key. */
export async function revokeRecognitionKey(db: FrameworkDatabase, id: string): Promise<boolean> {
  return isUuid(id) && revokeKey(db, recognitionKeys, id);
}

/** The institution whose valid key this is, or null. */
export function institutionOfKey(db: FrameworkDatabase, key: string): Promise<string | null> {
  return institutionOfKeyDigest(db, keyDigest(key));
}

/**
 * Institution recognition keys. The province issues them (issueRecognitionKey
 * or `npx tsx cli/...`); an institution sends one as `Authorization: Bearer rk_...`
 * to record its own equivalency decisions, agreements and programs.
 *
 * A key is 32 random bytes; only its SHA-256 digest is stored, so a database
 * leak reveals no usable key. A digest of a high-entropy secret is looked up
 * by equality (no timing-safe compare needed: timing can only reveal digest
 * prefixes, which do not help forge a preimage). Revoked keys and keys of
 * institutions removed from the registry stop working at once.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FrameworkDatabase } from '../db/connection.js';
import { institutionExists } from '../db/institutionStore.js';
import { insertRecognitionKey, institutionOfKeyDigest } from '../db/recognitionStore.js';
import { inputRefused } from '../errors.js';
import { checkKeyLabel, frameworkChecker } from '../inputChecks.js';

export const recognitionKeyPrefix = 'rk_';

export function digestKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

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
  const key = `${recognitionKeyPrefix}${randomBytes(32).toString('base64url')}`;
  const { id } = await insertRecognitionKey(db, {
    institutionCode: institution,
    label: trimmed,
    keyDigest: digestKey(key),
  });
  return { id, institutionCode: institution, label: trimmed, key };
}

/** The institution whose valid key this is, or null. */
export function institutionOfKey(db: FrameworkDatabase, key: string): Promise<string | null> {
  return institutionOfKeyDigest(db, digestKey(key));
}

/**
 * What the framework's three kinds of issued key share: consumer keys (`mdk_`, consumerKeys.ts),
 * endorser keys (`ek_`, trustMarks/endorserKeys.ts) and recognition keys (`rk_`,
 * recognition/keys.ts). The province issues each with a label; a key is a prefix, for consumer
 * and endorser keys a visible id (8 hex characters, safe to list and log), and 32 random bytes.
 * Only the key's SHA-256 digest is stored, so a database leak reveals no usable key; a digest of a
 * high-entropy secret is looked up by equality (timing can only reveal digest prefixes, which do
 * not help forge a preimage). Revoking sets `revoked_at` once.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { FrameworkDatabase } from './db/connection.js';
import type { consumerKeys } from './db/consumerKeySchema.js';
import type { recognitionKeys } from './db/recognitionSchema.js';
import type { endorserKeys } from './db/trustMarkSchema.js';

const visibleIdShape = /^[0-9a-f]{8}$/;

/** A new key with a visible id: `<prefix><id>_<secret>`. */
export function newKeyWithId(prefix: string): { id: string; key: string } {
  const id = randomBytes(4).toString('hex');
  return { id, key: `${prefix}${id}_${randomSecret()}` };
}

/** A new key named by its row's own id rather than a visible part: `<prefix><secret>`. */
export function newKeyWithoutId(prefix: string): string {
  return `${prefix}${randomSecret()}`;
}

/** Whether a token has the shape of a key with a visible id and this prefix. */
export function isKeyWithId(prefix: string, token: string): boolean {
  const rest = token.startsWith(prefix) ? token.slice(prefix.length) : '';
  return rest.length === 8 + 1 + 43 && isVisibleKeyId(rest.slice(0, 8)) && /^_[A-Za-z0-9_-]{43}$/.test(rest.slice(8));
}

/** What is stored of a key, and what a presented key is looked up by. */
export function keyDigest(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Whether an id from a client can name a consumer or endorser key (anything else names none). */
export function isVisibleKeyId(id: string): boolean {
  return visibleIdShape.test(id);
}

/** True when an active key was revoked now. */
export async function revokeKey(
  db: FrameworkDatabase,
  table: typeof consumerKeys | typeof endorserKeys | typeof recognitionKeys,
  id: string,
): Promise<boolean> {
  const revoked = await db
    .update(table)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(table.id, id), isNull(table.revokedAt)))
    .returning({ id: table.id });
  return revoked.length > 0;
}

function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * An institution's API keys. A key is `mck_<institution>_<prefix>_<secret>`
 * (runtime/publishingKeys.ts): the owning institution's code, so the gateway
 * forwards it to that institution only, 8 hex characters of visible prefix
 * (shown in lists and the audit log) and 256 bits of secret. Only the SHA-256
 * of the whole key is stored, so a leaked database leaks no usable key, and
 * the key itself is shown once, when created.
 *
 * Keys live in the institution's own catalogue database, so a key can only
 * ever act for the institution whose database holds it; a key naming another
 * institution is refused even before the lookup. Keys of the old format
 * `mck_<prefix>_<secret>` (no institution) still authenticate here, but the
 * gateway does not forward them: rotate them.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import { formatPublishingKey, parsePublishingKey } from '../../../runtime/publishingKeys.js';
import type { CatalogueDatabase } from './connection.js';
import { apiKeys, auditLog } from './schema.js';

export interface ApiKeyCaller {
  apiKeyId: number;
  prefix: string;
}

export interface CreatedApiKey {
  id: number;
  prefix: string;
  /** The only time the key exists in clear. */
  key: string;
}

export async function createApiKey(db: CatalogueDatabase, institution: string, label: string): Promise<CreatedApiKey> {
  if (label.trim() === '' || label.length > 200) throw new Error('label must be 1 to 200 characters');
  // A prefix collision is astronomically rare; the unique constraint catches it, and a retry draws again.
  for (let attempt = 0; ; attempt++) {
    const prefix = randomBytes(4).toString('hex');
    const key = formatPublishingKey(institution, prefix, randomBytes(32).toString('base64url'));
    try {
      return await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(apiKeys)
          .values({ prefix, keyHash: hashKey(key), label })
          .returning({ id: apiKeys.id });
        await tx.insert(auditLog).values({ actor: 'cli', action: 'API_KEY_CREATED', detail: { prefix, label } });
        return { id: row!.id, prefix, key };
      });
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

export async function listApiKeys(db: CatalogueDatabase) {
  return db
    .select({
      id: apiKeys.id,
      prefix: apiKeys.prefix,
      label: apiKeys.label,
      createdAt: apiKeys.createdAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .orderBy(asc(apiKeys.id));
}

/** Revokes by prefix (or numeric id). Returns whether a live key was revoked. */
export async function revokeApiKey(db: CatalogueDatabase, prefixOrId: string): Promise<boolean> {
  const byId = /^\d+$/.test(prefixOrId) ? eq(apiKeys.id, Number(prefixOrId)) : undefined;
  return db.transaction(async (tx) => {
    const revoked = await tx
      .update(apiKeys)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          byId ? or(byId, eq(apiKeys.prefix, prefixOrId)) : eq(apiKeys.prefix, prefixOrId),
          isNull(apiKeys.revokedAt),
        ),
      )
      .returning({ prefix: apiKeys.prefix });
    for (const row of revoked) {
      await tx.insert(auditLog).values({ actor: 'cli', action: 'API_KEY_REVOKED', detail: { prefix: row.prefix } });
    }
    return revoked.length > 0;
  });
}

/** The caller a presented key stands for; null for unknown, malformed, revoked or other institutions' keys. */
export async function authenticateApiKey(
  db: CatalogueDatabase,
  institution: string,
  key: string,
): Promise<ApiKeyCaller | null> {
  const parsed = parsePublishingKey(key);
  if (!parsed || (parsed.institution !== undefined && parsed.institution !== institution)) return null;
  const { prefix } = parsed;
  const [row] = await db
    .select({ id: apiKeys.id, keyHash: apiKeys.keyHash })
    .from(apiKeys)
    .where(and(eq(apiKeys.prefix, prefix), isNull(apiKeys.revokedAt)));
  if (!row) return null;
  const presented = Buffer.from(hashKey(key), 'hex');
  const stored = Buffer.from(row.keyHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored) ? { apiKeyId: row.id, prefix } : null;
}

function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

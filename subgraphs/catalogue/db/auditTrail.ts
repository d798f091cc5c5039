/**
 * The audit log: who (which API key, or the command line) changed what, and
 * when. Written in the same transaction as the change it describes.
 */
import { desc, lt } from 'drizzle-orm';
import type { CatalogueDatabase, CatalogueTransaction } from './connection.js';
import { auditLog, type AuditRow } from './schema.js';

/** Who is writing: an API key, or someone with database access (`cli`). */
export interface Actor {
  apiKeyId: number | null;
  /** The key's visible prefix, or `cli`. */
  name: string;
}

export const commandLineActor: Actor = { apiKeyId: null, name: 'cli' };

export async function recordAudit(
  tx: CatalogueTransaction,
  actor: Actor,
  action: string,
  subject: { slug?: string; version?: number | null; detail?: Record<string, unknown> } = {},
): Promise<void> {
  await tx.insert(auditLog).values({
    apiKeyId: actor.apiKeyId,
    actor: actor.name,
    action,
    microCredentialSlug: subject.slug ?? null,
    version: subject.version ?? null,
    detail: subject.detail ?? null,
  });
}

/** Up to `limit` entries older than `beforeId` (or the newest), newest first. */
export async function findAuditEntries(
  db: CatalogueDatabase,
  beforeId: number | undefined,
  limit: number,
): Promise<AuditRow[]> {
  if (limit === 0) return [];
  return db
    .select()
    .from(auditLog)
    .where(beforeId === undefined ? undefined : lt(auditLog.id, beforeId))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}

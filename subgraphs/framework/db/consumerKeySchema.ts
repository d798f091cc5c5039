/**
 * Consumer keys: what registered consumers (job boards, portals) send to the
 * gateway for a budget of their own. Only a SHA-256 digest of each key is
 * stored; `id` is the key's visible part (`mdk_<id>_…`), safe to show and log.
 * `request_count` is the use the gateways have reported so far.
 */
import { sql } from 'drizzle-orm';
import { bigint, check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const consumerKeys = pgTable(
  'consumer_keys',
  {
    id: text('id').primaryKey(),
    label: text('label').notNull(),
    keyDigest: text('key_digest').notNull().unique(),
    requestsPerMinute: integer('requests_per_minute').notNull(),
    requestCount: bigint('request_count', { mode: 'number' }).notNull().default(0),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [
    check('consumer_keys_id_format', sql`${table.id} ~ '^[0-9a-f]{8}$'`),
    check('consumer_keys_rate_positive', sql`${table.requestsPerMinute} > 0`),
    check('consumer_keys_count_not_negative', sql`${table.requestCount} >= 0`),
  ],
);

export type ConsumerKeyRow = typeof consumerKeys.$inferSelect;

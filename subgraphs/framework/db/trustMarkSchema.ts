/**
 * Provincial trust marks: what the province (or a body it registered) says
 * about a micro-credential, kept apart from what the institution says about
 * itself. Nothing here is written by an institution.
 *
 * - osap_approvals: the province's OSAP for Micro-credentials approval of an
 *   entry (who, when, reference), optionally an exception to the OSAP
 *   micro-credential rules; at most one in force per entry.
 * - quality_assurance_verifications: a quality-assurance body's verification,
 *   recorded by the province.
 * - endorsers / endorser_keys / endorsements: employers, sector bodies and
 *   professional associations the province registered, their hashed keys, and
 *   the endorsements they made with them.
 * - trust_mark_changes: which micro-credential a trust-mark (or recognition)
 *   write touched, in commit order, for the search indexer (migration 0004's
 *   triggers fill it).
 *
 * Micro-credential ids are not foreign keys: catalogues live in institutions'
 * own databases; writes check ids through the gateway.
 */
import { sql } from 'drizzle-orm';
import {
  type EndorserKind,
  endorsementWithdrawerValues,
  endorserKindValues,
  type QualityAssuranceBody,
  qualityAssuranceBodyValues,
} from '../generated/enums.js';
import {
  bigserial,
  check,
  date,
  index,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

// The contract's enums (schema/framework.graphql), as codegen lists them.
export const qualityAssuranceBodies = qualityAssuranceBodyValues;
export const endorserKinds = endorserKindValues;
export type { QualityAssuranceBody, EndorserKind };

export const qualityAssuranceBody = pgEnum('quality_assurance_body', qualityAssuranceBodies);
export const endorserKind = pgEnum('endorser_kind', endorserKinds);
export const withdrawer = pgEnum('endorsement_withdrawer', endorsementWithdrawerValues);

export const osapApprovals = pgTable(
  'osap_approvals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    microCredentialId: text('micro_credential_id').notNull(),
    /** The province's reference for the approval, e.g. the OSAP program approval number. */
    reference: text('reference').notNull(),
    /** Who attested it: the office or official, in words. */
    attestedBy: text('attested_by').notNull(),
    attestedAt: timestamp('attested_at', { withTimezone: true }).notNull().defaultNow(),
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until'),
    /** Set when the province approves the entry although it is outside the OSAP micro-credential rules: why. */
    ruleException: text('rule_exception'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawalReason: text('withdrawal_reason'),
  },
  (table) => [
    uniqueIndex('osap_approvals_one_current').on(table.microCredentialId).where(sql`${table.withdrawnAt} is null`),
    check('osap_approvals_dates', sql`${table.validUntil} is null or ${table.validUntil} >= ${table.validFrom}`),
  ],
);

export const qualityAssuranceVerifications = pgTable(
  'quality_assurance_verifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    microCredentialId: text('micro_credential_id').notNull(),
    body: qualityAssuranceBody('body').notNull(),
    /** The body by name, e.g. `Ontario College Quality Assurance Service` or an accreditor's name. */
    bodyName: text('body_name').notNull(),
    /** What the body verified, e.g. `Program review (CQAAP)` or `Accreditation`. */
    scope: text('scope').notNull(),
    reference: text('reference'),
    verifiedOn: date('verified_on').notNull(),
    validUntil: date('valid_until'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (table) => [
    index('qa_verifications_by_micro_credential').on(table.microCredentialId),
    check('qa_verifications_dates', sql`${table.validUntil} is null or ${table.validUntil} >= ${table.verifiedOn}`),
  ],
);

export const endorsers = pgTable(
  'endorsers',
  {
    /** Lower case, e.g. `ictc`. */
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    kind: endorserKind('kind').notNull(),
    website: text('website').notNull(),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('endorsers_id_format', sql`${table.id} ~ '^[a-z][a-z0-9-]{1,47}$'`),
    check('endorsers_website_http', sql`${table.website} ~ '^https?://'`),
  ],
);

/** Like consumer keys: `ek_<id>_<secret>`, only the SHA-256 digest stored. */
export const endorserKeys = pgTable(
  'endorser_keys',
  {
    id: text('id').primaryKey(),
    endorserId: text('endorser_id')
      .notNull()
      .references(() => endorsers.id),
    label: text('label').notNull(),
    keyDigest: text('key_digest').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [check('endorser_keys_id_format', sql`${table.id} ~ '^[0-9a-f]{8}$'`)],
);

export const endorsements = pgTable(
  'endorsements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    endorserId: text('endorser_id')
      .notNull()
      .references(() => endorsers.id),
    microCredentialId: text('micro_credential_id').notNull(),
    statement: text('statement').notNull(),
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: withdrawer('withdrawn_by'),
  },
  (table) => [
    index('endorsements_by_micro_credential').on(table.microCredentialId),
    uniqueIndex('endorsements_one_current')
      .on(table.endorserId, table.microCredentialId)
      .where(sql`${table.withdrawnAt} is null`),
    check('endorsements_dates', sql`${table.validUntil} is null or ${table.validUntil} >= ${table.validFrom}`),
  ],
);

export const trustMarkChanges = pgTable('trust_mark_changes', {
  position: bigserial('position', { mode: 'number' }).primaryKey(),
  microCredentialId: text('micro_credential_id').notNull(),
  occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
});

export type OsapApprovalRow = typeof osapApprovals.$inferSelect;
export type QualityAssuranceVerificationRow = typeof qualityAssuranceVerifications.$inferSelect;
export type EndorserRow = typeof endorsers.$inferSelect;
export type EndorserKeyRow = typeof endorserKeys.$inferSelect;
export type EndorsementRow = typeof endorsements.$inferSelect;

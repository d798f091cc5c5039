/**
 * One institution's catalogue database. Each institution runs its own, so
 * tables are keyed by slug alone; the global id `<institution>:<slug>` is
 * formed when answering GraphQL.
 *
 * Scalars the directory filters or sorts on are columns; nested structures
 * that are only ever read whole are typed JSON.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import {
  changeKinds,
  deliveryModes,
  microCredentialStatuses,
  supervisions,
  type Assessment,
  type Award,
  type Contact,
  type Occupation,
  type Partner,
  type QualityAssurance,
  type Skill,
  type Stackability,
} from '../entryParts.js';
import {
  creditUnits,
  gradingSchemes,
  intakeModels,
  type Accessibility,
  type CredentialValidity,
  type FeeBreakdown,
  type LearningResource,
  type OfficialLanguage,
  type OfferingSchedule,
  type Pacing,
  type PostalAddress,
  type PriorLearningAssessment,
} from '../criticalInformation.js';
import { byteOrderedText } from '../../../runtime/byteOrderedText.js';

export const microCredentialStatus = pgEnum('micro_credential_status', microCredentialStatuses);
export const deliveryMode = pgEnum('delivery_mode', deliveryModes);
export const supervision = pgEnum('supervision', supervisions);
export const changeKind = pgEnum('change_kind', changeKinds);
export const intakeModel = pgEnum('intake_model', intakeModels);
export const gradingScheme = pgEnum('grading_scheme', gradingSchemes);
export const creditUnit = pgEnum('credit_unit', creditUnits);

export const microCredentials = pgTable(
  'micro_credentials',
  {
    slug: byteOrderedText('slug').primaryKey(),
    externalCode: text('external_code').unique('micro_credentials_external_code_unique'),
    title: text('title').notNull(),
    titleFr: text('title_fr'),
    description: text('description').notNull(),
    descriptionFr: text('description_fr'),
    languages: text('languages').array().notNull(),
    learningOutcomes: jsonb('learning_outcomes').$type<string[]>().notNull(),
    skills: jsonb('skills').$type<Skill[]>().notNull(),
    occupations: jsonb('occupations').$type<Occupation[]>().notNull(),
    cipCode: text('cip_code').notNull(),
    cipTitle: text('cip_title').notNull(),
    instructionalHours: doublePrecision('instructional_hours').notNull(),
    durationWeeks: doublePrecision('duration_weeks').notNull(),
    creditBearing: boolean('credit_bearing').notNull(),
    credits: doublePrecision('credits'),
    deliveryMode: deliveryMode('delivery_mode').notNull(),
    assessment: jsonb('assessment').$type<Assessment>().notNull(),
    supervision: supervision('supervision').notNull(),
    prerequisites: jsonb('prerequisites').$type<string[]>().notNull(),
    /** Contract 1.1: who the micro-credential is for. */
    audience: text('audience'),
    audienceFr: text('audience_fr'),
    qualityAssurance: jsonb('quality_assurance').$type<QualityAssurance>().notNull(),
    awards: jsonb('awards').$type<Award[]>().notNull(),
    stackability: jsonb('stackability').$type<Stackability>().notNull(),
    osapEligible: boolean('osap_eligible').notNull(),
    partners: jsonb('partners').$type<Partner[]>().notNull(),
    transferContact: jsonb('transfer_contact').$type<Contact>().notNull(),
    courseOutlineUrl: text('course_outline_url').notNull(),
    status: microCredentialStatus('status').notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    expiryDate: date('expiry_date', { mode: 'string' }),
    /** When the institution next reviews the entry (currency of outcomes, partners, prices). */
    reviewDate: date('review_date', { mode: 'string' }),
    /** Why the entry was sunset or retired; null while ACTIVE or DRAFT. */
    sunsetReason: text('sunset_reason'),
    // Contract 1.1. Nullable: entries published before 1.1 have none of them.
    entryLanguages: text('entry_languages').array().$type<OfficialLanguage[]>(),
    learningOutcomesFr: jsonb('learning_outcomes_fr').$type<string[]>(),
    prerequisitesFr: jsonb('prerequisites_fr').$type<string[]>(),
    priorLearningAssessment: jsonb('prior_learning_assessment').$type<PriorLearningAssessment>(),
    learningResources: jsonb('learning_resources').$type<LearningResource[]>(),
    pacing: jsonb('pacing').$type<Pacing>(),
    intakeModel: intakeModel('intake_model'),
    credentialValidity: jsonb('credential_validity').$type<CredentialValidity>(),
    gradingScheme: gradingScheme('grading_scheme'),
    creditUnit: creditUnit('credit_unit'),
    learnerEffortHours: doublePrecision('learner_effort_hours'),
    learnerContact: jsonb('learner_contact').$type<Contact>(),
    accessibility: jsonb('accessibility').$type<Accessibility>(),
    fees: jsonb('fees').$type<FeeBreakdown>(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [
    index('micro_credentials_updated_at_idx').on(table.updatedAt),
    check('micro_credentials_hours_positive', sql`${table.instructionalHours} > 0 and ${table.durationWeeks} > 0`),
    check('micro_credentials_version_positive', sql`${table.version} > 0`),
    check(
      'micro_credentials_expiry_after_effective',
      sql`${table.expiryDate} is null or ${table.expiryDate} >= ${table.effectiveDate}`,
    ),
  ],
);

export const offerings = pgTable(
  'offerings',
  {
    microCredentialSlug: byteOrderedText('micro_credential_slug')
      .notNull()
      .references(() => microCredentials.slug, { onDelete: 'cascade', onUpdate: 'cascade' }),
    /** The institution's own code for the intake (section or CRN), unique within its micro-credential. */
    code: text('code').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    location: text('location').notNull(),
    online: boolean('online').notNull(),
    priceCad: numeric('price_cad', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    registrationUrl: text('registration_url').notNull(),
    // Contract 1.1. Nullable: offerings written before 1.1 have none of them.
    seats: integer('seats'),
    seatsAvailable: integer('seats_available'),
    /** ISO 639 language of instruction of this intake. */
    language: text('language'),
    address: jsonb('address').$type<PostalAddress>(),
    schedule: jsonb('schedule').$type<OfferingSchedule>(),
  },
  (table) => [
    primaryKey({ name: 'offerings_pkey', columns: [table.microCredentialSlug, table.code] }),
    check('offerings_dates_ordered', sql`${table.endDate} >= ${table.startDate}`),
    check('offerings_price_not_negative', sql`${table.priceCad} >= 0`),
    check(
      'offerings_seats_available_within_seats',
      sql`${table.seatsAvailable} is null or ${table.seats} is null or ${table.seatsAvailable} <= ${table.seats}`,
    ),
  ],
);

/**
 * Public-visibility changes, written only by the triggers in the
 * `change_log_triggers` migration. `seq` order is commit order (the triggers
 * serialise writers on an advisory lock), so a reader that has seen seq N will
 * never later find a committed change below N.
 */
export const catalogueChanges = pgTable(
  'catalogue_changes',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    microCredentialSlug: byteOrderedText('micro_credential_slug').notNull(),
    kind: changeKind('kind').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .default(sql`clock_timestamp()`),
    /** Lets the triggers record one UPDATED per entry per transaction rather than one per touched row. */
    transactionId: bigint('transaction_id', { mode: 'number' }).notNull().default(sql`txid_current()`),
  },
  (table) => [index('catalogue_changes_transaction_idx').on(table.transactionId, table.microCredentialSlug)],
);

/**
 * An institution's API keys. Only a SHA-256 hash of each key is stored; the
 * short visible prefix identifies a key in lists and the audit log. A key in
 * this database can only ever act for this database's institution.
 */
export const apiKeys = pgTable('api_keys', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  prefix: text('prefix').notNull().unique('api_keys_prefix_unique'),
  keyHash: text('key_hash').notNull(),
  label: text('label').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
});

/**
 * Working copies the institution edits before publishing. Kept apart from
 * micro_credentials because a draft may be incomplete: its content is the
 * submitted input as JSON, validated in full only when it is published.
 */
export const microCredentialDrafts = pgTable('micro_credential_drafts', {
  slug: byteOrderedText('slug').primaryKey(),
  content: jsonb('content').$type<Record<string, unknown>>().notNull(),
  /** The draft's own revision, named by `expectedVersion` when it is updated, published or deleted. */
  version: integer('version').notNull().default(1),
  /** The published version this draft was started from; publishing refuses if the entry moved on since. */
  basedOnVersion: integer('based_on_version'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** Every published version of every entry, kept after later changes, sunset or deletion. */
export const microCredentialVersions = pgTable(
  'micro_credential_versions',
  {
    slug: byteOrderedText('slug').notNull(),
    version: integer('version').notNull(),
    status: microCredentialStatus('status').notNull(),
    /** The entry with its offerings, in the shape of a catalogue entry input. */
    entry: jsonb('entry').$type<Record<string, unknown>>().notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ name: 'micro_credential_versions_pkey', columns: [table.slug, table.version] })],
);

/** Who changed what and when: one row per write, in the same transaction as the write. */
export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull().default(sql`clock_timestamp()`),
  /** Null for writes made with database access (the import CLI). */
  apiKeyId: bigint('api_key_id', { mode: 'number' }),
  /** The key's visible prefix, or `cli` for the command line. */
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  microCredentialSlug: byteOrderedText('micro_credential_slug'),
  version: integer('version'),
  detail: jsonb('detail').$type<Record<string, unknown>>(),
});

export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type DraftRow = typeof microCredentialDrafts.$inferSelect;
export type VersionRow = typeof microCredentialVersions.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;

export type MicroCredentialRow = typeof microCredentials.$inferSelect;
export type NewMicroCredentialRow = typeof microCredentials.$inferInsert;
export type OfferingRow = typeof offerings.$inferSelect;
export type NewOfferingRow = typeof offerings.$inferInsert;
export type ChangeRow = typeof catalogueChanges.$inferSelect;

export const catalogueSchema = {
  microCredentials,
  offerings,
  catalogueChanges,
  apiKeys,
  microCredentialDrafts,
  microCredentialVersions,
  auditLog,
};

/**
 * Recognition across institutions: the provincial common core, articulation
 * agreements with their equivalency decisions (CTDL TransferAgreement and
 * TransferValueProfile), industry credentials, stacking programs, and the
 * hashed recognition keys institutions write their decisions with.
 *
 * Institution codes are stored without a foreign key on purpose: removing an
 * institution from the registry stops its routing, it does not erase the
 * decisions other institutions made about its learning. Reads only show
 * registered institutions, and a removed institution's keys stop working
 * (key lookup joins the registry).
 */
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  agreementKindValues,
  agreementStatusValues,
  equivalencyStatusValues,
  learningItemKindValues,
  sectorAreaValues,
  transferExtentValues,
  transferUnitValues,
} from '../generated/enums.js';

/** Generated from schema/framework.graphql (`npm run codegen`): the database enums follow the contract. */
export const sectorAreas = sectorAreaValues;
export const learningItemKinds = learningItemKindValues;
export const agreementKinds = agreementKindValues;
export const agreementStatuses = agreementStatusValues;
export const equivalencyStatuses = equivalencyStatusValues;
export const transferUnits = transferUnitValues;
export const transferExtents = transferExtentValues;

export const sectorArea = pgEnum('sector_area', sectorAreas);
export const learningItemKind = pgEnum('learning_item_kind', learningItemKinds);
export const agreementKind = pgEnum('agreement_kind', agreementKinds);
export const agreementStatus = pgEnum('agreement_status', agreementStatuses);
export const equivalencyStatus = pgEnum('equivalency_status', equivalencyStatuses);
export const transferUnit = pgEnum('transfer_unit', transferUnits);
export const transferExtent = pgEnum('transfer_extent', transferExtents);

/** A provincially agreed micro-credential definition; its members are mutually recognized. */
export const commonCoreEntries = pgTable(
  'common_core_entries',
  {
    code: text('code').primaryKey(),
    title: text('title').notNull(),
    titleFr: text('title_fr'),
    description: text('description').notNull(),
    descriptionFr: text('description_fr'),
    sectorArea: sectorArea('sector_area').notNull(),
    requiredCompetencies: text('required_competencies').array().notNull(),
    /** Empty, or the same competencies in French, in the same order. */
    requiredCompetenciesFr: text('required_competencies_fr').array().notNull().default(sql`'{}'`),
    minimumHours: real('minimum_hours').notNull(),
    endorsingBodies: text('endorsing_bodies').array().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('common_core_code_format', sql`${table.code} ~ '^[A-Z][A-Z0-9-]{1,31}$'`),
    check('common_core_minimum_hours_positive', sql`${table.minimumHours} > 0`),
  ],
);

/** An institution's micro-credential mapped to a common-core entry. */
export const commonCoreMembers = pgTable(
  'common_core_members',
  {
    entryCode: text('entry_code')
      .notNull()
      .references(() => commonCoreEntries.code, { onDelete: 'cascade' }),
    microCredentialId: text('micro_credential_id').notNull(),
    institutionCode: text('institution_code').notNull(),
    mappedAt: timestamp('mapped_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.entryCode, table.microCredentialId] }),
    index('common_core_members_by_micro_credential').on(table.microCredentialId),
    check('common_core_member_id_prefix', sql`${table.microCredentialId} like ${table.institutionCode} || ':%'`),
  ],
);

/** A credential from outside the directory, e.g. a vendor certification, that institutions may recognize. */
export const industryCredentials = pgTable('industry_credentials', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  issuer: text('issuer').notNull(),
  url: text('url'),
});

/** CTDL TransferAgreement: parties, dates and status; its equivalencies are the TransferValueProfiles. */
export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    kind: agreementKind('kind').notNull(),
    ownedBy: text('owned_by').notNull(),
    parties: text('parties').array().notNull(),
    status: agreementStatus('status').notNull().default('ACTIVE'),
    dateSigned: date('date_signed', { mode: 'string' }),
    dateEffective: date('date_effective', { mode: 'string' }).notNull(),
    expirationDate: date('expiration_date', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('agreements_by_party').using('gin', table.parties),
    check('agreements_owner_is_party', sql`${table.ownedBy} = any(${table.parties})`),
    check('agreements_party_count', sql`cardinality(${table.parties}) >= 2`),
    check(
      'agreements_dates_in_order',
      sql`${table.expirationDate} is null or ${table.expirationDate} > ${table.dateEffective}`,
    ),
    check(
      'agreements_signed_before_effective',
      sql`${table.dateSigned} is null or ${table.dateSigned} <= ${table.dateEffective}`,
    ),
  ],
);

/**
 * CTDL TransferValueProfile: learning from `from` is recognized for `for` by
 * the receiving institution (the profile's owner), worth `value` `unit`.
 * Item references: micro-credential id, `<institution>:<course code>` for a
 * course, industry credential code, or `<program id>#<block>` for a credit block.
 */
export const equivalencies = pgTable(
  'equivalencies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id').references(() => agreements.id, { onDelete: 'cascade' }),
    receivingInstitution: text('receiving_institution').notNull(),
    fromKind: learningItemKind('from_kind').notNull(),
    fromRef: text('from_ref').notNull(),
    fromTitle: text('from_title'),
    forKind: learningItemKind('for_kind').notNull(),
    forRef: text('for_ref').notNull(),
    forTitle: text('for_title'),
    unit: transferUnit('unit').notNull(),
    value: real('value').notNull(),
    extent: transferExtent('extent').notNull(),
    minimumGrade: real('minimum_grade'),
    recencyYears: integer('recency_years'),
    conditions: text('conditions'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    status: equivalencyStatus('status').notNull().default('ACTIVE'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('equivalencies_by_from').on(table.fromRef),
    index('equivalencies_by_for').on(table.forRef),
    index('equivalencies_by_receiver').on(table.receivingInstitution),
    check(
      'equivalencies_not_to_itself',
      sql`not (${table.fromKind} = ${table.forKind} and ${table.fromRef} = ${table.forRef})`,
    ),
    check('equivalencies_value_positive', sql`${table.value} > 0`),
    check('equivalencies_dates_in_order', sql`${table.endDate} is null or ${table.endDate} > ${table.startDate}`),
    check(
      'equivalencies_grade_percent',
      sql`${table.minimumGrade} is null or (${table.minimumGrade} >= 0 and ${table.minimumGrade} <= 100)`,
    ),
  ],
);

/** A macro credential (program) at an OQF level that micro-credentials stack into. */
export const programs = pgTable(
  'programs',
  {
    id: text('id').primaryKey(),
    institutionCode: text('institution_code').notNull(),
    title: text('title').notNull(),
    titleFr: text('title_fr'),
    credential: text('credential').notNull(),
    credentialFr: text('credential_fr'),
    oqfLevel: integer('oqf_level').notNull(),
    totalCredits: real('total_credits').notNull(),
  },
  (table) => [
    index('programs_by_institution').on(table.institutionCode),
    check('programs_id_prefix', sql`${table.id} like ${table.institutionCode} || ':%'`),
    check('programs_oqf_level', sql`${table.oqfLevel} between 1 and 13`),
  ],
);

/**
 * One stacking rule: `requiredCount` of the listed micro-credentials or
 * members of the listed common-core entries grant `creditsGranted` credits.
 */
export const stackingRules = pgTable(
  'stacking_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    microCredentialIds: text('micro_credential_ids').array().notNull(),
    commonCoreCodes: text('common_core_codes').array().notNull(),
    requiredCount: integer('required_count').notNull(),
    creditsGranted: real('credits_granted').notNull(),
  },
  (table) => [
    index('stacking_rules_by_program').on(table.programId),
    check('stacking_rules_required_positive', sql`${table.requiredCount} > 0`),
    check(
      'stacking_rules_enough_choices',
      sql`cardinality(${table.commonCoreCodes}) > 0 or cardinality(${table.microCredentialIds}) >= ${table.requiredCount}`,
    ),
  ],
);

/** Per-institution bearer keys for recording decisions; only a SHA-256 digest is stored. */
export const recognitionKeys = pgTable(
  'recognition_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionCode: text('institution_code').notNull(),
    label: text('label').notNull(),
    keyDigest: text('key_digest').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [index('recognition_keys_by_institution').on(table.institutionCode)],
);

export type CommonCoreEntryRow = typeof commonCoreEntries.$inferSelect;
export type CommonCoreMemberRow = typeof commonCoreMembers.$inferSelect;
export type IndustryCredentialRow = typeof industryCredentials.$inferSelect;
export type AgreementRow = typeof agreements.$inferSelect;
export type EquivalencyRow = typeof equivalencies.$inferSelect;
export type ProgramRow = typeof programs.$inferSelect;
export type StackingRuleRow = typeof stackingRules.$inferSelect;
export type RecognitionKeyRow = typeof recognitionKeys.$inferSelect;
export type LearningItemKind = (typeof learningItemKinds)[number];
export type SectorArea = (typeof sectorAreas)[number];

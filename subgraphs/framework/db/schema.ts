/**
 * The province's institution registry. Public fields are served by the
 * framework subgraph; `subgraph_url` is private routing data that only the
 * gateway reads (through `institutionRegistry`).
 *
 * Check constraints repeat the essentials of input validation so that no
 * write path, including seeds and manual SQL, can store a row the gateway or
 * the public API would choke on.
 */
import { sql } from 'drizzle-orm';
import { check, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { institutionTypeValues, regionValues } from '../generated/enums.js';

/** Generated from schema/framework.graphql (`npm run codegen`): the database enums follow the contract. */
export const institutionTypes = institutionTypeValues;
export const regions = regionValues;

export const institutionType = pgEnum('institution_type', institutionTypes);
export const region = pgEnum('region', regions);

export const institutions = pgTable(
  'institutions',
  {
    code: byteOrderedText('code').primaryKey(),
    name: text('name').notNull(),
    nameFr: text('name_fr'),
    type: institutionType('type').notNull(),
    region: region('region').notNull(),
    website: text('website').notNull(),
    languages: text('languages').array().notNull(),
    subgraphUrl: text('subgraph_url').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('institutions_code_format', sql`${table.code} ~ '^[a-z][a-z0-9-]{1,31}$'`),
    check('institutions_name_present', sql`length(btrim(${table.name})) > 0`),
    check('institutions_website_http', sql`${table.website} ~ '^https?://'`),
    check('institutions_subgraph_url_http', sql`${table.subgraphUrl} ~ '^https?://'`),
    check('institutions_languages_present', sql`cardinality(${table.languages}) > 0`),
  ],
);

export type InstitutionRow = typeof institutions.$inferSelect;
export type NewInstitutionRow = typeof institutions.$inferInsert;

// Recognition (common core, agreements, programs) lives in its own file; one schema object for drizzle.
import * as recognition from './recognitionSchema.js';
export * from './recognitionSchema.js';

// Consumer keys (gateway budgets for job boards and portals), likewise.
import * as consumers from './consumerKeySchema.js';
export * from './consumerKeySchema.js';

// Provincial trust marks (OSAP approvals, QA verifications, endorsers and endorsements), likewise.
import * as trustMarks from './trustMarkSchema.js';
import { byteOrderedText } from '../../../runtime/byteOrderedText.js';
export * from './trustMarkSchema.js';

export const frameworkSchema = { institutions, institutionType, region, ...recognition, ...consumers, ...trustMarks };

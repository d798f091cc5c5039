/**
 * Outcome reports (the contract's optional outcomes part): aggregate counts
 * per entry and reporting period, as the institution reported them. What is
 * stored is never personal data, only counts; small cells are withheld when
 * answering (runtime/outcomeSuppression.ts), so changing the rule needs no
 * data migration. Replaced reports are kept, like published entry versions.
 */
import { sql } from 'drizzle-orm';
import { check, date, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { StoredOutcomeReport } from '../outcomes/outcomeReport.js';
import { byteOrderedText } from '../../../runtime/byteOrderedText.js';

export const outcomeReports = pgTable(
  'outcome_reports',
  {
    slug: byteOrderedText('slug').notNull(),
    periodLabel: text('period_label').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    report: jsonb('report').$type<StoredOutcomeReport>().notNull(),
    version: integer('version').notNull().default(1),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ name: 'outcome_reports_pkey', columns: [table.slug, table.periodLabel] }),
    check('outcome_reports_period_ordered', sql`${table.periodEnd} >= ${table.periodStart}`),
  ],
);

/** Every version of every report, kept when it is replaced. */
export const outcomeReportVersions = pgTable(
  'outcome_report_versions',
  {
    slug: byteOrderedText('slug').notNull(),
    periodLabel: text('period_label').notNull(),
    version: integer('version').notNull(),
    report: jsonb('report').$type<StoredOutcomeReport>().notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ name: 'outcome_report_versions_pkey', columns: [table.slug, table.periodLabel, table.version] }),
  ],
);

export type OutcomeReportRow = typeof outcomeReports.$inferSelect;

/**
 * Writing and reading outcome reports. A write is all or nothing: every
 * report is checked (fields, that the entry is published here, periods that
 * neither repeat nor overlap, expected versions) before one transaction
 * writes them, keeps the replaced versions and records the audit entry.
 */
import { and, asc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import { recordAudit, type Actor } from '../db/auditTrail.js';
import type { CatalogueDatabase } from '../db/connection.js';
import { outcomeReports, outcomeReportVersions, type OutcomeReportRow } from '../db/outcomeSchema.js';
import { microCredentials } from '../db/schema.js';
import type { PublishingProblem } from '../parents.js';
import type { PublishingProblemCode } from '../problemCodes.js';
import { splitInstitutionPrefixedId } from '../../../runtime/microCredentialId.js';
import { checkOutcomeReport, maxReportsPerCall, periodProblems, type ValidOutcomeReport } from './outcomeReport.js';

export interface OutcomeWriteResult {
  reports: OutcomeReportRow[];
  problems: PublishingProblem[];
}

class Refusal extends Error {
  constructor(readonly problems: PublishingProblem[]) {
    super('outcome reports refused');
  }
}

export async function writeOutcomeReports(
  db: CatalogueDatabase,
  actor: Actor,
  institution: string,
  inputs: Array<Record<string, unknown>>,
  /** Where each input came from (CSV line); positions from 1 otherwise. */
  lines?: number[],
): Promise<OutcomeWriteResult> {
  if (inputs.length === 0) {
    return { reports: [], problems: [{ code: 'TOO_FEW_ITEMS', path: [], message: 'name at least one report' }] };
  }
  if (inputs.length > maxReportsPerCall) {
    return {
      reports: [],
      problems: [{ code: 'TOO_MANY_ITEMS', path: [], message: `at most ${maxReportsPerCall} reports per call` }],
    };
  }
  const slugOf = (id: unknown): { slug: string } | { code: PublishingProblemCode; message: string } => {
    if (typeof id !== 'string' || id === '') return { code: 'REQUIRED', message: 'is required' };
    const parts = splitInstitutionPrefixedId(id);
    if (parts?.institution !== institution)
      return {
        code: 'FORBIDDEN',
        message: `belongs to another institution; this catalogue reports for "${institution}"`,
      };
    return { slug: parts.local };
  };
  const checked = inputs.map((input, index) => checkOutcomeReport(input, lines?.[index] ?? index + 1, slugOf));
  const problems = checked.flatMap((result) => result.problems);
  const valid = checked.flatMap((result) => (result.report ? [result.report] : []));
  try {
    const reports = await db.transaction(async (tx) => {
      const slugs = [...new Set(valid.map((report) => report.slug))];
      const published = slugs.length
        ? await tx
            .select({ slug: microCredentials.slug })
            .from(microCredentials)
            .where(and(inArray(microCredentials.slug, slugs), inArray(microCredentials.status, ['ACTIVE', 'SUNSET'])))
        : [];
      const publishedSlugs = new Set(published.map((row) => row.slug));
      // Locks the entries' stored reports, so concurrent writers queue instead of both passing the version check.
      const stored = slugs.length
        ? await tx.select().from(outcomeReports).where(inArray(outcomeReports.slug, slugs)).for('update')
        : [];
      const storedByKey = new Map(stored.map((row) => [`${row.slug}\u0000${row.periodLabel}`, row]));
      for (const report of valid) {
        if (!publishedSlugs.has(report.slug)) {
          problems.push(problem(report, 'UNKNOWN_ENTRY', ['microCredentialId'], 'names no published entry here'));
        }
        const current = storedByKey.get(`${report.slug}\u0000${report.period.label}`);
        if (current && report.expectedVersion !== current.version) {
          problems.push(
            problem(
              report,
              'VERSION_CONFLICT',
              ['expectedVersion'],
              `the stored report for "${report.period.label}" is version ${current.version}; name it to replace the report`,
            ),
          );
        }
        if (!current && report.expectedVersion !== null) {
          problems.push(
            problem(report, 'VERSION_CONFLICT', ['expectedVersion'], 'there is no stored report to replace'),
          );
        }
      }
      const replaced = new Set(valid.map((report) => `${report.slug}\u0000${report.period.label}`));
      problems.push(
        ...periodProblems([
          ...valid,
          ...stored
            .filter((row) => !replaced.has(`${row.slug}\u0000${row.periodLabel}`))
            .map((row) => ({
              slug: row.slug,
              period: { label: row.periodLabel, start: row.periodStart, end: row.periodEnd },
              line: null,
            })),
        ]),
      );
      if (problems.length > 0) throw new Refusal(problems);
      const written: OutcomeReportRow[] = [];
      for (const report of valid) {
        const current = storedByKey.get(`${report.slug}\u0000${report.period.label}`);
        const version = (current?.version ?? 0) + 1;
        const values = {
          slug: report.slug,
          periodLabel: report.period.label,
          periodStart: report.period.start,
          periodEnd: report.period.end,
          report: report.report,
          version,
          recordedAt: new Date(),
        };
        const [row] = await tx
          .insert(outcomeReports)
          .values(values)
          .onConflictDoUpdate({ target: [outcomeReports.slug, outcomeReports.periodLabel], set: values })
          .returning();
        await tx.insert(outcomeReportVersions).values({
          slug: report.slug,
          periodLabel: report.period.label,
          version,
          report: report.report,
          recordedAt: values.recordedAt,
        });
        written.push(row!);
      }
      await recordAudit(tx, actor, 'reportOutcomes', {
        detail: { reports: valid.map((report) => ({ slug: report.slug, period: report.period.label })) },
      });
      return written;
    });
    return { reports, problems: [] };
  } catch (error) {
    if (error instanceof Refusal) return { reports: [], problems: error.problems };
    throw error;
  }
}

function problem(
  report: ValidOutcomeReport,
  code: PublishingProblemCode,
  path: Array<string | number>,
  message: string,
): PublishingProblem {
  return { code, path, message, line: report.line };
}

/** One page of published reports, by entry then period start; `after` is the last row's key. */
export async function findOutcomePage(
  db: CatalogueDatabase,
  after: { slug: string; periodStart: string; periodLabel: string } | undefined,
  limit: number,
): Promise<OutcomeReportRow[]> {
  const visible = inArray(microCredentials.status, ['ACTIVE', 'SUNSET']);
  const rows = await db
    .select({ report: outcomeReports })
    .from(outcomeReports)
    .innerJoin(microCredentials, eq(microCredentials.slug, outcomeReports.slug))
    .where(
      after
        ? and(
            visible,
            or(
              gt(outcomeReports.slug, after.slug),
              and(
                eq(outcomeReports.slug, after.slug),
                sql`(${outcomeReports.periodStart}, ${outcomeReports.periodLabel}) > (${after.periodStart}, ${after.periodLabel})`,
              ),
            ),
          )
        : visible,
    )
    .orderBy(asc(outcomeReports.slug), asc(outcomeReports.periodStart), asc(outcomeReports.periodLabel))
    .limit(limit);
  return rows.map((row) => row.report);
}

/** Reports of the given entries, newest period first (the MicroCredential.outcomes loader). */
export async function findOutcomesOf(db: CatalogueDatabase, slugs: readonly string[]): Promise<OutcomeReportRow[][]> {
  const rows = slugs.length
    ? await db
        .select()
        .from(outcomeReports)
        .where(inArray(outcomeReports.slug, [...slugs]))
        .orderBy(sql`${outcomeReports.periodStart} desc`)
    : [];
  return slugs.map((slug) => rows.filter((row) => row.slug === slug));
}

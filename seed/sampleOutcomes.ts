/**
 * SAMPLE DATA: invented outcome reports for the sample catalogues, so the
 * insights page has something to show on a fresh machine. Every report says
 * so itself: its source is SAMPLE_DATA and its method reads "Sample data".
 * None of it describes real learners or real institutions' results.
 *
 * About a third of the institutions report nothing, as in reality, and some
 * cohorts are small, so the directory's suppression shows.
 */
import { Random } from './random.js';
import type { CatalogueEntryInput } from '../subgraphs/catalogue/catalogueEntry.js';
import type { CatalogueDatabase } from '../subgraphs/catalogue/db/connection.js';
import { outcomeReports, outcomeReportVersions } from '../subgraphs/catalogue/db/outcomeSchema.js';
import type { Provenance, StoredOutcomeReport } from '../subgraphs/catalogue/outcomes/outcomeReport.js';

export const sampleMethod = 'Sample data: invented for demonstration, not real outcomes';
const sample: Provenance = { source: 'SAMPLE_DATA', method: sampleMethod };

const periods = [
  { label: '2024-fall', start: '2024-09-01', end: '2024-12-31' },
  { label: '2025-winter', start: '2025-01-01', end: '2025-04-30' },
  { label: '2025-fall', start: '2025-09-01', end: '2025-12-31' },
];

/** Whether the sample has this institution report outcomes at all. */
export function reportsSampleOutcomes(institution: string): boolean {
  return new Random(`${institution}:outcomes`).chance(0.67);
}

export function sampleOutcomeReports(institution: string, entries: readonly CatalogueEntryInput[]) {
  if (!reportsSampleOutcomes(institution)) return [];
  return entries
    .filter((entry) => entry.status !== 'DRAFT')
    .flatMap((entry) =>
      periods.map((period) => {
        const random = new Random(`${institution}:${entry.slug}:${period.label}`);
        // Mostly cohorts of 15 to 80, sometimes a handful, as small programs are.
        const enrolments = random.chance(0.15) ? random.int(3, 14) : random.int(15, 80);
        const completions = Math.round(enrolments * (0.55 + random.next() * 0.4));
        const credentialsAwarded = Math.round(completions * (0.85 + random.next() * 0.15));
        const respondents = Math.round(completions * (0.4 + random.next() * 0.3));
        const report: StoredOutcomeReport = {
          enrolments,
          completions,
          credentialsAwarded,
          medianWeeksToCompletion: Math.round((4 + random.next() * 10) * 2) / 2,
          counts: sample,
          satisfaction: {
            respondents,
            satisfied: Math.round(respondents * (0.6 + random.next() * 0.35)),
            provenance: sample,
          },
          followUp: random.chance(0.5)
            ? {
                monthsAfter: 6,
                respondents,
                employed: Math.round(respondents * (0.5 + random.next() * 0.4)),
                furtherStudy: Math.round(respondents * random.next() * 0.2),
                provenance: sample,
              }
            : null,
        };
        return { slug: entry.slug, period, report };
      }),
    );
}

/** Writes the sample reports as version 1 of each. */
export async function seedSampleOutcomes(
  db: CatalogueDatabase,
  institution: string,
  entries: readonly CatalogueEntryInput[],
): Promise<void> {
  const reports = sampleOutcomeReports(institution, entries);
  if (reports.length === 0) return;
  const recordedAt = new Date('2026-01-15T12:00:00Z');
  await db.insert(outcomeReports).values(
    reports.map(({ slug, period, report }) => ({
      slug,
      periodLabel: period.label,
      periodStart: period.start,
      periodEnd: period.end,
      report,
      recordedAt,
    })),
  );
  await db
    .insert(outcomeReportVersions)
    .values(
      reports.map(({ slug, period, report }) => ({ slug, periodLabel: period.label, version: 1, report, recordedAt })),
    );
}

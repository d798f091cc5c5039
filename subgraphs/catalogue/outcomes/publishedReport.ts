/**
 * A stored report as the contract publishes it: small cells withheld at the
 * source (runtime/outcomeSuppression.ts), the withheld ones named.
 */
import { outcomeCellEnum, publishedMedian, suppressSmallCells } from '../../../runtime/outcomeSuppression.js';
import type { OutcomeReportRow } from '../db/outcomeSchema.js';
import { microCredentialId } from '../ids.js';
import type { Provenance } from './outcomeReport.js';

export interface PublishedOutcomeReport {
  microCredentialId: string;
  period: { label: string; start: string; end: string };
  enrolments: number | null;
  completions: number | null;
  credentialsAwarded: number | null;
  medianWeeksToCompletion: number | null;
  counts: Provenance;
  satisfaction: { respondents: number | null; satisfied: number | null; provenance: Provenance } | null;
  followUp: {
    monthsAfter: number;
    respondents: number | null;
    employed: number | null;
    furtherStudy: number | null;
    provenance: Provenance;
  } | null;
  suppressed: string[];
  version: number;
  recordedAt: string;
}

export function publishedReport(row: OutcomeReportRow, institution: string): PublishedOutcomeReport {
  const { report } = row;
  const published = suppressSmallCells({
    enrolments: report.enrolments,
    completions: report.completions,
    credentialsAwarded: report.credentialsAwarded,
    satisfactionRespondents: report.satisfaction?.respondents,
    satisfied: report.satisfaction?.satisfied,
    followUpRespondents: report.followUp?.respondents,
    employed: report.followUp?.employed,
    furtherStudy: report.followUp?.furtherStudy,
  });
  const { counts } = published;
  return {
    microCredentialId: microCredentialId(institution, row.slug),
    period: { label: row.periodLabel, start: row.periodStart, end: row.periodEnd },
    enrolments: counts.enrolments,
    completions: counts.completions,
    credentialsAwarded: counts.credentialsAwarded,
    medianWeeksToCompletion: publishedMedian(report.medianWeeksToCompletion, published),
    counts: report.counts,
    satisfaction: report.satisfaction && {
      respondents: counts.satisfactionRespondents,
      satisfied: counts.satisfied,
      provenance: report.satisfaction.provenance,
    },
    followUp: report.followUp && {
      monthsAfter: report.followUp.monthsAfter,
      respondents: counts.followUpRespondents,
      employed: counts.employed,
      furtherStudy: counts.furtherStudy,
      provenance: report.followUp.provenance,
    },
    suppressed: published.suppressed.map(outcomeCellEnum),
    version: row.version,
    recordedAt: row.recordedAt.toISOString(),
  };
}

/**
 * Outcomes for the province: each institution's published reports, read
 * through the gateway (which has already withheld small cells), checked once
 * more with the same rule, and summed into completion rates. Only reports
 * whose enrolments and completions are both published are summed; a withheld
 * count is never added to anything, so no grouping or pair of groupings can
 * be subtracted to bring it back.
 */
import { periodsOverlap, suppressSmallCells, type OutcomeCounts } from '../../../runtime/outcomeSuppression.js';
import type { SearchDocument } from '../documents/searchDocument.js';
import { unknownKey } from './supply.js';
import { type GraphQLAnswer, postGraphQL } from '../../../runtime/graphqlClient.js';
import { institutionUnavailableCodes } from '../../../runtime/institutionUnavailableCodes.js';

export interface FetchedReport {
  microCredentialId: string;
  period: { label: string; start: string; end: string };
  enrolments: number | null;
  completions: number | null;
}

export type ReportingStatus = 'REPORTED' | 'NOT_REPORTED' | 'UNAVAILABLE';

export interface InstitutionReports {
  code: string;
  status: ReportingStatus;
  reports: FetchedReport[];
}

export interface OutcomeRow {
  key: string;
  label: string;
  reports: number;
  withheldReports: number;
  enrolments: number | null;
  completions: number | null;
  completionRate: number | null;
}

const reportsQuery = `query InsightsOutcomeReports($institution: ID!, $after: String) {
  outcomeReports(institution: $institution, first: 500, after: $after) {
    reports { microCredentialId period { label start end } enrolments completions }
    cursor
    hasMore
  }
}`;

const maxPages = 50;

export async function fetchInstitutionReports(
  gatewayUrl: string,
  code: string,
  timeoutMs: number,
): Promise<InstitutionReports> {
  const reports: FetchedReport[] = [];
  let after: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    let body: GraphQLAnswer;
    try {
      body = await postGraphQL({
        url: gatewayUrl,
        body: { query: reportsQuery, variables: { institution: code, after } },
        timeoutMs,
      });
    } catch {
      return { code, status: 'UNAVAILABLE', reports };
    }
    const pageData = body.data?.outcomeReports as
      | { reports?: FetchedReport[]; cursor?: string | null; hasMore?: boolean }
      | null
      | undefined;
    if (!pageData || !Array.isArray(pageData.reports)) {
      // Not implementing the optional part is not an outage: the institution simply reports nothing.
      const unavailable = (body.errors ?? []).some((error) =>
        institutionUnavailableCodes.has(String(error.extensions?.code)),
      );
      return { code, status: unavailable ? 'UNAVAILABLE' : 'NOT_REPORTED', reports: [] };
    }
    reports.push(...pageData.reports);
    if (!pageData.hasMore || !pageData.cursor) break;
    after = pageData.cursor;
  }
  return { code, status: reports.length > 0 ? 'REPORTED' : 'NOT_REPORTED', reports };
}

/** The reports that may be summed: both counts published under the rule, no overlapping period for the entry. */
export function summable(reports: FetchedReport[]): { usable: FetchedReport[]; withheld: FetchedReport[] } {
  const usable: FetchedReport[] = [];
  const withheld: FetchedReport[] = [];
  for (const report of reports) {
    const counts: OutcomeCounts = { enrolments: report.enrolments, completions: report.completions };
    const published = suppressSmallCells(counts).counts;
    const overlapping = reports.some(
      (other) =>
        other !== report &&
        other.microCredentialId === report.microCredentialId &&
        periodsOverlap(other.period, report.period),
    );
    if (published.enrolments !== null && published.completions !== null && !overlapping) usable.push(report);
    else withheld.push(report);
  }
  return { usable, withheld };
}

export function outcomeRows(
  reports: FetchedReport[],
  documents: ReadonlyMap<string, SearchDocument>,
  dimension: (document: SearchDocument) => string | null,
): OutcomeRow[] {
  const { usable, withheld } = summable(reports);
  const rows = new Map<string, OutcomeRow>();
  const rowFor = (report: FetchedReport) => {
    const document = documents.get(report.microCredentialId);
    const key = (document && dimension(document)) ?? unknownKey;
    let row = rows.get(key);
    if (!row) {
      row = {
        key,
        label: key,
        reports: 0,
        withheldReports: 0,
        enrolments: null,
        completions: null,
        completionRate: null,
      };
      rows.set(key, row);
    }
    return row;
  };
  for (const report of withheld) rowFor(report).withheldReports++;
  for (const report of usable) {
    const row = rowFor(report);
    row.reports++;
    row.enrolments = (row.enrolments ?? 0) + report.enrolments!;
    row.completions = (row.completions ?? 0) + report.completions!;
  }
  for (const row of rows.values()) {
    row.completionRate = row.enrolments ? Math.round((row.completions! / row.enrolments) * 1000) / 1000 : null;
  }
  return [...rows.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
}

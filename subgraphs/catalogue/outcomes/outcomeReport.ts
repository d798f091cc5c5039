/**
 * Outcome reports as submitted (reportOutcomes, importOutcomes): checked in
 * full before anything is written, every problem reported at once with a
 * code and a path, in the same problem shape as entry publishing.
 */
import { isCalendarDate } from '../../../runtime/stringFormats.js';
import { inconsistentCounts, periodsOverlap } from '../../../runtime/outcomeSuppression.js';
import type { PublishingProblem } from '../parents.js';
import type { PublishingProblemCode } from '../problemCodes.js';
import { Checker, type Format } from '../../../runtime/checker.js';
import type { Path } from '../../../runtime/problemPath.js';
import { type OutcomeSource, outcomeSourceValues as outcomeSources } from '../generated/enums.js';

export type { OutcomeSource };

export interface Provenance {
  source: OutcomeSource;
  method: string;
}

/** What is stored per entry and period: counts only, never anything about a learner. */
export interface StoredOutcomeReport {
  enrolments: number;
  completions: number;
  credentialsAwarded: number;
  medianWeeksToCompletion: number | null;
  counts: Provenance;
  satisfaction: { respondents: number; satisfied: number; provenance: Provenance } | null;
  followUp: {
    monthsAfter: number;
    respondents: number;
    employed: number | null;
    furtherStudy: number | null;
    provenance: Provenance;
  } | null;
}

export interface ValidOutcomeReport {
  slug: string;
  period: { label: string; start: string; end: string };
  report: StoredOutcomeReport;
  expectedVersion: number | null;
  /** Position in the submitted list (from 1), for problems. */
  line: number;
}

export const maxReportsPerCall = 5000;
const maxCount = 10_000_000;
const maxMethodLength = 500;
const periodLabelPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const calendarDate: Format<PublishingProblemCode> = { code: 'INVALID_DATE', test: isCalendarDate };

type OutcomeChecker = Checker<PublishingProblemCode>;

/** An optional part: null when absent, checked as an object when given. */
function optionalRecord(check: OutcomeChecker, path: Path, value: unknown): Record<string, unknown> | null {
  return value != null && check.record(path, value) ? value : null;
}

/** A count of learners, or null (reported) when it is not one. */
function count(check: OutcomeChecker, path: Path, value: unknown, required = true): number | null {
  if (!required && value == null) return null;
  return check.wholeNumber(path, value, { min: 0, max: maxCount }, 'whole number of learners') ? value : null;
}

function provenance(check: OutcomeChecker, path: Path, value: unknown): Provenance | null {
  if (!check.record(path, value)) return null;
  const source = check.oneOf([...path, 'source'], value.source, outcomeSources);
  const method = check.text([...path, 'method'], value.method, maxMethodLength);
  return source && method ? { source: value.source as OutcomeSource, method: (value.method as string).trim() } : null;
}

/**
 * Checks one submitted report. `slugOf` turns a global id into this
 * catalogue's slug, or explains why it cannot (another institution's id).
 */
export function checkOutcomeReport(
  input: Record<string, unknown>,
  line: number,
  slugOf: (id: unknown) => { slug: string } | { code: PublishingProblemCode; message: string },
): { report: ValidOutcomeReport | null; problems: PublishingProblem[] } {
  const check: OutcomeChecker = new Checker();
  const id = slugOf(input.microCredentialId);
  if ('code' in id) check.problem(['microCredentialId'], id.code, id.message);
  const period = checkPeriod(check, input.period);
  const enrolments = count(check, ['enrolments'], input.enrolments);
  const completions = count(check, ['completions'], input.completions);
  const credentialsAwarded = count(check, ['credentialsAwarded'], input.credentialsAwarded);
  let median: number | null = null;
  if (input.medianWeeksToCompletion != null) {
    const value = input.medianWeeksToCompletion;
    if (typeof value !== 'number' || !(value > 0 && value <= 520)) {
      check.problem(['medianWeeksToCompletion'], 'OUT_OF_RANGE', 'must be a number of weeks above 0, at most 520');
    } else median = value;
  }
  const counts = provenance(check, ['counts'], input.counts);
  const satisfactionInput = optionalRecord(check, ['satisfaction'], input.satisfaction);
  const satisfaction = satisfactionInput
    ? {
        respondents: count(check, ['satisfaction', 'respondents'], satisfactionInput.respondents),
        satisfied: count(check, ['satisfaction', 'satisfied'], satisfactionInput.satisfied),
        provenance: provenance(check, ['satisfaction', 'provenance'], satisfactionInput.provenance),
      }
    : null;
  const followUpInput = optionalRecord(check, ['followUp'], input.followUp);
  const followUp = followUpInput
    ? {
        monthsAfter: count(check, ['followUp', 'monthsAfter'], followUpInput.monthsAfter),
        respondents: count(check, ['followUp', 'respondents'], followUpInput.respondents),
        employed: count(check, ['followUp', 'employed'], followUpInput.employed, false),
        furtherStudy: count(check, ['followUp', 'furtherStudy'], followUpInput.furtherStudy, false),
        provenance: provenance(check, ['followUp', 'provenance'], followUpInput.provenance),
      }
    : null;
  if (followUp && followUp.employed === null && followUp.furtherStudy === null) {
    check.problem(['followUp', 'employed'], 'REQUIRED', 'a follow-up reports employed, furtherStudy or both');
  }
  const expectedVersion = input.expectedVersion ?? null;
  if (expectedVersion !== null && !(Number.isInteger(expectedVersion) && (expectedVersion as number) > 0)) {
    check.problem(['expectedVersion'], 'NOT_A_WHOLE_NUMBER', 'must be the stored report version');
  }
  for (const problem of inconsistentCounts({
    enrolments,
    completions,
    credentialsAwarded,
    satisfactionRespondents: satisfaction?.respondents,
    satisfied: satisfaction?.satisfied,
    followUpRespondents: followUp?.respondents,
    employed: followUp?.employed,
    furtherStudy: followUp?.furtherStudy,
  })) {
    check.problem([problem.split(' ')[0]!], 'INCONSISTENT', problem);
  }
  const problems = check.problems.map(({ path, code, message }) => ({ code, path: [...path], message, line }));
  if (problems.length > 0 || 'code' in id || !period) return { report: null, problems };
  return {
    report: {
      slug: id.slug,
      period,
      expectedVersion: expectedVersion as number | null,
      line,
      report: {
        enrolments: enrolments!,
        completions: completions!,
        credentialsAwarded: credentialsAwarded!,
        medianWeeksToCompletion: median,
        counts: counts!,
        satisfaction: satisfaction && {
          respondents: satisfaction.respondents!,
          satisfied: satisfaction.satisfied!,
          provenance: satisfaction.provenance!,
        },
        followUp: followUp && {
          monthsAfter: followUp.monthsAfter!,
          respondents: followUp.respondents!,
          employed: followUp.employed,
          furtherStudy: followUp.furtherStudy,
          provenance: followUp.provenance!,
        },
      },
    },
    problems: [],
  };
}

/** A period: a label, and start and end dates in order; null (reported) when any part is wrong. */
function checkPeriod(check: OutcomeChecker, value: unknown): ValidOutcomeReport['period'] | null {
  if (!check.record(['period'], value)) return null;
  const { label, start, end } = value;
  const labelValid = check.text(['period', 'label'], label, 40);
  if (labelValid && !periodLabelPattern.test(label.trim())) {
    check.problem(['period', 'label'], 'INVALID_FORMAT', 'must be letters, digits, ".", "_" or "-", e.g. 2025-fall');
  }
  const startValid = check.format(['period', 'start'], start, calendarDate, 'a date YYYY-MM-DD');
  const endValid = check.format(['period', 'end'], end, calendarDate, 'a date YYYY-MM-DD');
  if (startValid && endValid && end < start) {
    check.problem(['period', 'end'], 'DATES_OUT_OF_ORDER', 'must not be before start');
    return null;
  }
  return labelValid && periodLabelPattern.test(label.trim()) && startValid && endValid
    ? { label: label.trim(), start, end }
    : null;
}

/**
 * Periods of one entry may not repeat a label or overlap: a year and a term
 * inside it would let "year minus term" reveal a withheld count.
 */
export function periodProblems(
  reports: Array<{ slug: string; period: ValidOutcomeReport['period']; line: number | null }>,
): PublishingProblem[] {
  const problems: PublishingProblem[] = [];
  const bySlug = new Map<string, typeof reports>();
  for (const report of reports) bySlug.set(report.slug, [...(bySlug.get(report.slug) ?? []), report]);
  for (const list of bySlug.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [list[i]!, list[j]!];
        if (a.line === null && b.line === null) continue;
        const reported = b.line === null ? a : b;
        const other = reported === a ? b : a;
        if (a.period.label === b.period.label) {
          problems.push({
            code: 'DUPLICATE',
            path: ['period', 'label'],
            message: `"${a.period.label}" is reported twice for this entry`,
            line: reported.line,
          });
        } else if (periodsOverlap(a.period, b.period)) {
          problems.push({
            code: 'OVERLAPPING_PERIOD',
            path: ['period'],
            message: `overlaps period "${other.period.label}" (${other.period.start} to ${other.period.end}) of the same entry; periods of an entry must not overlap, so one cannot be subtracted from another`,
            line: reported.line,
          });
        }
      }
    }
  }
  return problems;
}

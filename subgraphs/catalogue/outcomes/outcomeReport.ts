/**
 * Outcome reports as submitted (reportOutcomes, importOutcomes): checked in
 * full before anything is written, every problem reported at once with a
 * code and a path, in the same problem shape as entry publishing.
 */
import { isCalendarDate } from '../../../runtime/stringFormats.js';
import { inconsistentCounts, periodsOverlap } from '../../../runtime/outcomeSuppression.js';
import type { PublishingProblem } from '../parents.js';
import type { PublishingProblemCode } from '../problemCodes.js';
import type { Path } from '../entryChecker.js';
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

class Checker {
  readonly problems: PublishingProblem[] = [];
  constructor(private readonly line: number) {}

  problem(code: PublishingProblemCode, path: Path, message: string): void {
    this.problems.push({ code, path: [...path], message, line: this.line });
  }

  object(value: unknown, path: Path, required: boolean): Record<string, unknown> | null {
    if (value == null) {
      if (required) this.problem('REQUIRED', path, 'is required');
      return null;
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
      this.problem('NOT_AN_OBJECT', path, 'must be an object');
      return null;
    }
    return value as Record<string, unknown>;
  }

  count(value: unknown, path: Path, required = true): number | null {
    if (value == null) {
      if (required) this.problem('REQUIRED', path, 'is required');
      return null;
    }
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.problem('NOT_A_WHOLE_NUMBER', path, `must be a whole number of learners, got ${JSON.stringify(value)}`);
      return null;
    }
    if (value < 0 || value > maxCount) {
      this.problem('OUT_OF_RANGE', path, `must be from 0 to ${maxCount}, got ${value}`);
      return null;
    }
    return value;
  }

  text(value: unknown, path: Path, maxLength: number): string | null {
    if (typeof value !== 'string' || value.trim() === '') {
      this.problem('REQUIRED', path, 'is required');
      return null;
    }
    if (value.length > maxLength) {
      this.problem('TOO_LONG', path, `must be at most ${maxLength} characters`);
      return null;
    }
    return value.trim();
  }

  date(value: unknown, path: Path): string | null {
    if (value == null) {
      this.problem('REQUIRED', path, 'is required');
      return null;
    }
    if (typeof value !== 'string' || !isCalendarDate(value)) {
      this.problem('INVALID_DATE', path, `must be a date YYYY-MM-DD, got ${JSON.stringify(value)}`);
      return null;
    }
    return value;
  }

  provenance(value: unknown, path: Path): Provenance | null {
    const object = this.object(value, path, true);
    if (!object) return null;
    const source = object.source;
    if (!outcomeSources.includes(source as OutcomeSource)) {
      this.problem('UNKNOWN_ENUM_VALUE', [...path, 'source'], `must be one of ${outcomeSources.join(', ')}`);
    }
    const method = this.text(object.method, [...path, 'method'], maxMethodLength);
    return method === null || !outcomeSources.includes(source as OutcomeSource)
      ? null
      : { source: source as OutcomeSource, method };
  }
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
  const check = new Checker(line);
  const id = slugOf(input.microCredentialId);
  if ('code' in id) check.problem(id.code, ['microCredentialId'], id.message);
  const periodInput = check.object(input.period, ['period'], true);
  const label = periodInput ? check.text(periodInput.label, ['period', 'label'], 40) : null;
  if (label !== null && !periodLabelPattern.test(label)) {
    check.problem('INVALID_FORMAT', ['period', 'label'], 'must be letters, digits, ".", "_" or "-", e.g. 2025-fall');
  }
  const start = periodInput ? check.date(periodInput.start, ['period', 'start']) : null;
  const end = periodInput ? check.date(periodInput.end, ['period', 'end']) : null;
  if (start && end && end < start) check.problem('DATES_OUT_OF_ORDER', ['period', 'end'], 'must not be before start');
  const enrolments = check.count(input.enrolments, ['enrolments']);
  const completions = check.count(input.completions, ['completions']);
  const credentialsAwarded = check.count(input.credentialsAwarded, ['credentialsAwarded']);
  let median: number | null = null;
  if (input.medianWeeksToCompletion != null) {
    const value = input.medianWeeksToCompletion;
    if (typeof value !== 'number' || !(value > 0 && value <= 520)) {
      check.problem('OUT_OF_RANGE', ['medianWeeksToCompletion'], 'must be a number of weeks above 0, at most 520');
    } else median = value;
  }
  const counts = check.provenance(input.counts, ['counts']);
  const satisfactionInput = check.object(input.satisfaction, ['satisfaction'], false);
  const satisfaction = satisfactionInput
    ? {
        respondents: check.count(satisfactionInput.respondents, ['satisfaction', 'respondents']),
        satisfied: check.count(satisfactionInput.satisfied, ['satisfaction', 'satisfied']),
        provenance: check.provenance(satisfactionInput.provenance, ['satisfaction', 'provenance']),
      }
    : null;
  const followUpInput = check.object(input.followUp, ['followUp'], false);
  const followUp = followUpInput
    ? {
        monthsAfter: check.count(followUpInput.monthsAfter, ['followUp', 'monthsAfter']),
        respondents: check.count(followUpInput.respondents, ['followUp', 'respondents']),
        employed: check.count(followUpInput.employed, ['followUp', 'employed'], false),
        furtherStudy: check.count(followUpInput.furtherStudy, ['followUp', 'furtherStudy'], false),
        provenance: check.provenance(followUpInput.provenance, ['followUp', 'provenance']),
      }
    : null;
  if (followUp && followUp.employed === null && followUp.furtherStudy === null && followUpInput) {
    check.problem('REQUIRED', ['followUp', 'employed'], 'a follow-up reports employed, furtherStudy or both');
  }
  const expectedVersion = input.expectedVersion ?? null;
  if (expectedVersion !== null && !(Number.isInteger(expectedVersion) && (expectedVersion as number) > 0)) {
    check.problem('NOT_A_WHOLE_NUMBER', ['expectedVersion'], 'must be the stored report version');
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
    check.problem('INCONSISTENT', [problem.split(' ')[0]!], problem);
  }
  if (check.problems.length > 0 || 'code' in id) return { report: null, problems: check.problems };
  return {
    report: {
      slug: id.slug,
      period: { label: label!, start: start!, end: end! },
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

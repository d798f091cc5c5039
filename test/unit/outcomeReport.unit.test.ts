/** Outcome reports checked with the shared checker, pure (no database): every problem at once, with codes, paths and the line. */
import { describe, expect, it } from 'vitest';
import { checkOutcomeReport } from '../../subgraphs/catalogue/outcomes/outcomeReport.js';

const slugOf = (id: unknown) =>
  typeof id === 'string' && id.startsWith('seneca:')
    ? { slug: id.slice('seneca:'.length) }
    : { code: 'FORBIDDEN' as const, message: 'is not one of this institution’s micro-credentials' };

const report = {
  microCredentialId: 'seneca:data-basics',
  period: { label: '2025-fall', start: '2025-09-01', end: '2025-12-31' },
  enrolments: 40,
  completions: 30,
  credentialsAwarded: 28,
  counts: { source: 'ADMINISTRATIVE_RECORDS', method: ' Registrar records ' },
};

describe('outcome reports', () => {
  it('turn a valid report into the typed report to store', () => {
    const checked = checkOutcomeReport(report, 1, slugOf);
    expect(checked.problems).toEqual([]);
    expect(checked.report).toMatchObject({
      slug: 'data-basics',
      period: report.period,
      report: {
        enrolments: 40,
        counts: { source: 'ADMINISTRATIVE_RECORDS', method: 'Registrar records' },
        satisfaction: null,
        followUp: null,
      },
    });
  });

  it('report every problem at once, each with its code, path and line, and no report', () => {
    const checked = checkOutcomeReport(
      {
        microCredentialId: 'humber:x',
        period: { label: 'fall 2025', start: '2025-09-01', end: '2025-02-30' },
        enrolments: 'many',
        completions: -1,
        credentialsAwarded: 1,
        counts: { source: 'GUESS', method: '' },
        satisfaction: 'good',
        followUp: { monthsAfter: 6, respondents: 10, provenance: { source: 'LEARNER_SURVEY', method: 'Survey' } },
      },
      7,
      slugOf,
    );
    expect(checked.report).toBeNull();
    expect(checked.problems.map((problem) => [problem.code, problem.path.join('.'), problem.line])).toEqual([
      ['FORBIDDEN', 'microCredentialId', 7],
      ['INVALID_FORMAT', 'period.label', 7],
      ['INVALID_DATE', 'period.end', 7],
      ['NOT_A_WHOLE_NUMBER', 'enrolments', 7],
      ['OUT_OF_RANGE', 'completions', 7],
      ['UNKNOWN_ENUM_VALUE', 'counts.source', 7],
      ['REQUIRED', 'counts.method', 7],
      ['NOT_AN_OBJECT', 'satisfaction', 7],
      ['REQUIRED', 'followUp.employed', 7],
    ]);
  });

  it('refuse a period that ends before it starts', () => {
    const checked = checkOutcomeReport(
      { ...report, period: { label: '2025', start: '2025-09-01', end: '2025-01-01' } },
      2,
      slugOf,
    );
    expect(checked.problems.map((problem) => [problem.code, problem.path])).toEqual([
      ['DATES_OUT_OF_ORDER', ['period', 'end']],
    ]);
  });
});

/**
 * The gateway's small-cell check (outcomeCells.ts) as pure logic over the
 * real contract. It reads the institution's answer, which is untrusted: an
 * answer of the wrong shape must not throw, and must not shield a count from
 * the check.
 */
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { answerPlan } from '../../gateway/datasources/answerPlan.js';
import { withholdSmallCells } from '../../gateway/datasources/outcomeCells.js';
import { buildCatalogueContract } from '../../gateway/registry/conformance.js';

const contract = buildCatalogueContract();
const query = `{ outcomeReports(institution: "humber") { reports {
  microCredentialId period { start end } enrolments completions suppressed } } }`;

function withhold(reports: unknown[]) {
  const data = { outcomeReports: { reports } };
  const errors = withholdSmallCells(data, answerPlan(query, parse(query), contract), 'humber');
  return {
    reports: data.outcomeReports.reports,
    codes: errors.map((e) => [e.extensions!.code, e.extensions!.institution]),
  };
}

const report = (period: unknown, counts: object = { enrolments: 40, completions: 30 }) => ({
  microCredentialId: 'humber:a',
  period,
  ...counts,
  suppressed: [],
});

describe('withholdSmallCells', () => {
  it('leaves valid reports of periods apart as they are, and withholds reports of overlapping periods', () => {
    const fall = { start: '2025-09-01', end: '2025-12-31' };
    const spring = { start: '2026-01-01', end: '2026-04-30' };
    expect(withhold([report(fall), report(spring)]).reports).toEqual([report(fall), report(spring)]);
    const year = { start: '2025-01-01', end: '2025-12-31' };
    expect(withhold([report(fall), report(year)]).reports).toEqual([
      { ...report(fall, { enrolments: null, completions: null }), suppressed: ['ENROLMENTS', 'COMPLETIONS'] },
      { ...report(year, { enrolments: null, completions: null }), suppressed: ['ENROLMENTS', 'COMPLETIONS'] },
    ]);
  });

  it.each([
    ['a string', '2025-fall'],
    ['a list', ['2025-09-01', '2025-12-31']],
    ['a number', 2025],
    ['null', null],
  ])('reads a period that is %s as no period, and still withholds small counts naming the institution', (_, period) => {
    const result = withhold([report(period, { enrolments: 40, completions: 35 })]);
    // 40 - 35 = 5 did not complete: completions are withheld, whatever the period.
    expect(result.reports).toEqual([
      { ...report(period, { enrolments: 40, completions: null }), suppressed: ['COMPLETIONS'] },
    ]);
    expect(result.codes).toEqual([]);
    const small = withhold([report(period, { enrolments: 4, completions: 2 })]);
    expect(small.reports[0]).toMatchObject({ enrolments: null, completions: null });
    expect(small.codes).toEqual([['INSTITUTION_UNSUPPRESSED_CELL', 'humber']]);
  });

  it('does not throw on a period whose dates are not strings', () => {
    const result = withhold([report({ start: 1, end: {} }), report({ start: '2025-01-01', end: '2025-12-31' })]);
    expect(result.reports.map((r: any) => r.enrolments)).toEqual([40, 40]);
  });
});

/** Small-cell suppression: the one rule the source, the gateway and the insights apply. */
import { describe, expect, it } from 'vitest';
import { minimumCell, suppressSmallCells } from '../../runtime/outcomeSuppression.js';
import type { SearchDocument } from '../../subgraphs/search/documents/searchDocument.js';
import { outcomeRows, type FetchedReport } from '../../subgraphs/search/insights/outcomes.js';

describe('suppressSmallCells', () => {
  it('withholds every count below 10 (primary), and the parts of a withheld total', () => {
    const { counts, suppressed } = suppressSmallCells({ enrolments: 8, completions: 6, credentialsAwarded: 6 });
    expect(counts).toMatchObject({ enrolments: null, completions: null, credentialsAwarded: null });
    expect(suppressed).toEqual(['enrolments', 'completions', 'credentialsAwarded']);
  });

  it('withholds a part when total minus part would reveal fewer than 10 learners (secondary)', () => {
    // 25 enrolled, 18 completed: publishing both reveals 7 non-completers.
    const { counts, suppressed } = suppressSmallCells({ enrolments: 25, completions: 18, credentialsAwarded: 12 });
    expect(counts.enrolments).toBe(25);
    expect(counts.completions).toBeNull();
    // 25 - 12 = 13 learners without a credential: large enough, and completions stay hidden.
    expect(counts.credentialsAwarded).toBe(12);
    expect(suppressed).toEqual(['completions']);
  });

  it('publishes every count when each count and each difference is at least 10', () => {
    const reported = {
      enrolments: 120,
      completions: 90,
      credentialsAwarded: 80,
      satisfactionRespondents: 60,
      satisfied: 45,
      followUpRespondents: 50,
      employed: 30,
      furtherStudy: 12,
    };
    const { counts, suppressed } = suppressSmallCells(reported);
    expect(counts).toEqual(reported);
    expect(suppressed).toEqual([]);
  });

  it('withholds the follow-up and satisfaction parts by the same rule', () => {
    const { counts } = suppressSmallCells({
      enrolments: 100,
      completions: 50,
      credentialsAwarded: 50,
      satisfactionRespondents: 40,
      satisfied: 35,
      followUpRespondents: 30,
      employed: 25,
      furtherStudy: 4,
    });
    expect(counts).toMatchObject({ satisfied: null, employed: null, furtherStudy: null, followUpRespondents: 30 });
    // credentialsAwarded = completions: a difference of 0 would say "every completer got one", which is fine to
    // know only when it is not a small group; 0 is below 10, so the part is withheld.
    expect(counts.credentialsAwarded).toBeNull();
  });

  it('publishes nothing of a report that contradicts itself (a part larger than its total)', () => {
    const { counts } = suppressSmallCells({ enrolments: 40, completions: 55, credentialsAwarded: 20 });
    expect(Object.values(counts).every((value) => value === null)).toBe(true);
  });

  it('never publishes a value below the minimum, whatever is reported', () => {
    for (let enrolments = 0; enrolments < 40; enrolments++) {
      for (let completions = 0; completions <= enrolments; completions++) {
        const { counts } = suppressSmallCells({ enrolments, completions });
        for (const value of Object.values(counts))
          if (value !== null) expect(value).toBeGreaterThanOrEqual(minimumCell);
        if (counts.enrolments !== null && counts.completions !== null)
          expect(counts.enrolments - counts.completions).toBeGreaterThanOrEqual(minimumCell);
      }
    }
  });
});

describe('insights cannot be combined to reveal a withheld count', () => {
  const document = (id: string, oqfBand: SearchDocument['oqfBand'], deliveryMode: SearchDocument['deliveryMode']) =>
    [id, { id, oqfBand, deliveryMode, institutionType: 'PUBLIC_COLLEGE' } as SearchDocument] as const;
  const documents = new Map([
    document('a:one', 'CERTIFICATE_I', 'ONLINE_ASYNCHRONOUS'),
    document('a:two', 'CERTIFICATE_I', 'IN_PERSON'),
    document('a:three', 'CERTIFICATE_II', 'IN_PERSON'),
  ]);
  const report = (id: string, label: string, enrolments: number, completions: number): FetchedReport => ({
    microCredentialId: id,
    period: { label, start: `${label}-01-01`, end: `${label}-12-31` },
    enrolments,
    completions,
  });
  /** Whatever a (careless) source let through for the small groups, the view must not change. */
  const reports = (smallCompletions: number, nearTotal: number) => [
    report('a:one', '2025', 30, 20),
    // 7 completions of 14: a small cell.
    report('a:two', '2025', 14, smallCompletions),
    // 5 non-completers of 40: total minus completions would reveal it.
    report('a:three', '2025', 40, nearTotal),
    report('a:three', '2024', 50, 25),
  ];
  const views = (list: FetchedReport[]) => ({
    byBand: outcomeRows(list, documents, (d) => d.oqfBand),
    byMode: outcomeRows(list, documents, (d) => d.deliveryMode),
    byType: outcomeRows(list, documents, (d) => d.institutionType),
  });

  it('answers every grouping identically whatever the withheld cells hold', () => {
    // Two groupings (and a third) asked for separately: if any combination of their numbers depended on a
    // withheld count, some answer would differ between these worlds. None does.
    const reference = views(reports(7, 35));
    for (const [small, near] of [
      [1, 31],
      [9, 39],
      [0, 40],
    ] as const) {
      expect(views(reports(small, near))).toEqual(reference);
    }
  });

  it('sums only reports with both counts published, and counts the others as withheld', () => {
    const { byBand, byMode } = views(reports(7, 35));
    expect(byBand).toEqual([
      expect.objectContaining({
        key: 'CERTIFICATE_I',
        reports: 1,
        withheldReports: 1,
        enrolments: 30,
        completions: 20,
      }),
      expect.objectContaining({
        key: 'CERTIFICATE_II',
        reports: 1,
        withheldReports: 1,
        enrolments: 50,
        completions: 25,
      }),
    ]);
    // Grouped differently, the same two reports: total minus the visible row gives the other visible row, never a hidden one.
    const totalEnrolments = (rows: typeof byBand) => rows.reduce((sum, row) => sum + (row.enrolments ?? 0), 0);
    expect(totalEnrolments(byMode)).toBe(totalEnrolments(byBand));
    expect(byMode.find((row) => row.key === 'IN_PERSON')).toMatchObject({ reports: 1, withheldReports: 2 });
  });

  it('withholds both of two overlapping periods of one entry (a year minus a term inside it)', () => {
    const overlapping = [
      report('a:one', '2025', 30, 20),
      {
        ...report('a:one', '2025-fall', 22, 12),
        period: { label: '2025-fall', start: '2025-09-01', end: '2025-12-31' },
      },
    ];
    const [row] = outcomeRows(overlapping, documents, (d) => d.oqfBand);
    expect(row).toMatchObject({ reports: 0, withheldReports: 2, enrolments: null });
  });
});

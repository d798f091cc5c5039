/**
 * Small-cell suppression of outcome counts, applied three times with this one
 * rule: by the reference catalogue when it answers (the source), by the
 * gateway on every answer an institution sends (a careless or hostile
 * institution may send small counts), and by the insights view before it sums.
 *
 * Primary suppression: a count below `minimumCell` (10) is withheld.
 * Secondary suppression: every count that is part of another (completions of
 * enrolments, awards of completions, satisfied of respondents, ...) hides the
 * difference between the two, a group of learners that is never published.
 * When both are published and their difference is below the minimum, the part
 * is withheld too, so "total minus the others" reveals nothing. A withheld
 * count is never summed anywhere (insights add up published counts only), so
 * no grouping, period or combination of queries can bring it back.
 */

export const minimumCell = 10;

export const outcomeCells = [
  'enrolments',
  'completions',
  'credentialsAwarded',
  'satisfactionRespondents',
  'satisfied',
  'followUpRespondents',
  'employed',
  'furtherStudy',
] as const;
export type OutcomeCell = (typeof outcomeCells)[number];

/** The contract's `OutcomeCell` enum value of a cell: `credentialsAwarded` → `CREDENTIALS_AWARDED`. */
export function outcomeCellEnum(cell: OutcomeCell): string {
  return cell.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase();
}

export type OutcomeCounts = Partial<Record<OutcomeCell, number | null>>;

/** `[total, part]`: the part's learners are among the total's. */
export const containedIn: ReadonlyArray<readonly [OutcomeCell, OutcomeCell]> = [
  ['enrolments', 'completions'],
  ['enrolments', 'credentialsAwarded'],
  ['completions', 'credentialsAwarded'],
  ['satisfactionRespondents', 'satisfied'],
  ['followUpRespondents', 'employed'],
  ['followUpRespondents', 'furtherStudy'],
];

export interface SuppressedCounts {
  /** Published counts; withheld and unreported cells are null. */
  counts: Record<OutcomeCell, number | null>;
  /** The cells withheld (reported, but not published). */
  suppressed: OutcomeCell[];
}

/** Problems that make a report unpublishable as a whole: not counts, or a part larger than its total. */
export function inconsistentCounts(counts: OutcomeCounts): string[] {
  const problems: string[] = [];
  for (const cell of outcomeCells) {
    const value = counts[cell];
    if (value != null && !(Number.isInteger(value) && value >= 0)) problems.push(`${cell} is not a count`);
  }
  for (const [total, part] of containedIn) {
    const t = counts[total];
    const p = counts[part];
    if (t != null && p != null && p > t) problems.push(`${part} (${p}) exceeds ${total} (${t})`);
  }
  return problems;
}

export function suppressSmallCells(reported: OutcomeCounts): SuppressedCounts {
  const counts = Object.fromEntries(outcomeCells.map((cell) => [cell, reported[cell] ?? null])) as Record<
    OutcomeCell,
    number | null
  >;
  const hidden = new Set<OutcomeCell>();
  // A report that contradicts itself could reveal anything: nothing of it is published.
  const inconsistent = inconsistentCounts(reported).length > 0;
  for (const cell of outcomeCells) {
    const value = counts[cell];
    if (value !== null && (inconsistent || value < minimumCell)) hidden.add(cell);
  }
  // Hiding a part never makes another difference computable, so one pass in containment order settles it.
  for (const [total, part] of containedIn) {
    const t = counts[total];
    const p = counts[part];
    if (t === null || p === null || hidden.has(total) || hidden.has(part)) continue;
    if (t - p < minimumCell) hidden.add(part);
  }
  for (const cell of hidden) counts[cell] = null;
  return { counts, suppressed: outcomeCells.filter((cell) => hidden.has(cell)) };
}

/** A median time to completion describes the completers: published only when their count is. */
export function publishedMedian(median: number | null | undefined, published: SuppressedCounts): number | null {
  return median != null && published.counts.completions !== null ? median : null;
}

/** Whether two reporting periods (`YYYY-MM-DD`, ends included) share a day. */
export function periodsOverlap(a: { start: string; end: string }, b: { start: string; end: string }): boolean {
  return a.start <= b.end && b.start <= a.end;
}

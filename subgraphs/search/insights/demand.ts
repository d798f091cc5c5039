/** Demand and gaps, from the daily aggregates (demand/DemandLog.ts) over a range of days. */
import type { SearchDocument } from '../documents/searchDocument.js';
import { demandTables, otherKey, type DemandDay, type DemandTable } from '../demand/DemandLog.js';
import { withheldQuery } from '../demand/queryText.js';
import { sortedRows, type CountRow } from './rows.js';

/** A query text is listed only when searched this often in the range: rare texts are where a name would hide. */
export const minQuerySearches = 3;
/** Fewer active entries than this for something people search is a gap. */
export const gapThreshold = 3;

export interface DemandInsights {
  searches: number;
  zeroResultSearches: number;
  opens: number;
  daily: Array<{ date: string; searches: number; zeroResultSearches: number; opens: number }>;
  topQueries: CountRow[];
  zeroResultQueries: CountRow[];
  byTheme: CountRow[];
  byRegion: CountRow[];
  filtersUsed: CountRow[];
  mostOpened: CountRow[];
}

export interface GapRow {
  kind: 'OCCUPATION' | 'SKILL' | 'QUERY';
  key: string;
  label: string;
  searches: number;
  entries: number;
}

export function summed(days: DemandDay[]): Record<DemandTable, Map<string, number>> {
  const totals = Object.fromEntries(demandTables.map((table) => [table, new Map<string, number>()])) as Record<
    DemandTable,
    Map<string, number>
  >;
  for (const day of days) {
    for (const table of demandTables) {
      for (const [key, count] of Object.entries(day.counts[table] ?? {})) {
        totals[table].set(key, (totals[table].get(key) ?? 0) + count);
      }
    }
  }
  return totals;
}

function listedQueries(counts: Map<string, number>): CountRow[] {
  return sortedRows(
    new Map(
      [...counts].filter(
        ([query, count]) => count >= minQuerySearches && query !== otherKey && query !== withheldQuery,
      ),
    ),
  ).slice(0, 100);
}

export function demandInsights(days: DemandDay[], titleOf: (id: string) => string): DemandInsights {
  const totals = summed(days);
  return {
    searches: days.reduce((sum, day) => sum + day.searches, 0),
    zeroResultSearches: days.reduce((sum, day) => sum + day.zeroResultSearches, 0),
    opens: days.reduce((sum, day) => sum + day.opens, 0),
    daily: days.map(({ date, searches, zeroResultSearches, opens }) => ({ date, searches, zeroResultSearches, opens })),
    topQueries: listedQueries(totals.queries),
    zeroResultQueries: listedQueries(totals.zeroResultQueries),
    byTheme: sortedRows(totals.themes),
    byRegion: sortedRows(totals.regions),
    filtersUsed: sortedRows(totals.filters).slice(0, 100),
    mostOpened: sortedRows(totals.opened, titleOf).slice(0, 50),
  };
}

/** Occupations and skills chosen as filters, and queries that found nothing, with few or no active entries. */
export function gapRows(days: DemandDay[], documents: SearchDocument[]): GapRow[] {
  const totals = summed(days);
  const entriesWith = (has: (document: SearchDocument) => boolean) => documents.filter(has).length;
  const rows: GapRow[] = [
    ...[...totals.occupations].map(([code, searches]) => ({
      kind: 'OCCUPATION' as const,
      key: code,
      label: code,
      searches,
      entries: entriesWith((document) => document.occupations.includes(code)),
    })),
    ...[...totals.skills].map(([skill, searches]) => ({
      kind: 'SKILL' as const,
      key: skill,
      label: skill,
      searches,
      entries: entriesWith((document) => document.skills.some((label) => label.toLowerCase() === skill)),
    })),
    ...listedQueries(totals.zeroResultQueries).map((row) => ({
      kind: 'QUERY' as const,
      key: row.key,
      label: row.label,
      searches: row.count,
      entries: 0,
    })),
  ];
  return rows
    .filter((row) => row.entries < gapThreshold && row.key !== otherKey)
    .sort((a, b) => b.searches - a.searches || a.entries - b.entries || (a.key < b.key ? -1 : 1));
}

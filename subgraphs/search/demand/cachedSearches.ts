/**
 * `POST /demand/cached-searches`: the gateway's report of searches it answered
 * from its response cache, each the anonymised record this service handed it
 * with the cached answer (demandExtension.ts) and how many times it was served.
 * Only the gateway may report (the registry token, compared in constant time);
 * nothing about the clients is sent, and each record is checked again here
 * (the query normalised and screened once more, every size bounded), so a
 * report can add counts but never text demand would not have kept.
 */
import express, { type Express } from 'express';
import { bearerToken } from '../../../runtime/bearerToken.js';
import { sameSecret } from '../../../runtime/sameSecret.js';
import type { DemandLog, SearchDemand } from './DemandLog.js';
import { normaliseQuery } from './queryText.js';

export const cachedSearchesPath = '/demand/cached-searches';
const maxRecords = 10_000;
const maxCount = 1_000_000;
const maxLabel = 100;

export interface CachedSearchCount {
  demand: SearchDemand;
  count: number;
}

export function mountCachedSearches(app: Express, demand: DemandLog, registryToken: string | undefined): void {
  app.post(cachedSearchesPath, express.json({ limit: '2mb' }), (req, res) => {
    if (!registryToken || !sameSecret(bearerToken(req.headers.authorization) ?? '', registryToken)) {
      res.status(401).json({ error: 'the registry token is required', code: 'UNAUTHENTICATED' });
      return;
    }
    const searches = cachedSearchCounts(req.body);
    if (typeof searches === 'string') {
      res.status(400).json({ error: searches, code: 'BAD_CACHED_SEARCHES' });
      return;
    }
    for (const { demand: record, count } of searches) demand.recordSearch(record, count);
    res.json({ counted: searches.reduce((sum, { count }) => sum + count, 0) });
  });
}

/** The report's searches, or what is wrong with it. */
export function cachedSearchCounts(body: unknown): CachedSearchCount[] | string {
  const searches = (body as { searches?: unknown } | undefined)?.searches;
  if (!Array.isArray(searches) || searches.length > maxRecords)
    return `searches must be a list of at most ${maxRecords} { demand, count }`;
  const counts: CachedSearchCount[] = [];
  for (const [index, item] of searches.entries()) {
    const { demand, count } = (item ?? {}) as { demand?: unknown; count?: unknown };
    const record = searchDemandOf(demand);
    if (!record) return `searches[${index}].demand is not a search demand record`;
    if (!Number.isInteger(count) || (count as number) < 1 || (count as number) > maxCount)
      return `searches[${index}].count must be an integer from 1 to ${maxCount}`;
    counts.push({ demand: record, count: count as number });
  }
  return counts;
}

function searchDemandOf(value: unknown): SearchDemand | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { query, total, filters, theme } = value as Record<string, unknown>;
  if (query !== null && !label(query)) return undefined;
  if (!Number.isInteger(total) || (total as number) < 0) return undefined;
  if (theme !== null && !label(theme)) return undefined;
  if (typeof filters !== 'object' || filters === null || Array.isArray(filters)) return undefined;
  const entries = Object.entries(filters);
  if (entries.length > 50) return undefined;
  if (
    !entries.every(
      ([name, values]) => label(name) && Array.isArray(values) && values.length <= 100 && values.every(label),
    )
  )
    return undefined;
  return {
    query: normaliseQuery(query as string | null),
    total: total as number,
    filters: Object.fromEntries(entries) as Record<string, string[]>,
    theme: theme as string | null,
  };
}

function label(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= maxLabel;
}

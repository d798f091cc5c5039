/**
 * Counters of the gateway's response cache, kept as plain numbers so any
 * exporter (GET /metrics through GatewayMetrics.registerCache, a benchmark)
 * can read them without this module depending on it. Names follow Prometheus conventions.
 */
import type { CacheDecision } from './cachedResponse.js';

export const responseCacheMetrics = {
  /** Answers served from the cache. */
  gateway_response_cache_hits_total: 0,
  /** Public queries executed because nothing was cached for them. */
  gateway_response_cache_misses_total: 0,
  /** Requests the cache stayed out of: credentials, mutations, feeds, or the cache switched off. */
  gateway_response_cache_bypasses_total: 0,
  /** Answers stored. */
  gateway_response_cache_stores_total: 0,
  /** Answers dropped because data they were built from changed. */
  gateway_response_cache_invalidated_total: 0,
  /** Answers dropped to stay within the memory bound. */
  gateway_response_cache_evicted_total: 0,
  /** Answers held now. */
  gateway_response_cache_entries: 0,
  /** Bytes of JSON held now. */
  gateway_response_cache_bytes: 0,
};

export type ResponseCacheMetric = keyof typeof responseCacheMetrics;

/** Counts one answer by what the cache did for it. */
export function countCacheDecision(decision: CacheDecision): void {
  responseCacheMetrics[
    decision === 'HIT'
      ? 'gateway_response_cache_hits_total'
      : decision === 'MISS'
        ? 'gateway_response_cache_misses_total'
        : 'gateway_response_cache_bypasses_total'
  ]++;
}

/**
 * The gateway's cached answers, each tagged with the data it was built from
 * (`framework`, `search`, `institution:<code>`). Invalidating a tag drops
 * every answer carrying it. Bounded in bytes and entries, least recently
 * used first.
 *
 * Races are settled with a logical clock: a request notes `now()` before it
 * executes, and its answer is refused if any of its tags was invalidated
 * since, because it may have read the data before the change.
 */
import { createHash } from 'node:crypto';
import { responseCacheMetrics as metrics } from './metrics.js';

export interface CachedAnswer {
  /** The serialized GraphQL result. */
  json: string;
  /** A strong validator of `json`. */
  etag: string;
  tags: readonly string[];
  /** Search's demand records for the searches the answer stands for, counted again on each hit. */
  searches: readonly unknown[];
}

export interface ResponseStoreLimits {
  maxBytes: number;
  maxEntries: number;
}

export class ResponseStore {
  /** Map order is recency: a hit moves its entry to the end. */
  private readonly entries = new Map<string, CachedAnswer>();
  private readonly keysByTag = new Map<string, Set<string>>();
  private readonly invalidatedAt = new Map<string, number>();
  private clearedAt = 0;
  private clock = 0;
  private bytes = 0;

  /** `served` is told of every answer handed out (both ways hits are served read through `get`). */
  constructor(
    private readonly limits: ResponseStoreLimits,
    private readonly served: (answer: CachedAnswer) => void = () => {},
  ) {}

  now(): number {
    return this.clock;
  }

  get(key: string): CachedAnswer | undefined {
    const answer = this.entries.get(key);
    if (answer) {
      this.entries.delete(key);
      this.entries.set(key, answer);
      this.served(answer);
    }
    return answer;
  }

  /** Stores `json` unless a tag was invalidated after `since`; returns the stored answer. */
  set(
    key: string,
    json: string,
    tags: Iterable<string>,
    since: number,
    searches: readonly unknown[] = [],
  ): CachedAnswer | undefined {
    const tagList = [...tags];
    if (this.clearedAt > since || tagList.some((tag) => (this.invalidatedAt.get(tag) ?? 0) > since)) return undefined;
    if (json.length > this.limits.maxBytes / 10) return undefined;
    this.delete(key);
    const answer: CachedAnswer = {
      json,
      etag: `"${createHash('sha1').update(json).digest('base64url')}"`,
      tags: tagList,
      searches,
    };
    this.entries.set(key, answer);
    for (const tag of tagList) {
      const keys = this.keysByTag.get(tag) ?? new Set();
      this.keysByTag.set(tag, keys);
      keys.add(key);
    }
    this.bytes += json.length;
    metrics.gateway_response_cache_stores_total++;
    this.evict();
    this.publishSize();
    return answer;
  }

  /** Drops every answer built from `tag`. */
  invalidate(tag: string): void {
    this.invalidatedAt.set(tag, ++this.clock);
    const keys = this.keysByTag.get(tag);
    if (!keys) return;
    metrics.gateway_response_cache_invalidated_total += keys.size;
    for (const key of [...keys]) this.delete(key);
    this.keysByTag.delete(tag);
    this.publishSize();
  }

  clear(): void {
    this.clearedAt = ++this.clock;
    metrics.gateway_response_cache_invalidated_total += this.entries.size;
    this.entries.clear();
    this.keysByTag.clear();
    this.bytes = 0;
    this.publishSize();
  }

  private delete(key: string): void {
    const answer = this.entries.get(key);
    if (!answer) return;
    this.entries.delete(key);
    this.bytes -= answer.json.length;
    for (const tag of answer.tags) this.keysByTag.get(tag)?.delete(key);
  }

  private evict(): void {
    for (const key of this.entries.keys()) {
      if (this.bytes <= this.limits.maxBytes && this.entries.size <= this.limits.maxEntries) return;
      this.delete(key);
      metrics.gateway_response_cache_evicted_total++;
    }
  }

  private publishSize(): void {
    metrics.gateway_response_cache_entries = this.entries.size;
    metrics.gateway_response_cache_bytes = this.bytes;
  }
}

/**
 * Searches the response cache answered, waiting to be reported to search:
 * each anonymised demand record search handed over with a cached answer
 * (requestScope.ts), with how many times it was served since the last report.
 * Identical records are counted together, so a batch holds at most one entry
 * per distinct record, never more than the cache holds answers.
 */
export interface CachedSearchCount {
  demand: unknown;
  count: number;
}

export class CachedSearchCounts {
  private counts = new Map<string, CachedSearchCount>();

  /** One served answer that carried these records. */
  add(records: readonly unknown[]): void {
    this.addCounts(records.map((demand) => ({ demand, count: 1 })));
  }

  /** Adds counts (a report that failed goes back, to be sent with the next one). */
  addCounts(counts: readonly CachedSearchCount[]): void {
    for (const { demand, count } of counts) {
      const key = JSON.stringify(demand);
      const entry = this.counts.get(key);
      if (entry) entry.count += count;
      else this.counts.set(key, { demand, count });
    }
  }

  /** Everything counted so far, leaving the batch empty. */
  take(): CachedSearchCount[] {
    const taken = [...this.counts.values()];
    this.counts = new Map();
    return taken;
  }
}

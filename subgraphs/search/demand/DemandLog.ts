/**
 * Anonymous demand, as daily aggregates: how often each normalised query was
 * searched (and found nothing), which filters were used, which themes the
 * results fell in, which entries were opened. A record is a day and a count,
 * never a search: the log is given no request, so no address, identifier,
 * cookie or user agent can reach it (queryText.ts withholds personal details
 * typed into the box).
 *
 * Storage: one JSON file per day under `dir`, rewritten atomically (temporary
 * file, then rename) every `flushMs` and on stop. The search service has no
 * database, and these are small bounded counters (at most `maxKeysPerTable`
 * keys per table per day) that are only ever read whole by day, so a file per
 * day keeps the service free of a database to provision and makes retention a
 * file deletion. Without `dir` the log is kept in memory only.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const demandTables = [
  'queries',
  'zeroResultQueries',
  'filters',
  'themes',
  'regions',
  'occupations',
  'skills',
  'opened',
] as const;
export type DemandTable = (typeof demandTables)[number];

export interface DemandDay {
  date: string;
  searches: number;
  zeroResultSearches: number;
  opens: number;
  counts: Record<DemandTable, Record<string, number>>;
}

/** Keys past this many in one table and day are counted under `(other)`, so a flood cannot grow a file. */
export const maxKeysPerTable = 5000;
export const otherKey = '(other)';

export interface SearchDemand {
  query: string | null;
  total: number;
  /** Filter name → the values used. */
  filters: Record<string, readonly string[]>;
  /** NOC themes of what matched (the most frequent occupation's broad category). */
  theme: string | null;
}

export interface DemandLogOptions {
  dir?: string;
  retentionDays: number;
  flushMs?: number;
  now?: () => Date;
  log?: (message: string) => void;
}

const dayFile = /^(\d{4}-\d{2}-\d{2})\.json$/;

export class DemandLog {
  private readonly days = new Map<string, DemandDay>();
  private readonly dirty = new Set<string>();
  /** Keys per table, so bounding a table costs nothing per search. */
  private readonly sizes = new WeakMap<Record<string, number>, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: DemandLogOptions) {
    this.options = { ...options };
  }

  async start(): Promise<void> {
    const { dir } = this.options;
    if (dir) {
      try {
        await mkdir(dir, { recursive: true });
      } catch (error) {
        // Search must keep answering: demand is counted in memory until the directory is fixed.
        this.options.log?.(`demand log: cannot use ${dir} (${(error as Error).message}); counting in memory only`);
        this.options.dir = undefined;
        return this.start();
      }
      for (const name of await readdir(dir)) {
        const date = dayFile.exec(name)?.[1];
        if (!date) continue;
        try {
          this.days.set(date, JSON.parse(await readFile(join(dir, name), 'utf8')) as DemandDay);
        } catch {
          this.options.log?.(`demand log: ${name} is unreadable and was skipped`);
        }
      }
    }
    await this.applyRetention();
    this.timer = setInterval(() => void this.flush().catch(() => {}), this.options.flushMs ?? 60_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  /** Counts `times` identical searches (more than one when the gateway reports its cache's answers). */
  recordSearch(demand: SearchDemand, times = 1): void {
    const day = this.today();
    day.searches += times;
    if (demand.total === 0) day.zeroResultSearches += times;
    if (demand.query !== null) {
      this.add(day, 'queries', demand.query, times);
      if (demand.total === 0) this.add(day, 'zeroResultQueries', demand.query, times);
    }
    for (const [name, values] of Object.entries(demand.filters)) {
      for (const value of values) this.add(day, 'filters', `${name}=${value}`, times);
    }
    for (const region of demand.filters.regions ?? []) this.add(day, 'regions', region, times);
    for (const code of demand.filters.occupations ?? []) this.add(day, 'occupations', code, times);
    for (const label of demand.filters.skills ?? []) this.add(day, 'skills', label, times);
    if (demand.theme) this.add(day, 'themes', demand.theme, times);
  }

  recordOpen(id: string): void {
    const day = this.today();
    day.opens++;
    this.add(day, 'opened', id);
  }

  /** Days from `from` to `to` (inclusive, `YYYY-MM-DD`), oldest first. */
  daysBetween(from: string, to: string): DemandDay[] {
    return [...this.days.values()]
      .filter((day) => day.date >= from && day.date <= to)
      .sort((a, b) => (a.date < b.date ? -1 : 1));
  }

  async flush(): Promise<void> {
    const { dir } = this.options;
    const dates = [...this.dirty];
    this.dirty.clear();
    if (dir) {
      for (const date of dates) {
        const day = this.days.get(date);
        if (!day) continue;
        const file = join(dir, `${date}.json`);
        try {
          await writeFile(`${file}.tmp`, JSON.stringify(day));
          await rename(`${file}.tmp`, file);
        } catch (error) {
          // Kept in memory and written again on the next flush.
          this.dirty.add(date);
          this.options.log?.(`demand log: writing ${file} failed: ${(error as Error).message}`);
        }
      }
    }
    await this.applyRetention();
  }

  private async applyRetention(): Promise<void> {
    const cutoff = new Date(this.now().getTime() - this.options.retentionDays * 86_400_000).toISOString().slice(0, 10);
    for (const date of [...this.days.keys()]) {
      if (date >= cutoff) continue;
      this.days.delete(date);
      if (this.options.dir) await rm(join(this.options.dir, `${date}.json`), { force: true });
    }
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private today(): DemandDay {
    const date = this.now().toISOString().slice(0, 10);
    let day = this.days.get(date);
    if (!day) {
      day = {
        date,
        searches: 0,
        zeroResultSearches: 0,
        opens: 0,
        counts: Object.fromEntries(demandTables.map((table) => [table, {}])) as DemandDay['counts'],
      };
      this.days.set(date, day);
    }
    this.dirty.add(date);
    return day;
  }

  private add(day: DemandDay, table: DemandTable, key: string, times = 1): void {
    const counts = day.counts[table];
    const size = this.sizes.get(counts) ?? Object.keys(counts).length;
    const stored = Object.hasOwn(counts, key) || size < maxKeysPerTable ? key : otherKey;
    const current = Object.hasOwn(counts, stored) ? counts[stored]! : 0;
    if (current === 0) this.sizes.set(counts, size + 1);
    // Defined, not assigned: a query such as "__proto__" or "constructor" is an ordinary key here.
    Object.defineProperty(counts, stored, {
      value: current + times,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
}

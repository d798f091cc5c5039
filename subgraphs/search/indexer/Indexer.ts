/**
 * Keeps the search index in step with every institution's catalogue.
 *
 * A pass lists the institutions, drops those no longer registered, and
 * follows each institution's change feed from its own cursor: the first pass
 * loads everything from the start, later ones only what changed. One
 * institution failing is recorded and retried on the next pass from where it
 * stopped; the others carry on. The index is "ready" once every institution
 * has been tried at least once and at least one was loaded; before that,
 * searches are refused rather than answered from a partial or empty index.
 *
 * Passes never overlap: scheduled, on-demand and rebuild runs queue. The
 * first pass of each new day is a full rebuild, because "next start date"
 * and "cost" depend on which intakes are still upcoming.
 */
import { describeFeedEntryProblems } from '../documents/feedEntryProblems.js';
import { parseFeedEntry } from '../documents/fromFeedEntry.js';
import type { SearchDocument } from '../documents/searchDocument.js';
import type { IndexWriter, SearchBackend } from '../backends/SearchBackend.js';
import type { CatalogueFeed, TrustMarkFeed } from './CatalogueFeed.js';

/**
 * Pause between passes. Result cards are served from the index, so a publish
 * must reach it within 2 s (issue 10): a pass that finds nothing new costs one
 * empty `changes` page per institution, and the gateway's response cache
 * notices the new `indexVersion` within its own 500 ms.
 */
export const defaultPassIntervalMs = 500;

export type InstitutionIndexState = 'PENDING' | 'UP_TO_DATE' | 'UNAVAILABLE';

export interface InstitutionProgress {
  code: string;
  state: InstitutionIndexState;
  cursor: string | null;
  /** Identifies the feed the cursor belongs to: its first change (cursor, entry, time). */
  origin: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  rejectedEntries: number;
}

export interface PassReport {
  kind: 'incremental' | 'rebuild';
  startedAt: string;
  finishedAt: string;
  upserted: number;
  removed: number;
  failedInstitutions: string[];
  /** Set when the institution list itself could not be read. */
  error?: string;
}

export interface IndexerOptions {
  feed: CatalogueFeed;
  /** Followed after the institutions on each incremental pass; entries it names are read afresh. */
  trustMarks?: TrustMarkFeed;
  backend: SearchBackend;
  pageSize?: number;
  /** Institutions read at the same time. */
  concurrency?: number;
  now?: () => Date;
  log?: (message: string) => void;
}

export interface IndexerSnapshotState {
  day: string | null;
  progress: InstitutionProgress[];
}

export class Indexer {
  private readonly progress = new Map<string, InstitutionProgress>();
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private indexedDay: string | null = null;
  private readyFlag = false;
  /** Institutions restored from a snapshot whose feed must be checked to be the same feed before resuming. */
  private readonly unverified = new Set<string>();
  lastPass: PassReport | undefined;
  /** Moves whenever the index's content may have changed; unique per process start (see `version`). */
  private contentChanges = 0;
  private readonly startedAt = Date.now().toString(36);
  /** Position in the trust-mark feed; null after a start, so it is re-read once (harmless upserts). */
  private trustMarkCursor: string | null = null;
  /** Called after every pass that changed the index (snapshots hook in here). */
  onIndexChanged: (() => Promise<void>) | undefined;

  constructor(private readonly options: IndexerOptions) {}

  get ready(): boolean {
    return this.readyFlag;
  }

  /** `searchStatus.indexVersion`: lets caches in front of search drop answers the index no longer gives. */
  get version(): string {
    return `${this.startedAt}.${this.contentChanges}`;
  }

  institutions(): InstitutionProgress[] {
    return [...this.progress.values()].sort((a, b) => (a.code < b.code ? -1 : 1)).map((p) => ({ ...p }));
  }

  /** Restores cursors saved with a snapshot of the index; the index is then ready as of that snapshot. */
  restore(state: IndexerSnapshotState): void {
    this.progress.clear();
    for (const entry of state.progress) {
      this.progress.set(entry.code, { ...entry });
      this.unverified.add(entry.code);
    }
    this.indexedDay = state.day;
    this.readyFlag = true;
    this.contentChanges++;
  }

  snapshotState(): IndexerSnapshotState {
    return { day: this.indexedDay, progress: this.institutions() };
  }

  /** Runs passes every `intervalMs` (the first one now) until stop(). */
  start(intervalMs: number): void {
    this.stopped = false;
    const loop = async () => {
      await this.runPass().catch((error) => this.log(`indexing pass failed: ${(error as Error).message}`));
      if (!this.stopped) this.timer = setTimeout(loop, intervalMs);
    };
    void loop();
  }

  /** Stops scheduling and waits for a pass in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.queue.catch(() => {});
  }

  /** One incremental pass (a rebuild if the day changed), after any pass already queued. */
  runPass(): Promise<PassReport> {
    return this.enqueue(() =>
      this.readyFlag && this.indexedDay !== this.today() ? this.rebuildNow() : this.incrementalPass(),
    );
  }

  /** Rebuilds the whole index from every feed's start, swapping it in when done. */
  rebuild(): Promise<PassReport> {
    return this.enqueue(() => this.rebuildNow());
  }

  private enqueue(task: () => Promise<PassReport>): Promise<PassReport> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => {});
    return run;
  }

  private async incrementalPass(): Promise<PassReport> {
    const report = this.newReport('incremental');
    const codes = await this.listInstitutions(report);
    if (!codes) return this.finish(report);
    const { backend } = this.options;
    for (const code of new Set([...this.progress.keys(), ...(await backend.indexedInstitutions())])) {
      if (codes.includes(code)) continue;
      await backend.removeInstitution(code);
      this.contentChanges++;
      this.progress.delete(code);
      this.log(`institution ${code} is no longer registered: its entries left the index`);
    }
    await this.forEachInstitution(codes, async (code) => {
      if (this.unverified.has(code) && !(await this.sameFeedAsSaved(code, report))) return;
      await this.follow(code, this.progressOf(code), backend, report);
    });
    await this.followTrustMarks(codes, report);
    if (this.indexedDay === null) this.indexedDay = this.today();
    // Ready once everyone was tried and someone answered: an index with every institution down is not served.
    const states = codes.map((code) => this.progressOf(code).state);
    if (codes.length === 0 || (!states.includes('PENDING') && states.includes('UP_TO_DATE'))) this.readyFlag = true;
    return this.finish(report);
  }

  private async rebuildNow(): Promise<PassReport> {
    const report = this.newReport('rebuild');
    const codes = await this.listInstitutions(report);
    if (!codes) return this.finish(report);
    const fresh = new Map<string, InstitutionProgress>();
    await this.options.backend.rebuild(async (writer) => {
      await this.forEachInstitution(codes, async (code) => {
        const progress = emptyProgress(code);
        fresh.set(code, progress);
        await this.follow(code, progress, writer, report);
        const previous = this.progress.get(code);
        if (progress.state === 'UNAVAILABLE' && previous && previous.state !== 'PENDING') {
          // Keep serving what we had for an institution that is down right now.
          await writer.removeInstitution(code);
          await writer.upsert(await this.options.backend.documentsOf(code));
          fresh.set(code, { ...previous, state: 'UNAVAILABLE', lastError: progress.lastError });
        }
      });
    });
    this.progress.clear();
    for (const [code, progress] of fresh) this.progress.set(code, progress);
    this.unverified.clear();
    this.indexedDay = this.today();
    this.readyFlag = true;
    return this.finish(report);
  }

  /**
   * A saved cursor only means something in the feed it came from: if the
   * institution's feed now starts differently (its catalogue was reset or
   * replaced), its entries are dropped and it is loaded again from the start.
   */
  private async sameFeedAsSaved(code: string, report: PassReport): Promise<boolean> {
    const progress = this.progressOf(code);
    try {
      const page = await this.options.feed.changes(code, null, 1);
      const origin = page.changes[0] ? originOf(page.changes[0]) : null;
      if (origin !== progress.origin) {
        await this.options.backend.removeInstitution(code);
        this.contentChanges++;
        Object.assign(progress, emptyProgress(code));
        this.log(`${code}: its change feed is not the one the saved index followed; reloading it from the start`);
      }
      this.unverified.delete(code);
      return true;
    } catch (error) {
      progress.state = 'UNAVAILABLE';
      progress.lastError = (error as Error).message.slice(0, 500);
      report.failedInstitutions.push(code);
      return false;
    }
  }

  private async listInstitutions(report: PassReport): Promise<string[] | undefined> {
    try {
      return await this.options.feed.institutions();
    } catch (error) {
      report.error = `institution list unavailable: ${(error as Error).message}`;
      this.log(report.error);
      return undefined;
    }
  }

  /** Reads the institution's feed from its cursor to the end, writing each page before moving the cursor. */
  private async follow(
    code: string,
    progress: InstitutionProgress,
    writer: IndexWriter,
    report: PassReport,
  ): Promise<void> {
    const pageSize = this.options.pageSize ?? 500;
    try {
      for (;;) {
        const page = await this.options.feed.changes(code, progress.cursor, pageSize);
        if (progress.cursor === null && page.changes[0]) progress.origin = originOf(page.changes[0]);
        const firstUnresolved = Math.min(page.changes.length, ...page.unresolved);
        const applicable = page.changes.slice(0, firstUnresolved);
        await this.apply(code, applicable, progress, writer, report);
        if (applicable.length) progress.cursor = applicable[applicable.length - 1]!.cursor;
        if (firstUnresolved < page.changes.length) {
          throw new Error(
            `change ${page.changes[firstUnresolved]!.cursor} could not be resolved; retrying from there later`,
          );
        }
        if (page.cursor) progress.cursor = page.cursor;
        if (!page.hasMore || page.changes.length === 0) break;
      }
      progress.state = 'UP_TO_DATE';
      progress.lastSuccessAt = this.now().toISOString();
      progress.lastError = null;
    } catch (error) {
      progress.state = 'UNAVAILABLE';
      progress.lastError = (error as Error).message.slice(0, 500);
      report.failedInstitutions.push(code);
      this.log(`indexing ${code} stopped at cursor ${progress.cursor ?? '(start)'}: ${progress.lastError}`);
    }
  }

  /**
   * Re-reads the entries the framework's trust-mark feed names. Only the
   * institutions' own feeds decide what is public: a null entry here is skipped,
   * never removed, and an unresolved one (its institution did not answer) stops
   * this feed there until the next pass. Entries of unregistered institutions are skipped.
   */
  private async followTrustMarks(codes: string[], report: PassReport): Promise<void> {
    const feed = this.options.trustMarks;
    if (!feed) return;
    try {
      for (;;) {
        const page = await feed.trustMarkChanges(this.trustMarkCursor, this.options.pageSize ?? 500);
        const firstUnresolved = Math.min(page.changes.length, ...page.unresolved);
        const applicable = page.changes.slice(0, firstUnresolved);
        for (const code of codes) {
          const own = applicable.filter(
            (change) => change.microCredential != null && change.microCredentialId.startsWith(`${code}:`),
          );
          if (own.length) await this.apply(code, own, this.progressOf(code), this.options.backend, report);
        }
        if (applicable.length) this.trustMarkCursor = applicable[applicable.length - 1]!.cursor;
        if (firstUnresolved < page.changes.length) {
          throw new Error(`${page.changes[firstUnresolved]!.microCredentialId} could not be resolved; retrying later`);
        }
        if (page.cursor) this.trustMarkCursor = page.cursor;
        if (!page.hasMore || page.changes.length === 0) break;
      }
    } catch (error) {
      this.log(`trust-mark changes stopped at ${this.trustMarkCursor ?? '(start)'}: ${(error as Error).message}`);
    }
  }

  /** Applies changes in order; only the last state of each entry on the page matters. */
  private async apply(
    code: string,
    changes: { microCredentialId: string; microCredential: unknown }[],
    progress: InstitutionProgress,
    writer: IndexWriter,
    report: PassReport,
  ): Promise<void> {
    const latest = new Map<string, unknown>();
    for (const change of changes) latest.set(change.microCredentialId, change.microCredential);
    const upserts: SearchDocument[] = [];
    const removals: string[] = [];
    const today = this.today();
    for (const [id, entry] of latest) {
      if (!id.startsWith(`${code}:`)) {
        progress.rejectedEntries++;
        this.log(`${code}: ignored a change for "${id.slice(0, 80)}", which belongs to another institution`);
        continue;
      }
      if (entry == null) {
        removals.push(id);
        continue;
      }
      const parsed = parseFeedEntry(entry, code, today);
      if (!parsed.ok) {
        progress.rejectedEntries++;
        removals.push(id);
        this.log(`${code}: rejected ${id}: ${describeFeedEntryProblems(parsed.problems)}`);
      } else if (parsed.value.id !== id) {
        progress.rejectedEntries++;
        removals.push(id);
        this.log(`${code}: change for ${id} carried entry ${parsed.value.id}`);
      } else {
        upserts.push(parsed.value);
      }
    }
    if (upserts.length) await writer.upsert(upserts);
    if (removals.length) await writer.remove(removals);
    report.upserted += upserts.length;
    report.removed += removals.length;
  }

  private async forEachInstitution(codes: string[], work: (code: string) => Promise<void>): Promise<void> {
    const pending = [...codes];
    const worker = async () => {
      for (let code = pending.shift(); code !== undefined; code = pending.shift()) await work(code);
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency ?? 4, codes.length) }, worker));
  }

  private progressOf(code: string): InstitutionProgress {
    const progress = this.progress.get(code) ?? emptyProgress(code);
    this.progress.set(code, progress);
    return progress;
  }

  private newReport(kind: PassReport['kind']): PassReport {
    return {
      kind,
      startedAt: this.now().toISOString(),
      finishedAt: '',
      upserted: 0,
      removed: 0,
      failedInstitutions: [],
    };
  }

  private async finish(report: PassReport): Promise<PassReport> {
    report.finishedAt = this.now().toISOString();
    this.lastPass = report;
    const changed = report.upserted > 0 || report.removed > 0 || report.kind === 'rebuild';
    if (changed) this.contentChanges++;
    if (changed && this.onIndexChanged) {
      await this.onIndexChanged().catch((error) => this.log(`saving the index failed: ${(error as Error).message}`));
    }
    return report;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private today(): string {
    return this.now().toISOString().slice(0, 10);
  }

  private log(message: string): void {
    this.options.log?.(message);
  }
}

function emptyProgress(code: string): InstitutionProgress {
  return {
    code,
    state: 'PENDING',
    cursor: null,
    origin: null,
    lastSuccessAt: null,
    lastError: null,
    rejectedEntries: 0,
  };
}

function originOf(change: { cursor: string; microCredentialId: string; occurredAt: string }): string {
  return `${change.cursor}|${change.microCredentialId}|${change.occurredAt}`;
}

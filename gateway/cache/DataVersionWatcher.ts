/**
 * Watches every source the gateway's answers are built from and reports when
 * one changed, so cached answers built from it are dropped:
 * - each institution's change feed (`changes(institution, since)` from the
 *   last cursor seen: an empty page means nothing changed);
 * - the framework's `frameworkDataVersion` (registry, recognition, common core);
 * - the search subgraph's `searchStatus.indexVersion`;
 * - the calendar day, on which "in force today" and "next start date" answers depend.
 *
 * A source the watcher cannot read is "unwatched": its cached answers are
 * dropped and none are stored until it is read again, so a failure of the
 * watcher costs speed, never freshness.
 */
import { callInstitution, InstitutionCallError } from '../datasources/institutionClient.js';
import type { InstitutionHealth, InstitutionRouter } from '../registry/institutionRegistry.js';
import { institutionTag } from './requestScope.js';

export const frameworkTag = 'framework';
export const searchTag = 'search';

export interface WatchedRegistry extends Pick<InstitutionRouter, 'routeTo'> {
  health(): InstitutionHealth[];
}

export interface DataVersionWatcherOptions {
  registry: WatchedRegistry;
  frameworkUrl: string;
  searchUrl?: string;
  intervalMs: number;
  timeoutMs: number;
  /** How long a source may go unread before its answers are dropped and no longer stored. */
  graceMs: number;
  /** Answers built from `tag` are stale. */
  changed(tag: string): void;
  /** Every answer is stale (a new day). */
  changedAll(): void;
  log?: (message: string) => void;
}

const changesQuery = `query ($institution: ID!, $since: String) {
  changes(institution: $institution, since: $since, first: 500) { cursor hasMore changes { cursor } }
}`;

export class DataVersionWatcher {
  /** The last version read per tag; absent while the source is unwatched. */
  private readonly versions = new Map<string, string>();
  /** When each watched source was last read. */
  private readonly readAt = new Map<string, number>();
  private day = today();
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly options: DataVersionWatcherOptions) {}

  /** Answers built from `tag` may be stored: the watcher would see it change. */
  watching(tag: string): boolean {
    return this.versions.has(tag);
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.poll();
    // Rounds start every interval (not an interval after the last one ended), so a slow source does not stretch it.
    const loop = (delay: number) => {
      this.timer = setTimeout(async () => {
        const started = Date.now();
        await this.poll();
        if (!this.stopped) loop(Math.max(0, this.options.intervalMs - (Date.now() - started)));
      }, delay);
      this.timer.unref();
    };
    loop(this.options.intervalMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.polling;
  }

  /** One round over every source; exposed so tests and writes need not wait for the timer. */
  poll(): Promise<void> {
    this.polling ??= this.pollOnce().finally(() => (this.polling = undefined));
    return this.polling;
  }

  private async pollOnce(): Promise<void> {
    if (today() !== this.day) {
      this.day = today();
      this.options.changedAll();
    }
    const institutions = this.options.registry.health().map((institution) => institution.code);
    const watched = new Set([
      frameworkTag,
      ...(this.options.searchUrl ? [searchTag] : []),
      ...institutions.map(institutionTag),
    ]);
    for (const tag of this.versions.keys()) if (!watched.has(tag)) this.lose(tag, 'no longer registered');
    await Promise.all([
      this.observe(frameworkTag, () => this.frameworkVersion()),
      this.options.searchUrl ? this.observe(searchTag, () => this.searchVersion(this.options.searchUrl!)) : undefined,
      ...institutions.map((code) => this.observe(institutionTag(code), (since) => this.feedCursor(code, since))),
    ]);
  }

  /** Reads a source's version; reports a change when it moved, or loses the source when it cannot be read. */
  private async observe(tag: string, read: (previous: string | undefined) => Promise<string>): Promise<void> {
    const previous = this.versions.get(tag);
    let version: string;
    try {
      version = await read(previous);
    } catch (error) {
      // A failed round (this process busy, a dropped connection) is tolerated for a grace period; past it,
      // the source's answers are dropped and none are stored until it is read again.
      const lastRead = this.readAt.get(tag) ?? 0;
      if (previous !== undefined && Date.now() - lastRead > this.options.graceMs) {
        this.lose(tag, (error as Error).message);
      }
      return;
    }
    if (this.stopped) return;
    this.versions.set(tag, version);
    this.readAt.set(tag, Date.now());
    if (previous !== undefined && version !== previous) this.options.changed(tag);
  }

  private lose(tag: string, reason: string): void {
    this.versions.delete(tag);
    this.readAt.delete(tag);
    this.options.changed(tag);
    this.options.log?.(`response cache: stopped caching answers from ${tag} (${reason.slice(0, 200)})`);
  }

  private async frameworkVersion(): Promise<string> {
    const data = await this.post('framework', this.options.frameworkUrl, '{ frameworkDataVersion }');
    const version = data.frameworkDataVersion;
    if (typeof version !== 'string') throw new Error('the framework gave no frameworkDataVersion');
    return version;
  }

  private async searchVersion(url: string): Promise<string> {
    const data = await this.post('search', url, '{ searchStatus { indexVersion } }');
    const version = (data.searchStatus as { indexVersion?: unknown } | null)?.indexVersion;
    if (typeof version !== 'string') throw new Error('search gave no indexVersion');
    return version;
  }

  /** The institution's last change cursor, read forward from `since` to the end of its feed. */
  private async feedCursor(institution: string, since: string | undefined): Promise<string> {
    let cursor = since ?? null;
    for (;;) {
      const route = await this.options.registry.routeTo(institution);
      const ask = () =>
        callInstitution({
          institution,
          url: route.url,
          timeoutMs: this.options.timeoutMs,
          body: { query: changesQuery, variables: { institution, since: cursor } },
        });
      // A kept-alive connection the server has just closed fails at once (ECONNRESET); one retry is safe for a read.
      const answer = await ask().catch((error: unknown) => {
        if (error instanceof InstitutionCallError && error.failure === 'UNREACHABLE') return ask();
        throw error;
      });
      const page = answer.data?.changes as { cursor?: unknown; hasMore?: unknown } | null | undefined;
      if (!page || typeof page.hasMore !== 'boolean') throw new Error(`no change page from ${institution}`);
      const advanced = typeof page.cursor === 'string' && page.cursor !== cursor;
      if (advanced) cursor = page.cursor as string;
      if (!page.hasMore || !advanced) return cursor ?? '';
    }
  }

  /** One read of a province service, with the same deadline, size cap and shape check as every gateway call. */
  private async post(service: 'framework' | 'search', url: string, query: string): Promise<Record<string, unknown>> {
    const answer = await callInstitution({
      institution: service,
      url,
      timeoutMs: this.options.timeoutMs,
      body: { query },
    });
    if (!answer.data) throw new Error(`the ${service} service answered without data`);
    return answer.data;
  }
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

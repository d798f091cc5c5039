/**
 * Reports the searches the response cache answered to the search service
 * (its `POST /demand/cached-searches`, with the registry token), every few
 * seconds and on stop, so they count as demand like those search answered
 * itself. Only search's own anonymised records and their counts are sent,
 * nothing about the clients. A report that fails is kept for the next one.
 */
import { CachedSearchCounts } from './CachedSearchCounts.js';

export interface CachedSearchReporterOptions {
  searchUrl: string;
  registryToken: string;
  intervalMs?: number;
  log?: (message: string) => void;
}

export class CachedSearchReporter {
  private readonly counts = new CachedSearchCounts();
  private timer: NodeJS.Timeout | undefined;
  private sending: Promise<void> = Promise.resolve();

  constructor(private readonly options: CachedSearchReporterOptions) {}

  start(): void {
    this.timer = setInterval(() => void this.flush(), this.options.intervalMs ?? 5_000);
    this.timer.unref();
  }

  /** A cached answer was served; `records` are the searches it stands for. */
  served(records: readonly unknown[]): void {
    if (records.length) this.counts.add(records);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  /** Sends what was counted; one report at a time. */
  flush(): Promise<void> {
    this.sending = this.sending.then(() => this.send());
    return this.sending;
  }

  private async send(): Promise<void> {
    const searches = this.counts.take();
    if (!searches.length) return;
    try {
      const response = await fetch(new URL('/demand/cached-searches', this.options.searchUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.options.registryToken}` },
        body: JSON.stringify({ searches }),
        signal: AbortSignal.timeout(5_000),
      });
      if (!response.ok) throw new Error(`search answered ${response.status}`);
    } catch (error) {
      this.counts.addCounts(searches);
      this.options.log?.(`cached searches not reported yet: ${(error as Error).message}`);
    }
  }
}

/**
 * Consumer keys (`mdk_…`) of registered consumers such as job boards and
 * portals, verified at the gateway and never forwarded to any subgraph.
 *
 * The province issues them in the framework subgraph, which stores only
 * their SHA-256 digests. The gateway reads the active digests with their
 * limits through the registry token (`consumerKeyGrants`), keeps them in
 * memory and refreshes them every `refreshMs`; a key it does not know waits
 * for a fresh read (at most four a second, whatever the number of unknown
 * keys), so a new key works on first use and a revoked one stops within
 * `refreshMs`. Verifying a key is then one hash
 * and one map lookup.
 *
 * Use is counted in memory and added to the framework's counts every
 * `flushMs` and on stop (`recordConsumerKeyUsage`), so counting costs no
 * request a round trip; counts not yet flushed when a process dies are lost.
 */
import { callInstitution } from '../datasources/institutionClient.js';
import { createHash } from 'node:crypto';
import { bearerToken } from '../../runtime/bearerToken.js';

export const consumerKeyPrefix = 'mdk_';

export interface Consumer {
  /** The key's public id, e.g. `3f9a0c1d`. */
  id: string;
  requestsPerMinute: number;
}

export interface ConsumerKeysOptions {
  frameworkUrl: string;
  registryToken: string;
  refreshMs: number;
  flushMs: number;
  log?: (message: string) => void;
}

const minimumRefreshGapMs = 250;
const frameworkTimeoutMs = 3_000;

export class ConsumerKeys {
  private grants = new Map<string, Consumer>();
  private usage = new Map<string, number>();
  private lastRefresh = 0;
  private refreshing: Promise<void> | undefined;
  private nextRefresh: Promise<void> | undefined;
  private timers: NodeJS.Timeout[] = [];

  constructor(private readonly options: ConsumerKeysOptions) {}

  async start(): Promise<void> {
    await this.refresh().catch((error) => this.log(`consumer keys: first load failed (${describe(error)}); retrying`));
    this.timers.push(setInterval(() => void this.refresh().catch(() => {}), this.options.refreshMs).unref());
    this.timers.push(setInterval(() => void this.flush(), this.options.flushMs).unref());
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    await this.flush();
  }

  /** Undefined without a consumer key (anonymous), UNKNOWN for a key that is not (or no longer) valid. */
  async identify(authorization: string | undefined): Promise<Consumer | 'UNKNOWN' | undefined> {
    const key = consumerKeyIn(authorization);
    if (key === undefined) return undefined;
    const digest = createHash('sha256').update(key, 'utf8').digest('hex');
    const known = this.grants.get(digest);
    if (known) return known;
    await this.refreshAfterNow().catch(() => {});
    return this.grants.get(digest) ?? 'UNKNOWN';
  }

  countUse(id: string): void {
    this.usage.set(id, (this.usage.get(id) ?? 0) + 1);
  }

  private refresh(): Promise<void> {
    this.refreshing ??= this.load().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /** A read that starts after this call, shared by every caller waiting for one, at most one per gap. */
  private refreshAfterNow(): Promise<void> {
    this.nextRefresh ??= (async () => {
      await this.refreshing?.catch(() => {});
      const wait = this.lastRefresh + minimumRefreshGapMs - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      this.nextRefresh = undefined;
      await this.refresh();
    })();
    return this.nextRefresh;
  }

  private async load(): Promise<void> {
    this.lastRefresh = Date.now();
    const data = await this.ask<{ consumerKeyGrants: Array<Consumer & { keyDigest: string }> }>(
      '{ consumerKeyGrants { id keyDigest requestsPerMinute } }',
    );
    this.grants = new Map(
      data.consumerKeyGrants.map((grant) => [
        grant.keyDigest,
        { id: grant.id, requestsPerMinute: grant.requestsPerMinute },
      ]),
    );
  }

  private async flush(): Promise<void> {
    if (this.usage.size === 0) return;
    const usage = [...this.usage].map(([id, requests]) => ({ id, requests }));
    this.usage.clear();
    try {
      await this.ask('mutation ($usage: [ConsumerKeyUsageInput!]!) { recordConsumerKeyUsage(usage: $usage) }', {
        usage,
      });
    } catch (error) {
      for (const { id, requests } of usage) this.usage.set(id, (this.usage.get(id) ?? 0) + requests);
      this.log(`consumer keys: usage not recorded yet (${describe(error)}); will retry`);
    }
  }

  /** A read or write at the framework, with the same deadline, size cap and shape check as every gateway call. */
  private async ask<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const answer = await callInstitution({
      institution: 'framework',
      url: this.options.frameworkUrl,
      headers: { authorization: `Bearer ${this.options.registryToken}` },
      body: { query, variables },
      timeoutMs: frameworkTimeoutMs,
    });
    if (!answer.data || answer.errors.length) throw new Error(answer.errors[0]?.message ?? 'no data');
    return answer.data as T;
  }

  private log(message: string): void {
    (this.options.log ?? console.error)(message);
  }
}

/** The consumer key in an Authorization header, if the header holds one. */
export function consumerKeyIn(authorization: string | undefined): string | undefined {
  const token = bearerToken(authorization);
  return token?.startsWith(consumerKeyPrefix) && token.length <= 200 ? token : undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

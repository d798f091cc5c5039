/**
 * The gateway's response cache, wired: the store, the watcher that
 * invalidates it, the Apollo plugin that serves and fills it, the fast path
 * that answers exact hits before Apollo, and the wrappers that tell it which
 * sources each answer came from. Switched off, it wraps nothing and every
 * response says `x-cache: BYPASS`.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { GraphQLDataSource } from '@apollo/gateway';
import type { GatewayContext } from '../context.js';
import type { InstitutionRouter } from '../registry/institutionRegistry.js';
import { DataVersionWatcher, type WatchedRegistry } from './DataVersionWatcher.js';
import { cacheHitFastPath } from './cacheHitFastPath.js';
import { CachedSearchReporter } from './CachedSearchReporter.js';
import { cacheHeaders } from './cachedResponse.js';
import { countCacheDecision, responseCacheMetrics } from './metrics.js';
import { recordingRouter, recordingService } from './requestScope.js';
import { responseCachePlugin } from './responseCachePlugin.js';
import { ResponseStore } from './ResponseStore.js';

export interface ResponseCacheOptions {
  /** Default true. */
  enabled?: boolean;
  /** How often every source is checked for changes; default 500 ms. */
  watchIntervalMs?: number;
  /** Default 64 MB of JSON. */
  maxBytes?: number;
  /** How often searches answered from the cache are reported to search; default 5 s. */
  searchReportIntervalMs?: number;
}

export class GatewayResponseCache {
  readonly enabled: boolean;
  readonly metrics = responseCacheMetrics;
  private readonly store: ResponseStore;
  private watcher: DataVersionWatcher | undefined;
  private searchReporter: CachedSearchReporter | undefined;

  constructor(private readonly options: ResponseCacheOptions = {}) {
    this.enabled = options.enabled ?? true;
    this.store = new ResponseStore(
      { maxBytes: options.maxBytes ?? 64 * 1024 * 1024, maxEntries: 100_000 },
      // Every hit, through Apollo or the fast path, counts the searches its answer stands for.
      (answer) => this.searchReporter?.served(answer.searches),
    );
  }

  /** Starts watching; answers are stored only for sources the watcher has read. */
  async start(sources: {
    registry: WatchedRegistry;
    frameworkUrl: string;
    searchUrl?: string;
    /** Lets the gateway report searches answered from the cache to search. */
    registryToken?: string;
    log?: (message: string) => void;
  }) {
    if (!this.enabled) return;
    const { searchUrl, registryToken, log } = sources;
    if (searchUrl && registryToken) {
      this.searchReporter = new CachedSearchReporter({
        searchUrl,
        registryToken,
        intervalMs: this.options.searchReportIntervalMs,
        log,
      });
      this.searchReporter.start();
    }
    this.watcher = new DataVersionWatcher({
      ...sources,
      intervalMs: this.options.watchIntervalMs ?? 500,
      // Under overload (this process or a source busy), reads slow down rather than fail; answers are kept
      // while a read is late, up to the grace, instead of the cache switching itself off when it helps most.
      timeoutMs: 5_000,
      graceMs: 5_000,
      changed: (tag) => this.store.invalidate(tag),
      changedAll: () => this.store.clear(),
    });
    await this.watcher.start();
  }

  async stop(): Promise<void> {
    await this.watcher?.stop();
    await this.searchReporter?.stop();
  }

  /** Checks every source now instead of at the next tick. */
  async poll(): Promise<void> {
    await this.watcher?.poll();
  }

  plugin(): ApolloServerPlugin<GatewayContext> {
    if (!this.enabled) {
      return {
        async requestDidStart() {
          return {
            async willSendResponse({ response }) {
              countCacheDecision('BYPASS');
              for (const [name, value] of cacheHeaders('BYPASS', undefined, false))
                response.http.headers.set(name, value);
            },
          };
        },
      };
    }
    return responseCachePlugin({ store: this.store, watching: (tag) => this.watcher?.watching(tag) ?? false });
  }

  /**
   * Express middleware for /graphql, after every protection and before Apollo:
   * answers exact hits itself (cacheHitFastPath.ts); `answered` records each such
   * operation in the gateway's metrics.
   */
  fastPath(answered: (started: number) => void): RequestHandler {
    if (!this.enabled) return (_req, _res, next) => next();
    return cacheHitFastPath({ store: this.store, answered });
  }

  /** The data source of the framework or search subgraph, recording that an answer used it. */
  service(tag: string | undefined, service: GraphQLDataSource<GatewayContext>): GraphQLDataSource<GatewayContext> {
    return this.enabled ? recordingService(tag, service) : service;
  }

  /** The router of the sharded catalogue, recording each institution an answer used. */
  router(router: InstitutionRouter): InstitutionRouter {
    return this.enabled ? recordingRouter(router) : router;
  }
}

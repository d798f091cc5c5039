/**
 * The gateway's Prometheus metrics (GET /metrics): every call to a subgraph
 * counted and timed per subgraph and institution, its failures by reason,
 * every client operation counted and timed, and each health target's state.
 * One prom-client registry per gateway, so several gateways can share a
 * process (tests) without clashing names.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** A health target as the `gateway_target_up` gauge reports it. */
export interface TargetState {
  subgraph: string;
  /** Empty for the province's own services. */
  institution: string;
  up: boolean;
}

const callBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120];

export class GatewayMetrics {
  /**
   * Where every gateway metric is registered. Other parts of the gateway (the
   * response cache, for one) add theirs with `registers: [metrics.registry]`.
   */
  readonly registry = new Registry();
  private readonly calls = new Counter({
    name: 'gateway_subgraph_requests_total',
    help: 'Calls from the gateway to a subgraph, by subgraph and institution (empty for province services).',
    labelNames: ['subgraph', 'institution'] as const,
    registers: [this.registry],
  });
  private readonly failures = new Counter({
    name: 'gateway_subgraph_errors_total',
    help: 'Calls that failed (no usable answer), by reason: TIMEOUT, UNREACHABLE, DOWN, HTTP_ERROR, MALFORMED_RESPONSE, WRITE_OUTCOME_UNKNOWN, ...',
    labelNames: ['subgraph', 'institution', 'reason'] as const,
    registers: [this.registry],
  });
  private readonly callSeconds = new Histogram({
    name: 'gateway_subgraph_request_duration_seconds',
    help: 'Duration of calls from the gateway to a subgraph, failures included.',
    labelNames: ['subgraph', 'institution'] as const,
    buckets: callBuckets,
    registers: [this.registry],
  });
  private readonly operations = new Counter({
    name: 'gateway_operations_total',
    help: 'Client operations, by type (query, mutation) and outcome: ok, partial (data with errors) or error.',
    labelNames: ['type', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly operationSeconds = new Histogram({
    name: 'gateway_operation_duration_seconds',
    help: 'Duration of client operations, from request to response.',
    labelNames: ['type'] as const,
    buckets: callBuckets,
    registers: [this.registry],
  });

  constructor(targets: () => TargetState[]) {
    new Gauge({
      name: 'gateway_target_up',
      help: "1 when the gateway's last health probe of this subgraph or institution succeeded, else 0.",
      labelNames: ['subgraph', 'institution'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const target of targets())
          this.set({ subgraph: target.subgraph, institution: target.institution }, +target.up);
      },
    });
    collectDefaultMetrics({ register: this.registry });
  }

  /**
   * Exposes plain numbers kept elsewhere (the response cache's counters) as they
   * are at each scrape: `*_total` names as counters, the rest as gauges.
   */
  registerCache(values: Readonly<Record<string, number>>): void {
    for (const name of Object.keys(values)) {
      const help = `Response cache: ${name.replace(/^gateway_response_cache_/, '').replace(/_/g, ' ')}.`;
      const read = () => values[name] ?? 0;
      if (name.endsWith('_total')) {
        new Counter({
          name,
          help,
          registers: [this.registry],
          collect() {
            this.reset();
            this.inc(read());
          },
        });
      } else {
        new Gauge({
          name,
          help,
          registers: [this.registry],
          collect() {
            this.set(read());
          },
        });
      }
    }
  }

  /** One call to a subgraph; `failure` is the reason it failed, if it did. */
  recordCall(subgraph: string, institution: string, seconds: number, failure?: string): void {
    this.calls.inc({ subgraph, institution });
    this.callSeconds.observe({ subgraph, institution }, seconds);
    if (failure) this.failures.inc({ subgraph, institution, reason: failure });
  }

  /** One client operation, begun at `started` (performance.now()), answered now. */
  recordOperation(type: string, outcome: 'ok' | 'partial' | 'error', started: number): void {
    this.operations.inc({ type, outcome });
    this.operationSeconds.observe({ type }, (performance.now() - started) / 1000);
  }

  /** Counts and times every client operation Apollo Server answers (the cache's fast path records its own). */
  plugin(): ApolloServerPlugin {
    const metrics = this;
    return {
      async requestDidStart() {
        const started = performance.now();
        let type = 'unknown';
        return {
          async didResolveOperation({ operation }) {
            type = operation?.operation ?? 'unknown';
          },
          async willSendResponse({ response }) {
            const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
            const outcome = !body?.errors?.length ? 'ok' : body.data ? 'partial' : 'error';
            metrics.recordOperation(type, outcome, started);
          },
        };
      },
    };
  }

  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

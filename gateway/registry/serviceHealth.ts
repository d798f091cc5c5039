/**
 * Health of the province's own subgraphs (framework, search), probed on a
 * schedule independent of traffic, like the institutions, and updated by the
 * outcome of every real call in between.
 */
import { probe, probeFailuresBeforeDown, type ProbeResult } from './probe.js';

export type ServiceStatus = 'PENDING' | 'UP' | 'DOWN';

export interface ServiceHealthReport {
  name: string;
  status: ServiceStatus;
  reason?: string;
  lastCheckedAt?: string;
  lastSuccessAt?: string;
}

interface State {
  url: string;
  status: ServiceStatus;
  reason?: string;
  lastCheckedAt?: Date;
  lastSuccessAt?: Date;
  probing?: Promise<void>;
  failedProbes: number;
}

export interface ServiceHealthOptions {
  /** Name and GraphQL URL of each service. */
  services: Record<string, string>;
  probeIntervalMs: number;
  probeTimeoutMs: number;
  log?: (message: string) => void;
}

export class ServiceHealth {
  private readonly states = new Map<string, State>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly options: ServiceHealthOptions) {
    for (const [name, url] of Object.entries(options.services))
      this.states.set(name, { url, status: 'PENDING', failedProbes: 0 });
  }

  start(): void {
    void this.probeAll();
    this.timer = setInterval(() => void this.probeAll(), this.options.probeIntervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  recordSuccess(name: string): void {
    const state = this.states.get(name);
    if (state) this.set(name, state, { status: 'UP', reason: undefined, lastSuccessAt: new Date() });
  }

  recordFailure(name: string, reason: string): void {
    const state = this.states.get(name);
    if (state) this.set(name, state, { status: 'DOWN', reason });
  }

  health(): ServiceHealthReport[] {
    return [...this.states].map(([name, state]) => ({
      name,
      status: state.status,
      reason: state.reason,
      lastCheckedAt: state.lastCheckedAt?.toISOString(),
      lastSuccessAt: state.lastSuccessAt?.toISOString(),
    }));
  }

  private probeAll(): Promise<unknown[]> {
    return Promise.all(
      [...this.states].map(([name, state]) => {
        state.probing ??= probe(name, state.url, this.options.probeTimeoutMs)
          .then((result) => this.recordProbe(name, state, result))
          .finally(() => (state.probing = undefined));
        return state.probing;
      }),
    );
  }

  private recordProbe(name: string, state: State, result: ProbeResult): void {
    state.failedProbes = result.ok ? 0 : state.failedProbes + 1;
    if (result.ok) this.recordSuccess(name);
    else if (state.failedProbes >= probeFailuresBeforeDown(result)) this.recordFailure(name, result.reason);
  }

  private set(name: string, state: State, change: Pick<State, 'status' | 'reason' | 'lastSuccessAt'>): void {
    if (change.status !== state.status && state.status !== 'PENDING') {
      this.options.log?.(`[health] ${name} subgraph is ${change.status}${change.reason ? ` (${change.reason})` : ''}`);
    }
    Object.assign(state, change, { lastCheckedAt: new Date() });
  }
}

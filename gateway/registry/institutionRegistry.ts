/**
 * The gateway's view of which institutions exist, where their catalogue
 * subgraphs live, and whether each may be routed to.
 *
 * The registry is read from the framework subgraph (its private
 * `institutionRegistry` field) on an interval and whenever a request names an
 * institution the gateway has not seen, so registering, moving or removing an
 * institution takes effect without a restart or a recomposition. Nothing is
 * routed to an institution before its SDL has passed the conformance check.
 *
 * Health is active: every institution is probed on a schedule, with or
 * without traffic, so its status follows reality within a few seconds in
 * both directions (probe.ts says when a failed probe counts). Real calls
 * update it in between.
 */
import { InstitutionCallError, callInstitution } from '../datasources/institutionClient.js';
import { type InstitutionProfile, institutionProfileFragment } from '../../runtime/publicApiFragments.js';
import { checkConformance } from './conformance.js';
import { failureReason, probe, probeFailuresBeforeDown } from './probe.js';
import type { CatalogueContract, CatalogueContracts } from '../versions/catalogueContracts.js';
import { describeServedContract } from '../versions/servedContract.js';

/** DEGRADED: reachable and conforming, but recently gave answers the gateway had to correct (still routed). */
export type InstitutionStatus = 'PENDING' | 'UP' | 'DEGRADED' | 'DOWN' | 'NON_CONFORMING';

export interface InstitutionHealth {
  code: string;
  status: InstitutionStatus;
  reason?: string;
  lastCheckedAt?: string;
  lastSuccessAt?: string;
  /** The catalogue contract version its SDL matched at the last conformance check. */
  contractVersion?: string;
  /** Optional parts of that version its SDL leaves out (shown as not reported); absent when none. */
  optionalPartsLeftOut?: readonly string[];
}

export interface Route {
  url: string;
  timeoutMs: number;
  /**
   * The contract version the institution serves, without the optional parts it
   * leaves out: requests are cut down to it (gateway/versions/).
   */
  contract: CatalogueContract;
}

/** What the catalogue data source needs from the registry. */
export interface InstitutionRouter {
  /** Where to send a request for `institution`; throws InstitutionCallError when it must not be sent. */
  routeTo(institution: string): Promise<Route>;
  recordSuccess(institution: string): void;
  recordFailure(institution: string, error: InstitutionCallError): void;
  /** The institution answered, but with values the gateway discarded (checkAnswer). */
  recordInvalidAnswer(institution: string, reason: string): void;
  /** The institution refused a request the gateway had validated against its version: check its SDL again. */
  recheckContract(institution: string): void;
}

interface Entry {
  code: string;
  url: string;
  status: InstitutionStatus;
  reason?: string;
  lastCheckedAt?: Date;
  lastSuccessAt?: Date;
  /** The last conformance check passed. */
  conforming: boolean;
  /** The contract version that check matched. */
  contract?: CatalogueContract;
  /** It may have changed version since (back after an outage, or refusing a valid request): the next probe checks its SDL. */
  contractSuspect?: boolean;
  conformanceCheckedAt?: number;
  /** An invalid answer keeps the status DEGRADED until this time, however many valid ones follow. */
  degradedUntil?: number;
  /** After a failure no request is sent before this time (circuit breaker). */
  retryAfter?: number;
  checking?: Promise<void>;
  /** Consecutive failed health probes. */
  failedProbes?: number;
}

export interface RegistryOptions {
  frameworkUrl: string;
  registryToken: string;
  /** Every known contract version, newest first (loadCatalogueContracts). */
  contracts: CatalogueContracts;
  refreshIntervalMs: number;
  institutionTimeoutMs: number;
  /** Per-institution deadlines that override institutionTimeoutMs. */
  institutionTimeoutsMs?: Record<string, number>;
  /** How long a failed institution is skipped before it is tried again. */
  failureCooldownMs: number;
  /** How long one invalid answer keeps an institution DEGRADED in /health. */
  degradedHoldMs: number;
  /** How often a conforming institution's SDL is checked again, to catch version skew. */
  conformanceRecheckMs: number;
  /** How often every institution is probed, whatever the traffic. */
  probeIntervalMs: number;
  /** Deadline of one probe. */
  probeTimeoutMs: number;
  log?: (message: string) => void;
}

/** Failures that say the institution is unwell. A write's unknown outcome does not. */
const callFailures = new Set(['UNREACHABLE', 'TIMEOUT', 'HTTP_ERROR', 'MALFORMED_RESPONSE', 'TOO_LARGE']);

const registryQuery = `{ institutionRegistry { code subgraphUrl } institutions { ...InstitutionProfile } } ${institutionProfileFragment}`;

export class InstitutionRegistry implements InstitutionRouter {
  private entries = new Map<string, Entry>();
  private profiles = new Map<string, InstitutionProfile>();
  private timer?: NodeJS.Timeout;
  private probeTimer?: NodeJS.Timeout;
  private lastOnDemandRefresh = 0;
  private onDemandRefresh?: Promise<void>;
  private refreshing?: Promise<void>;

  constructor(private readonly options: RegistryOptions) {}

  /** Loads the registry once (tolerating a framework outage) and keeps it fresh. */
  async start(): Promise<void> {
    await this.refresh().catch((error) => this.log(`registry not loaded yet: ${(error as Error).message}`));
    this.timer = setInterval(() => {
      this.refresh().catch((error) => this.log(`registry refresh failed: ${(error as Error).message}`));
    }, this.options.refreshIntervalMs);
    this.timer.unref();
    this.probeTimer = setInterval(() => void this.probeAll(), this.options.probeIntervalMs);
    this.probeTimer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    clearInterval(this.probeTimer);
  }

  /** Public profiles of the registered institutions, as last read from the framework. */
  institutionProfiles(): ReadonlyMap<string, InstitutionProfile> {
    return this.profiles;
  }

  /** Reads the registry from the framework subgraph and checks what changed. Concurrent calls share one read. */
  refresh(): Promise<void> {
    this.refreshing ??= this.readRegistry().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  health(): InstitutionHealth[] {
    return [...this.entries.values()]
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((entry) => ({
        code: entry.code,
        status: entry.status,
        reason: entry.reason,
        lastCheckedAt: entry.lastCheckedAt?.toISOString(),
        lastSuccessAt: entry.lastSuccessAt?.toISOString(),
        contractVersion: entry.contract?.version,
        optionalPartsLeftOut: entry.contract?.partsLeftOut,
      }));
  }

  async routeTo(institution: string): Promise<Route> {
    let entry = this.entries.get(institution);
    if (!entry) {
      await this.refreshOnDemand();
      entry = this.entries.get(institution);
    }
    if (!entry)
      throw new InstitutionCallError(institution, 'UNKNOWN_INSTITUTION', 'no catalogue is registered under this code');
    if (!this.coolingDown(entry) && (!entry.conforming || this.conformanceIsDue(entry))) await this.checkEntry(entry);
    if (entry.status === 'NON_CONFORMING')
      throw new InstitutionCallError(institution, 'NOT_CONFORMING', entry.reason ?? '');
    if (!entry.conforming || this.coolingDown(entry)) {
      const checked = entry.lastCheckedAt ? ` at ${entry.lastCheckedAt.toISOString()}` : '';
      throw new InstitutionCallError(
        institution,
        'DOWN',
        `its last check${checked} failed (${entry.reason ?? 'unknown'})`,
      );
    }
    return {
      url: entry.url,
      timeoutMs: this.timeoutFor(institution),
      contract: entry.contract ?? this.options.contracts[0],
    };
  }

  recordSuccess(institution: string): void {
    const entry = this.entries.get(institution);
    if (!entry?.conforming) return;
    if (Date.now() < (entry.degradedUntil ?? 0)) {
      Object.assign(entry, { lastCheckedAt: new Date(), lastSuccessAt: new Date() });
      return;
    }
    Object.assign(entry, {
      status: 'UP',
      reason: undefined,
      retryAfter: undefined,
      lastCheckedAt: new Date(),
      lastSuccessAt: new Date(),
    });
  }

  recordFailure(institution: string, error: InstitutionCallError): void {
    const entry = this.entries.get(institution);
    if (!entry || !callFailures.has(error.failure)) return;
    this.markDown(entry, failureReason(error));
  }

  recordInvalidAnswer(institution: string, reason: string): void {
    const entry = this.entries.get(institution);
    if (!entry?.conforming) return;
    const degradedUntil = Date.now() + this.options.degradedHoldMs;
    Object.assign(entry, { status: 'DEGRADED', reason, lastCheckedAt: new Date(), degradedUntil });
  }

  recheckContract(institution: string): void {
    const entry = this.entries.get(institution);
    // Checked by the next probe, in its place: no request waits for it, and however many
    // requests are refused, the SDL is fetched at most once per probe interval.
    if (entry?.conforming) entry.contractSuspect = true;
  }

  private markDown(entry: Entry, reason: string): void {
    if (entry.status !== 'DOWN') this.log(`institution ${entry.code} is DOWN (${reason})`);
    Object.assign(entry, {
      status: 'DOWN',
      reason,
      lastCheckedAt: new Date(),
      retryAfter: Date.now() + this.options.failureCooldownMs,
    });
  }

  private coolingDown(entry: Entry): boolean {
    return entry.status === 'DOWN' && Date.now() < (entry.retryAfter ?? 0);
  }

  private async readRegistry(): Promise<void> {
    const answer = await callInstitution({
      institution: 'framework',
      url: this.options.frameworkUrl,
      body: { query: registryQuery },
      headers: { authorization: `Bearer ${this.options.registryToken}` },
      timeoutMs: this.options.institutionTimeoutMs,
    });
    const listed = answer.data?.institutionRegistry;
    if (!Array.isArray(listed)) {
      throw new Error(answer.errors[0]?.message ?? 'framework subgraph returned no institutionRegistry');
    }
    const profiles = answer.data?.institutions;
    if (Array.isArray(profiles)) {
      this.profiles = new Map(
        (profiles as InstitutionProfile[]).filter((p) => typeof p?.code === 'string').map((p) => [p.code, p]),
      );
    }
    const seen = new Set<string>();
    for (const item of listed as Array<{ code?: unknown; subgraphUrl?: unknown }>) {
      if (typeof item?.code !== 'string' || typeof item.subgraphUrl !== 'string') continue;
      seen.add(item.code);
      const existing = this.entries.get(item.code);
      if (existing?.url === item.subgraphUrl) continue;
      this.log(
        existing ? `institution ${item.code} moved to a new subgraph URL` : `institution ${item.code} registered`,
      );
      this.entries.set(item.code, { code: item.code, url: item.subgraphUrl, status: 'PENDING', conforming: false });
    }
    for (const code of this.entries.keys()) {
      if (!seen.has(code)) {
        this.entries.delete(code);
        this.log(`institution ${code} removed from the registry`);
      }
    }
    const unverified = [...this.entries.values()].filter((entry) => !entry.conforming && !this.coolingDown(entry));
    await Promise.all(unverified.map((entry) => this.checkEntry(entry)));
  }

  private async refreshOnDemand(): Promise<void> {
    // An unknown code may be a brand-new registration, but clients must not be able to make the
    // gateway hammer the framework: at most one on-demand read per second, shared by all waiting.
    this.onDemandRefresh ??= (async () => {
      const wait = this.lastOnDemandRefresh + 1000 - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      this.lastOnDemandRefresh = Date.now();
      // A read already under way may have left the framework before the institution was registered:
      // joining it could answer "unknown" for a registration that succeeded. Let it finish, then read anew.
      await this.refreshing?.catch(() => {});
      await this.refresh().catch(() => {});
    })().finally(() => (this.onDemandRefresh = undefined));
    return this.onDemandRefresh;
  }

  /**
   * One probe of every institution not being checked already: conformance if due
   * or if its version is in doubt (counted as a probe then), else `{ __typename }`.
   */
  private async probeAll(): Promise<void> {
    await Promise.all(
      [...this.entries.values()].map((entry) => {
        if (!entry.conforming || this.conformanceIsDue(entry)) return this.checkEntry(entry);
        if (entry.contractSuspect) return this.checkEntry(entry, { asProbe: true });
        entry.checking ??= this.probeEntry(entry).finally(() => (entry.checking = undefined));
        return entry.checking;
      }),
    );
  }

  private async probeEntry(entry: Entry): Promise<void> {
    const result = await probe(entry.code, entry.url, this.options.probeTimeoutMs);
    if (this.entries.get(entry.code) !== entry) return;
    entry.failedProbes = result.ok ? 0 : (entry.failedProbes ?? 0) + 1;
    if (!result.ok) {
      if (entry.failedProbes >= probeFailuresBeforeDown(result)) this.markDown(entry, result.reason);
      return;
    }
    // Back after an outage: it may have been redeployed on another contract version.
    if (entry.status === 'DOWN') entry.contractSuspect = true;
    if (entry.status !== 'UP') this.log(`institution ${entry.code} is UP`);
    this.recordSuccess(entry.code);
  }

  private conformanceIsDue(entry: Entry): boolean {
    return entry.conforming && Date.now() - (entry.conformanceCheckedAt ?? 0) > this.options.conformanceRecheckMs;
  }

  private checkEntry(entry: Entry, options: { asProbe?: boolean } = {}): Promise<void> {
    entry.checking ??= this.runConformanceCheck(entry, options.asProbe ?? false).finally(
      () => (entry.checking = undefined),
    );
    return entry.checking;
  }

  /**
   * `asProbe`: the check stands in for a health probe, so an unreachable answer
   * counts like a failed probe (and the SDL is asked for again at the next one)
   * instead of marking the institution DOWN at once.
   */
  private async runConformanceCheck(entry: Entry, asProbe: boolean): Promise<void> {
    const result = await checkConformance({
      institution: entry.code,
      url: entry.url,
      contracts: this.options.contracts,
      timeoutMs: this.timeoutFor(entry.code),
    });
    if (this.entries.get(entry.code) !== entry) return;
    if (asProbe && result.kind === 'UNREACHABLE') {
      // Counted like a failed probe (probe.ts: one may be a moment's load); still in doubt, so the next probe asks again.
      entry.failedProbes = (entry.failedProbes ?? 0) + 1;
      if (entry.failedProbes >= 2) this.markDown(entry, result.reason);
      return;
    }
    entry.lastCheckedAt = new Date();
    entry.conformanceCheckedAt = Date.now();
    entry.contractSuspect = false;
    entry.conforming = result.kind === 'CONFORMING';
    if (entry.conforming) entry.failedProbes = 0;
    if (result.kind === 'CONFORMING' && result.contract !== entry.contract) {
      if (entry.contract)
        this.log(`institution ${entry.code} now serves catalogue contract ${describeServedContract(result.contract)}`);
      entry.contract = result.contract;
    }
    if (result.kind === 'CONFORMING' && entry.status === 'DOWN') this.log(`institution ${entry.code} is UP`);
    if (result.kind === 'CONFORMING' && Date.now() < (entry.degradedUntil ?? 0)) {
      Object.assign(entry, { status: 'DEGRADED', retryAfter: undefined, lastSuccessAt: new Date() });
    } else if (result.kind === 'CONFORMING') {
      Object.assign(entry, { status: 'UP', reason: undefined, retryAfter: undefined, lastSuccessAt: new Date() });
    } else if (result.kind === 'NON_CONFORMING') {
      Object.assign(entry, { status: 'NON_CONFORMING', reason: result.problems.join(' '), contract: undefined });
      this.log(`institution ${entry.code} refused: ${entry.reason}`);
    } else {
      this.markDown(entry, result.reason);
    }
  }

  private timeoutFor(institution: string): number {
    return this.options.institutionTimeoutsMs?.[institution] ?? this.options.institutionTimeoutMs;
  }

  private log(message: string): void {
    this.options.log?.(`[registry] ${message}`);
  }
}

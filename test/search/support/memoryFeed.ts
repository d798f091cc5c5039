/**
 * An in-memory catalogue change feed with the contract's semantics (cursors,
 * pages, null entries for deletions) and a switch to make an institution
 * unreachable, for indexer tests that need exact control over what changed.
 */
import type { CatalogueFeed, FeedChangesPage } from '../../../subgraphs/search/indexer/CatalogueFeed.js';
import { FeedUnavailableError } from '../../../subgraphs/search/indexer/CatalogueFeed.js';
import type { FeedChange, FeedEntry } from '../../../subgraphs/search/indexer/changesQuery.js';

export class MemoryFeed implements CatalogueFeed {
  private readonly logs = new Map<string, FeedChange[]>();
  readonly down = new Set<string>();
  /** Positions (in the whole log) whose entry is reported unresolved, per institution. */
  readonly unresolved = new Map<string, Set<number>>();
  listingFails = false;
  requests = 0;
  /** Makes every page take this long, like a real network. */
  delayMs = 0;

  private readonly epochs = new Map<string, number>();

  addInstitution(code: string): void {
    this.logs.set(code, this.logs.get(code) ?? []);
    this.epochs.set(code, this.epochs.get(code) ?? Date.parse('2026-01-01T00:00:00Z'));
  }

  /** The institution's catalogue starts over (e.g. a new database): same cursor numbers, other changes. */
  resetInstitution(code: string): void {
    this.logs.set(code, []);
    this.epochs.set(code, (this.epochs.get(code) ?? 0) + 86_400_000);
  }

  removeInstitution(code: string): void {
    this.logs.delete(code);
  }

  publish(entry: FeedEntry, kind = 'UPDATED'): void {
    this.append(entry.institution.code, { kind, microCredentialId: entry.id, microCredential: entry });
  }

  remove(institution: string, id: string): void {
    this.append(institution, { kind: 'DELETED', microCredentialId: id, microCredential: null });
  }

  /** Raw change, e.g. one that claims another institution's id. */
  append(institution: string, change: Omit<FeedChange, 'cursor' | 'occurredAt'>): void {
    const log = this.logs.get(institution);
    if (!log) throw new Error(`unknown institution ${institution}`);
    const occurredAt = new Date(this.epochs.get(institution)! + log.length * 1000).toISOString();
    log.push({ ...change, cursor: `${institution}-${log.length + 1}`, occurredAt });
  }

  async institutions(): Promise<string[]> {
    if (this.listingFails) throw new FeedUnavailableError('registry down');
    return [...this.logs.keys()];
  }

  async changes(institution: string, since: string | null, first: number): Promise<FeedChangesPage> {
    this.requests++;
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (this.down.has(institution)) throw new FeedUnavailableError(`${institution} unreachable`);
    const log = this.logs.get(institution) ?? [];
    const start = since === null ? 0 : Number(since.slice(since.lastIndexOf('-') + 1));
    const changes = log.slice(start, start + first);
    const unresolved = new Set<number>();
    for (const position of this.unresolved.get(institution) ?? []) {
      if (position >= start && position < start + changes.length) unresolved.add(position - start);
    }
    return {
      changes: changes.map((change, i) => (unresolved.has(i) ? { ...change, microCredential: null } : change)),
      cursor: changes.length ? changes[changes.length - 1]!.cursor : since,
      hasMore: start + changes.length < log.length,
      unresolved,
    };
  }
}

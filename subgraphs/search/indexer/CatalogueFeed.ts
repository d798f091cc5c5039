/**
 * Where the indexer reads catalogues from. Production reads through the
 * gateway (GatewayCatalogueFeed); the interface keeps the indexer testable
 * against any server that speaks the catalogue contract's change feed.
 */
import type { FeedPage } from './changesQuery.js';

export interface CatalogueFeed {
  /** Codes of every registered institution. */
  institutions(): Promise<string[]>;
  /** One page of an institution's change feed after `since` (from the start when null). */
  changes(institution: string, since: string | null, first: number): Promise<FeedChangesPage>;
}

export interface FeedChangesPage extends FeedPage {
  /**
   * Positions of changes whose entry could not be resolved (an error points
   * into a change whose `microCredential` is null): such a null does not mean
   * "deleted", so the indexer stops before it and retries later.
   */
  unresolved: Set<number>;
}

/**
 * The framework's trust-mark change feed: entries whose province-owned values
 * (OSAP approval, verified QA, endorsements, transfer credit, stacking) changed.
 * Institutions' feeds never mention those, so without it search would show a
 * new attestation only when the institution next changed the entry.
 */
export interface TrustMarkFeed {
  trustMarkChanges(since: string | null, first: number): Promise<FeedChangesPage>;
}

/** The institution (or the gateway) could not answer; the indexer retries on its next pass. */
export class FeedUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedUnavailableError';
  }
}

/**
 * The indexer following the framework's trust-mark feed, against in-memory
 * feeds: a province change reaches the index with no change at the
 * institution, a null entry there never removes one, and an unresolved entry
 * is retried from the same place on the next pass.
 */
import { describe, expect, it } from 'vitest';
import { EmbeddedBackend } from '../../subgraphs/search/backends/embedded/EmbeddedBackend.js';
import type { FeedChangesPage, TrustMarkFeed } from '../../subgraphs/search/indexer/CatalogueFeed.js';
import type { FeedChange, FeedEntry } from '../../subgraphs/search/indexer/changesQuery.js';
import { Indexer } from '../../subgraphs/search/indexer/Indexer.js';
import { corpusDate, seedFeedEntries } from '../../seed/searchCorpus.js';
import { MemoryFeed } from './support/memoryFeed.js';

const entries = seedFeedEntries(20, 2);
const marks = (osapApproved: boolean) => ({
  osapApproved,
  verifiedQualityAssurance: false,
  employerEndorsed: false,
  carriesTransferCredit: false,
  stacksIntoProgram: false,
});

class MemoryTrustMarks implements TrustMarkFeed {
  readonly log: Array<Omit<FeedChange, 'cursor' | 'kind'>> = [];
  readonly unresolved = new Set<number>();
  readonly asked: Array<string | null> = [];
  add(id: string, entry: FeedEntry | null): void {
    this.log.push({ microCredentialId: id, occurredAt: '2026-06-01T00:00:00Z', microCredential: entry });
  }
  async trustMarkChanges(since: string | null, first: number): Promise<FeedChangesPage> {
    this.asked.push(since);
    const start = since === null ? 0 : Number(since);
    const changes = this.log
      .slice(start, start + first)
      .map((change, index) => ({ ...change, kind: '', cursor: String(start + index + 1) }));
    const unresolved = new Set(
      changes.flatMap((change, index) => (this.unresolved.has(Number(change.cursor) - 1) ? [index] : [])),
    );
    const last = changes.at(-1);
    return { changes, cursor: last ? last.cursor : since, hasMore: start + first < this.log.length, unresolved };
  }
}

function setup() {
  const feed = new MemoryFeed();
  for (const code of new Set(entries.map((e) => e.institution.code))) feed.addInstitution(code);
  for (const entry of entries) feed.publish({ ...entry, trustMarks: marks(false) }, 'CREATED');
  const trustMarks = new MemoryTrustMarks();
  const backend = new EmbeddedBackend();
  const indexer = new Indexer({ feed, trustMarks, backend, now: () => new Date(`${corpusDate}T12:00:00Z`) });
  const approved = async () =>
    (
      await backend.search({ query: '', filters: { osapApproved: true }, sort: 'RELEVANCE', page: 1, pageSize: 100 })
    ).hits.map((hit) => hit.id);
  return { feed, trustMarks, backend, indexer, approved };
}

describe('the trust-mark feed', () => {
  it('brings a province change into the index on the next pass, with nothing new at the institution', async () => {
    const { trustMarks, indexer, approved } = setup();
    await backendReady(indexer);
    const target = entries.find((entry) => entry.status === 'ACTIVE')!;
    expect(await approved()).toEqual([]);
    trustMarks.add(target.id, { ...target, trustMarks: marks(true) });
    const pass = await indexer.runPass();
    expect(pass.upserted).toBe(1);
    expect(await approved()).toEqual([target.id]);
    // Followed from where it stopped: the next pass asks after the last change.
    await indexer.runPass();
    expect(trustMarks.asked.at(-1)).toBe('1');
  });

  it('never removes an entry for a null there, and retries an unresolved one from the same place', async () => {
    const { trustMarks, indexer, backend, approved } = setup();
    await backendReady(indexer);
    const [first, second] = entries.filter((entry) => entry.status === 'ACTIVE');
    const before = await backend.count();
    trustMarks.add(first!.id, null);
    trustMarks.add(second!.id, { ...second!, trustMarks: marks(true) });
    trustMarks.unresolved.add(1);
    await indexer.runPass();
    expect(await backend.count()).toBe(before);
    expect(await approved()).toEqual([]);
    trustMarks.unresolved.clear();
    await indexer.runPass();
    // Retried after the null one it had passed, not from the start.
    expect(trustMarks.asked.at(-1)).toBe('1');
    expect(await approved()).toEqual([second!.id]);
  });
});

async function backendReady(indexer: Indexer): Promise<void> {
  await indexer.runPass();
  expect(indexer.ready).toBe(true);
}

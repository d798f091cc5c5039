/**
 * The indexer against an in-memory change feed: full load, incremental
 * updates, sunsets and deletions, one institution down and catching up,
 * readiness, rejected entries, unregistered institutions, rebuilds.
 */
import { describe, expect, it } from 'vitest';
import { EmbeddedBackend } from '../../subgraphs/search/backends/embedded/EmbeddedBackend.js';
import type { FeedEntry } from '../../subgraphs/search/indexer/changesQuery.js';
import { Indexer } from '../../subgraphs/search/indexer/Indexer.js';
import type { SearchRequest } from '../../subgraphs/search/query/searchRequest.js';
import { MemoryFeed } from './support/memoryFeed.js';
import { corpusDate, seedFeedEntries } from '../../seed/searchCorpus.js';

const entries = seedFeedEntries(300, 3);
const codes = [...new Set(entries.map((e) => e.institution.code))];

function setup(options: { pageSize?: number; today?: string; realClock?: boolean } = {}) {
  const feed = new MemoryFeed();
  for (const code of codes) feed.addInstitution(code);
  for (const entry of entries) feed.publish(entry, 'CREATED');
  const backend = new EmbeddedBackend();
  let today = options.today ?? corpusDate;
  const indexer = new Indexer({
    feed,
    backend,
    pageSize: options.pageSize ?? 40,
    now: () => (options.realClock ? new Date() : new Date(`${today}T12:00:00Z`)),
  });
  const search = (query: string, more: Partial<SearchRequest> = {}) =>
    backend.search({ query, filters: {}, sort: 'RELEVANCE', page: 1, pageSize: 100, ...more });
  const ids = async (query: string, more: Partial<SearchRequest> = {}) =>
    (await search(query, more)).hits.map((h) => h.id);
  return { feed, backend, indexer, ids, search, setToday: (day: string) => (today = day) };
}

const firstOf = (code: string) => entries.find((e) => e.institution.code === code && e.status === 'ACTIVE')!;
const renamed = (entry: FeedEntry, title: string): FeedEntry => ({
  ...entry,
  title,
  updatedAt: '2026-06-01T13:00:00.000Z',
});

describe('search indexer', () => {
  it('loads every institution fully over many pages and becomes ready', async () => {
    const { indexer, backend } = setup();
    expect(indexer.ready).toBe(false);
    const report = await indexer.runPass();
    expect(report.failedInstitutions).toEqual([]);
    expect(indexer.ready).toBe(true);
    expect(await backend.count()).toBe(entries.length);
    expect(indexer.institutions().map((i) => i.state)).toEqual(codes.map(() => 'UP_TO_DATE'));
  });

  it('applies updates, sunsets and deletions incrementally from each cursor', async () => {
    const { feed, indexer, ids } = setup();
    await indexer.runPass();
    const [a, b, c] = codes.map(firstOf);
    feed.publish(renamed(a!, 'Quasar Welding Clinic'));
    feed.publish({ ...b!, status: 'SUNSET', title: 'Nebula Sunset Course' }, 'SUNSET');
    feed.remove(c!.institution.code, c!.id);
    const before = feed.requests;
    const report = await indexer.runPass();
    expect(report).toMatchObject({ upserted: 2, removed: 1 });
    expect(feed.requests - before).toBe(codes.length); // one page each: only what changed
    expect(await ids('quasar welding')).toEqual([a!.id]);
    expect(await ids('nebula')).toEqual([]);
    expect(await ids('nebula', { filters: { includeSunset: true } })).toEqual([b!.id]);
    expect(await ids(c!.title, { filters: { institutions: [c!.institution.code] } })).not.toContain(c!.id);
  });

  it('keeps indexing the others while one institution is down, and catches it up when it returns', async () => {
    const { feed, indexer, ids, backend } = setup();
    const [up, down] = codes;
    feed.down.add(down!);
    const first = await indexer.runPass();
    expect(first.failedInstitutions).toEqual([down]);
    expect(indexer.ready).toBe(true);
    expect((await backend.indexedInstitutions()).sort()).toEqual(codes.filter((c) => c !== down).sort());
    const status = indexer.institutions().find((i) => i.code === down)!;
    expect(status).toMatchObject({ state: 'UNAVAILABLE', cursor: null });
    expect(status.lastError).toContain('unreachable');

    feed.publish(renamed(firstOf(up!), 'Pulsar Bookkeeping'));
    feed.publish(renamed(firstOf(down!), 'Comet Carpentry'));
    await indexer.runPass();
    expect(await ids('pulsar')).toEqual([firstOf(up!).id]);
    expect(await ids('comet')).toEqual([]);

    feed.down.delete(down!);
    const back = await indexer.runPass();
    expect(back.failedInstitutions).toEqual([]);
    expect(await ids('comet carpentry')).toEqual([firstOf(down!).id]);
    expect(await backend.count()).toBe(entries.length);
    expect(indexer.institutions().find((i) => i.code === down)!.state).toBe('UP_TO_DATE');
  });

  it('resumes from the last applied change when an institution fails mid-feed', async () => {
    const { feed, indexer, backend } = setup({ pageSize: 10 });
    const code = codes[0]!;
    const total = entries.filter((e) => e.institution.code === code).length;
    feed.unresolved.set(code, new Set([25]));
    await indexer.runPass();
    const stuck = indexer.institutions().find((i) => i.code === code)!;
    expect(stuck.state).toBe('UNAVAILABLE');
    expect(stuck.cursor).toBe(`${code}-25`);
    expect((await backend.documentsOf(code)).length).toBe(25);
    feed.unresolved.delete(code);
    await indexer.runPass();
    expect((await backend.documentsOf(code)).length).toBe(total);
  });

  it('never reads an unresolved entry as a deletion', async () => {
    const { feed, indexer, backend } = setup();
    await indexer.runPass();
    const code = codes[1]!;
    const victim = firstOf(code);
    feed.publish(renamed(victim, 'Still here'));
    feed.unresolved.set(code, new Set([entries.filter((e) => e.institution.code === code).length]));
    await indexer.runPass();
    expect((await backend.documentsOf(code)).map((d) => d.id)).toContain(victim.id);
  });

  it('is not ready while every institution is down, nor when the institution list fails', async () => {
    const { feed, indexer } = setup();
    feed.listingFails = true;
    expect((await indexer.runPass()).error).toContain('registry down');
    expect(indexer.ready).toBe(false);
    feed.listingFails = false;
    for (const code of codes) feed.down.add(code);
    await indexer.runPass();
    expect(indexer.ready).toBe(false);
    feed.down.clear();
    await indexer.runPass();
    expect(indexer.ready).toBe(true);
  });

  it('rejects entries claiming another institution or failing validation, without stopping', async () => {
    const { feed, indexer, backend } = setup();
    const [a, b] = codes;
    const stranger = firstOf(b!);
    feed.append(a!, { kind: 'UPDATED', microCredentialId: stranger.id, microCredential: stranger });
    const broken = { ...firstOf(a!), instructionalHours: -3 };
    feed.publish(broken);
    await indexer.runPass();
    const status = indexer.institutions().find((i) => i.code === a)!;
    expect(status).toMatchObject({ state: 'UP_TO_DATE', rejectedEntries: 2 });
    expect((await backend.documentsOf(a!)).map((d) => d.id)).not.toContain(broken.id);
    expect((await backend.documentsOf(b!)).find((d) => d.id === stranger.id)?.title).toBe(stranger.title);
  });

  it('drops an institution that is no longer registered', async () => {
    const { feed, indexer, backend } = setup();
    await indexer.runPass();
    feed.removeInstitution(codes[2]!);
    await indexer.runPass();
    expect(await backend.indexedInstitutions()).not.toContain(codes[2]);
    expect(indexer.institutions().map((i) => i.code)).not.toContain(codes[2]);
  });

  it('rebuilds from scratch, keeping the previous entries of an institution that is down', async () => {
    const { feed, indexer, backend, ids } = setup();
    await indexer.runPass();
    const down = codes[0]!;
    feed.down.add(down);
    feed.publish(renamed(firstOf(codes[1]!), 'Galaxy Glazing'));
    const report = await indexer.rebuild();
    expect(report.kind).toBe('rebuild');
    expect(await backend.count()).toBe(entries.length);
    expect(await ids('galaxy glazing')).toEqual([firstOf(codes[1]!).id]);
    expect(indexer.institutions().find((i) => i.code === down)).toMatchObject({
      state: 'UNAVAILABLE',
      cursor: `${down}-${entries.filter((e) => e.institution.code === down).length}`,
    });
  });

  it('rebuilds on the first pass of a new day, so next start dates move on', async () => {
    const { indexer, backend, setToday } = setup();
    await indexer.runPass();
    const before = await backend.search({ query: '', filters: {}, sort: 'NEXT_START_DATE_ASC', page: 1, pageSize: 1 });
    const soonest = (await backend.documentsOf(before.hits[0]!.id.split(':')[0]!)).find(
      (d) => d.id === before.hits[0]!.id,
    )!;
    const nextDay = new Date(Date.parse(`${soonest.nextStartDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    setToday(nextDay);
    expect((await indexer.runPass()).kind).toBe('rebuild');
    const after = (await backend.documentsOf(soonest.institution)).find((d) => d.id === soonest.id)!;
    expect(after.nextStartDate === null || after.nextStartDate >= nextDay).toBe(true);
    expect((await indexer.runPass()).kind).toBe('incremental');
  });

  it('runs passes one at a time', async () => {
    const { indexer, feed } = setup({ realClock: true });
    feed.delayMs = 2;
    const reports = await Promise.all([indexer.runPass(), indexer.runPass(), indexer.rebuild()]);
    for (let i = 1; i < reports.length; i++) {
      expect(Date.parse(reports[i]!.startedAt)).toBeGreaterThanOrEqual(Date.parse(reports[i - 1]!.finishedAt));
      expect(Date.parse(reports[i - 1]!.finishedAt)).toBeGreaterThan(Date.parse(reports[i - 1]!.startedAt));
    }
    expect(reports.map((r) => r.upserted)).toEqual([entries.length, 0, entries.length]);
  });
});

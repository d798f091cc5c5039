import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalogue } from '../../seed/catalogue.js';
import type { CatalogueEntryInput } from '../../subgraphs/catalogue/catalogueEntry.js';
import { deleteEntries } from '../../subgraphs/catalogue/db/catalogueStore.js';
import { startCatalogueHarness, type CatalogueHarness } from './harness.js';
import { apiKeyFor, asCaller } from '../publishing/support.js';

let seneca: CatalogueHarness;

beforeAll(async () => {
  seneca = await startCatalogueHarness('seneca');
});
afterAll(async () => {
  await seneca?.stop();
});

const sample = generateCatalogue('seneca', 40, 7, '2026-01-15').filter((entry) => entry.status === 'ACTIVE');
let used = 0;
/** A fresh entry with the given status, never used by another test in this file. */
function freshEntry(status: CatalogueEntryInput['status']): CatalogueEntryInput {
  const entry = sample[used++];
  if (!entry) throw new Error('test needs more sample entries');
  return { ...entry, status, expiryDate: null };
}

interface FeedChange {
  cursor: string;
  kind: string;
  microCredentialId: string;
  occurredAt: string;
  microCredential: { id: string; title: string; status: string; version: number } | null;
}

async function feed(since: string | null, first = 500) {
  const result = await seneca.query(
    `query ($since: String, $first: Int) {
      changes(institution: "seneca", since: $since, first: $first) {
        cursor hasMore
        changes { cursor kind microCredentialId occurredAt microCredential { id title status version } }
      }
    }`,
    { since, first },
  );
  expect(result.errors).toBeUndefined();
  return result.data.changes as { cursor: string | null; hasMore: boolean; changes: FeedChange[] };
}

/** Everything in the feed after `since`, read page by page. */
async function readAll(since: string | null, pageSize = 500) {
  const changes: FeedChange[] = [];
  let cursor = since;
  for (;;) {
    const page = await feed(cursor, pageSize);
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return { changes, cursor };
  }
}

describe('the change feed', () => {
  it('reports only what a public reader can notice, in order, with the entry as it is now', async () => {
    const start = (await readAll(null)).cursor;
    const draft = freshEntry('DRAFT');
    const active = freshEntry('ACTIVE');
    const id = (entry: CatalogueEntryInput) => `seneca:${entry.slug}`;
    const steps: Array<[string, () => Promise<unknown>, Array<[string, string]>]> = [
      ['a draft is created', () => seneca.upsert([draft]), []],
      ['an entry is created public', () => seneca.upsert([active]), [['CREATED', id(active)]]],
      ['the draft is published', () => seneca.upsert([{ ...draft, status: 'ACTIVE' }]), [['PUBLISHED', id(draft)]]],
      [
        'a public entry changes',
        () => seneca.upsert([{ ...active, title: `${active.title} (revised)` }]),
        [['UPDATED', id(active)]],
      ],
      [
        'only an offering changes',
        () =>
          seneca.upsert([
            {
              ...active,
              title: `${active.title} (revised)`,
              offerings: active.offerings.map((o) => ({ ...o, priceCad: o.priceCad + 10 })),
            },
          ]),
        [['UPDATED', id(active)]],
      ],
      [
        'the same entry is submitted unchanged',
        () =>
          seneca.upsert([
            {
              ...active,
              title: `${active.title} (revised)`,
              offerings: active.offerings.map((o) => ({ ...o, priceCad: o.priceCad + 10 })),
            },
          ]),
        [],
      ],
      [
        'the published draft goes back to draft',
        () => seneca.upsert([{ ...draft, status: 'DRAFT' }]),
        [['DELETED', id(draft)]],
      ],
      ['the draft is deleted', () => deleteEntries(seneca.store.db, [draft.slug]), []],
    ];
    let cursor = start;
    for (const [step, action, expected] of steps) {
      await action();
      const page = await readAll(cursor);
      expect(
        page.changes.map((change) => [change.kind, change.microCredentialId]),
        step,
      ).toEqual(expected);
      cursor = page.cursor;
    }

    const all = (await readAll(start)).changes;
    // Cursors strictly increase; occurredAt never goes backwards.
    const seqs = all.map((change) => Number(change.cursor));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    const times = all.map((change) => Date.parse(change.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // The entry as it is now: revised twice (content, then offering), still public.
    const updated = all.find((change) => change.microCredentialId === id(active))!;
    expect(updated.microCredential).toMatchObject({ title: `${active.title} (revised)`, status: 'ACTIVE', version: 3 });
    // The draft is no longer public, so even its old PUBLISHED change shows no entry.
    expect(
      all.filter((change) => change.microCredentialId === id(draft)).every((change) => change.microCredential === null),
    ).toBe(true);
  });

  it('reports sunsets and deletions of public entries', async () => {
    const entry = freshEntry('ACTIVE');
    await seneca.upsert([entry]);
    const { cursor } = await readAll(null);
    await seneca.upsert([{ ...entry, status: 'SUNSET', expiryDate: '2026-01-10' }]);
    await deleteEntries(seneca.store.db, [entry.slug]);
    const { changes } = await readAll(cursor);
    expect(changes.map((change) => [change.kind, change.microCredential])).toEqual([
      ['SUNSET', null],
      ['DELETED', null],
    ]);
  });

  it('records changes made by any writer, not only the store', async () => {
    const entry = freshEntry('ACTIVE');
    await seneca.upsert([entry]);
    const { cursor } = await readAll(null);
    await seneca.sql`update micro_credentials set title = 'Changed by hand' where slug = ${entry.slug}`;
    await seneca.sql`delete from offerings where micro_credential_slug = ${entry.slug}`;
    const { changes } = await readAll(cursor);
    expect(changes.map((change) => change.kind)).toEqual(['UPDATED', 'UPDATED']);
    expect(changes[0]!.microCredential!.title).toBe('Changed by hand');
  });

  it('pages with since and first, and keeps the cursor when there is nothing new', async () => {
    const everything = (await readAll(null)).changes;
    expect(everything.length).toBeGreaterThan(5);
    const paged = await readAll(null, 2);
    expect(paged.changes.map((change) => change.cursor)).toEqual(everything.map((change) => change.cursor));
    const first = await feed(null, 2);
    expect(first.hasMore).toBe(true);
    expect(first.cursor).toBe(first.changes[1]!.cursor);
    const end = await feed(paged.cursor);
    expect(end).toEqual({ cursor: paged.cursor, hasMore: false, changes: [] });
  });

  it("refuses another institution's feed, malformed cursors and oversized pages with clear errors", async () => {
    const foreign = await seneca.query(`{ changes(institution: "humber") { cursor } }`);
    expect(foreign.data).toBeNull();
    expect(foreign.errors![0]!.message).toContain('serves institution "seneca" only');
    expect(foreign.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');

    const badCursor = await seneca.query(`{ changes(institution: "seneca", since: "abc") { cursor } }`);
    expect(badCursor.errors![0]!.message).toContain('"since" must be a cursor returned by changes');

    const tooMany = await seneca.query(`{ changes(institution: "seneca", first: 5000) { cursor } }`);
    expect(tooMany.errors![0]!.message).toContain('between 0 and 1000');
  });
});

describe('the change feed under concurrent writes', () => {
  it('never shows a reader a gap that a later commit fills', async () => {
    const writers = 6;
    const transactionsPerWriter = 12;
    const entries = Array.from({ length: writers }, () => freshEntry('ACTIVE'));
    await seneca.upsert(entries);
    const before = (await readAll(null)).cursor;

    // Each writer has its own connection and entry; transactions stay open for a random moment
    // after their change is logged, so commits finish in a different order than they started.
    const connections = entries.map(() => postgres(seneca.databaseUrl, { max: 1, onnotice: () => {} }));
    let writing = true;
    const writes = Promise.all(
      connections.map(async (sql, writer) => {
        for (let round = 0; round < transactionsPerWriter; round++) {
          await sql.begin(async (tx) => {
            await tx`update micro_credentials set title = ${`Writer ${writer} round ${round}`} where slug = ${entries[writer]!.slug}`;
            await tx`select pg_sleep(${Math.random() * 0.02})`;
          });
        }
      }),
    ).finally(() => {
      writing = false;
    });

    // A reader polling the public feed the whole time, as an indexer would.
    const seen: number[] = [];
    let cursor = before;
    while (writing) {
      const page = await feed(cursor);
      seen.push(...page.changes.map((change) => Number(change.cursor)));
      cursor = page.cursor;
    }
    await writes;
    const rest = await readAll(cursor);
    seen.push(...rest.changes.map((change) => Number(change.cursor)));
    await Promise.all(connections.map((sql) => sql.end()));

    const committed = await seneca.sql<{ seq: string }[]>`
      select seq from catalogue_changes where seq > ${Number(before ?? 0)} order by seq`;
    expect(committed).toHaveLength(writers * transactionsPerWriter);
    // Everything committed was seen, each once, in order: nothing slipped in behind the cursor.
    expect(seen).toEqual(committed.map((row) => Number(row.seq)));
  });
});

describe('the change feed under concurrent writes through the publishing mutations', () => {
  it('reports every committed mutation once, in order, and refuses stale versions without losing a write', async () => {
    const key = await apiKeyFor(seneca.databaseUrl, 'seneca', 'concurrency test');
    const call = asCaller(seneca.server.url, key);
    const payload = 'microCredential { version } problems { code }';
    const entries = Array.from({ length: 4 }, () => freshEntry('ACTIVE'));
    await seneca.upsert(entries);
    const before = (await readAll(null)).cursor;

    const priceChange = (id: string, version: number, price: number) =>
      call(
        `mutation ($id: ID!, $v: Int!, $o: OfferingInput!) { upsertOffering(id: $id, expectedVersion: $v, offering: $o) { ${payload} } }`,
        {
          id,
          v: version,
          o: {
            code: 'RACE',
            startDate: '2027-01-11',
            endDate: '2027-02-19',
            location: 'Online',
            online: true,
            priceCad: price,
            registrationUrl: 'https://example.ca/race',
          },
        },
      );
    // Two writers per entry, each reading the version and then writing: some writes go stale and are refused.
    const rounds = 6;
    let conflicts = 0;
    let successes = 0;
    let writing = true;
    const writes = Promise.all(
      entries.flatMap((entry) =>
        [0, 1].map(async (writer) => {
          const id = `seneca:${entry.slug}`;
          for (let round = 0; round < rounds; round++) {
            const { data } = await call(`query ($id: ID!) { microCredential(id: $id) { version } }`, { id });
            const result = await priceChange(id, data.microCredential.version, 100 + writer * 1000 + round);
            const { problems } = result.data.upsertOffering;
            if (problems.length === 0) successes++;
            else {
              expect(problems).toEqual([{ code: 'VERSION_CONFLICT' }]);
              conflicts++;
            }
          }
        }),
      ),
    ).finally(() => {
      writing = false;
    });

    const seen: FeedChange[] = [];
    let cursor = before;
    while (writing) {
      const page = await feed(cursor);
      seen.push(...page.changes);
      cursor = page.cursor;
      // Caught up: a moment's pause before asking again, as an indexer would. Asked again at once, the
      // reader sent twice the requests, most of them for empty pages, on the event loop the writers share.
      if (page.changes.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await writes;
    seen.push(...(await readAll(cursor)).changes);

    // Every accepted write bumped its entry's version by one: nothing was lost or applied twice.
    const versions = await seneca.sql<{ version: number }[]>`
      select version from micro_credentials where slug in ${seneca.sql(entries.map((entry) => entry.slug))}`;
    expect(versions.reduce((sum, row) => sum + row.version - 1, 0)).toBe(successes);
    expect(successes + conflicts).toBe(entries.length * 2 * rounds);
    // One UPDATED per accepted write, each seen once and in commit order.
    const committed = await seneca.sql<{ seq: string }[]>`
      select seq from catalogue_changes where seq > ${Number(before ?? 0)} order by seq`;
    expect(seen.map((change) => Number(change.cursor))).toEqual(committed.map((row) => Number(row.seq)));
    expect(seen).toHaveLength(successes);
    expect(seen.every((change) => change.kind === 'UPDATED')).toBe(true);
  });

  it('reports publish, update, offering change and sunset made by mutations with their kinds', async () => {
    const key = await apiKeyFor(seneca.databaseUrl, 'seneca', 'kinds test');
    const call = asCaller(seneca.server.url, key);
    const entry = freshEntry('ACTIVE');
    const id = `seneca:${entry.slug}`;
    const start = (await readAll(null)).cursor;
    const payload = 'problems { code }';
    const { status: _status, ...input } = { ...entry, expiryDate: null, sunsetReason: undefined };
    const unpublished = freshEntry('DRAFT').slug;
    const steps: Array<[string, string, Record<string, unknown>, string[]]> = [
      [
        'draft created',
        `mutation ($input: MicroCredentialInput!) { createMicroCredentialDraft(institution: "seneca", input: $input) { ${payload} } }`,
        { input },
        [],
      ],
      [
        'published',
        `mutation ($id: ID!) { publishMicroCredential(id: $id, expectedVersion: 1) { ${payload} } }`,
        { id },
        ['PUBLISHED'],
      ],
      [
        'new draft started',
        `mutation ($slug: String!) { createMicroCredentialDraft(institution: "seneca", input: { slug: $slug, title: "Revised" }) { ${payload} } }`,
        { slug: entry.slug },
        [],
      ],
      [
        'draft published',
        `mutation ($id: ID!) { publishMicroCredential(id: $id, expectedVersion: 1) { ${payload} } }`,
        { id },
        ['UPDATED'],
      ],
      [
        'offering removed',
        `mutation ($id: ID!, $code: String!) { removeOffering(id: $id, expectedVersion: 2, code: $code) { ${payload} } }`,
        { id, code: entry.offerings[0]!.code },
        ['UPDATED'],
      ],
      [
        'sunset',
        `mutation ($id: ID!) { sunsetMicroCredential(id: $id, expectedVersion: 3, reason: "Replaced", effectiveDate: "2027-12-31") { ${payload} } }`,
        { id },
        ['SUNSET'],
      ],
      [
        'another draft started',
        `mutation ($slug: String!) { createMicroCredentialDraft(institution: "seneca", input: { slug: $slug }) { ${payload} } }`,
        { slug: unpublished },
        [],
      ],
      [
        'that draft deleted',
        `mutation ($id: ID!) { deleteMicroCredentialDraft(id: $id, expectedVersion: 1) { ${payload} } }`,
        { id: `seneca:${unpublished}` },
        [],
      ],
    ];
    let cursor = start;
    for (const [step, mutation, variables, kinds] of steps) {
      const result = await call(mutation, variables);
      expect(result.errors, step).toBeUndefined();
      expect(Object.values(result.data as Record<string, { problems: unknown[] }>)[0]!.problems, step).toEqual([]);
      const page = await readAll(cursor);
      expect(
        page.changes.map((change) => [change.kind, change.microCredentialId]),
        step,
      ).toEqual(kinds.map((kind) => [kind, id]));
      cursor = page.cursor;
    }
  });
});

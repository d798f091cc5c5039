/**
 * A job board follows `directoryChanges` through the gateway across publishes,
 * sunsets and deletions in several institutions, an institution going down and
 * coming back, and one leaving the registry and joining again; its mirror ends
 * with exactly the directory's public entries.
 */
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDirectory } from '../../cli/localDirectory.js';
import { sampleInstitutions } from '../../seed/institutions.js';
import { provinceApiKey, startTestDirectory, stopInstitutionDuringTest } from '../support/directory.js';
import { graphql } from '../support/graphql.js';
import { apiKeyFor, sampleInputs } from '../publishing/support.js';

const institutions = ['humber', 'seneca', 'georgian'];
let directory: LocalDirectory;

beforeAll(async () => {
  directory = await startTestDirectory({ institutions, entriesPerInstitution: 4 });
});
afterAll(async () => {
  await directory?.stop();
});

const feedQuery = `query ($since: String, $first: Int) {
  directoryChanges(since: $since, first: $first) {
    cursor hasMore unavailableInstitutions
    changes { kind institutionCode microCredentialId occurredAt microCredential { id status url } institution { code url } }
  }
}`;

/** What a job board keeps: id → status of every public entry it has heard of. */
class Mirror {
  readonly entries = new Map<string, string>();
  cursor: string | null = null;
  readonly kinds: string[] = [];

  /** Reads every page available now; returns the institutions that could not be read. */
  async follow(pageSize = 4): Promise<string[]> {
    for (let guard = 0; guard < 200; guard++) {
      const result = await graphql(directory.gateway.url, feedQuery, { since: this.cursor, first: pageSize });
      expect(result.errors).toBeUndefined();
      const page = result.data.directoryChanges;
      for (const change of page.changes) this.apply(change);
      this.cursor = page.cursor;
      if (!page.hasMore) return page.unavailableInstitutions;
    }
    throw new Error('the feed never ended');
  }

  private apply(change: any): void {
    this.kinds.push(change.kind);
    if (change.kind === 'INSTITUTION_REMOVED') {
      for (const id of this.entries.keys()) if (id.startsWith(`${change.institutionCode}:`)) this.entries.delete(id);
    } else if (change.kind !== 'INSTITUTION_ADDED') {
      expect(change.microCredentialId.startsWith(`${change.institutionCode}:`)).toBe(true);
      if (change.microCredential) this.entries.set(change.microCredentialId, change.microCredential.status);
      else this.entries.delete(change.microCredentialId);
    }
  }
}

/** The directory's public entries right now, read the ordinary way. */
async function publicEntries(): Promise<Map<string, string>> {
  const result = await graphql(
    directory.gateway.url,
    `{ institutions { code microCredentials(first: 100, filter: { status: [ACTIVE, SUNSET] }) { edges { node { id status } } } } }`,
  );
  expect(result.errors).toBeUndefined();
  return new Map(
    result.data.institutions.flatMap((i: any) => i.microCredentials.edges.map((e: any) => [e.node.id, e.node.status])),
  );
}

const asInstitution = async (code: string) => {
  const key = await apiKeyFor(directory.catalogueDatabaseUrl(code), code);
  return (query: string, variables: Record<string, unknown>) =>
    graphql(directory.gateway.url, query, variables, { authorization: `Bearer ${key}` });
};

async function publishNew(code: string, seed: number): Promise<string> {
  const write = await asInstitution(code);
  const input = { ...sampleInputs(code, 1, seed)[0]!, slug: `new-offering-${seed}`, externalCode: `NEW-${seed}` };
  const created = await write(
    `mutation ($i: ID!, $input: MicroCredentialInput!) { createMicroCredentialDraft(institution: $i, input: $input) { draft { id version } problems { code path } } }`,
    { i: code, input },
  );
  expect(created.data.createMicroCredentialDraft.problems).toEqual([]);
  const { id, version } = created.data.createMicroCredentialDraft.draft;
  const published = await write(
    `mutation ($id: ID!, $v: Int!) { publishMicroCredential(id: $id, expectedVersion: $v) { problems { code } } }`,
    { id, v: version },
  );
  expect(published.data.publishMicroCredential.problems).toEqual([]);
  return id;
}

async function sunset(id: string): Promise<void> {
  const write = await asInstitution(id.split(':')[0]!);
  const current = await graphql(directory.gateway.url, `query ($id: ID!) { microCredential(id: $id) { version } }`, {
    id,
  });
  const result = await write(
    `mutation ($id: ID!, $v: Int!, $on: Date!) { sunsetMicroCredential(id: $id, expectedVersion: $v, reason: "Retired", effectiveDate: $on) { problems { code } } }`,
    {
      id,
      v: current.data.microCredential.version,
      on: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    },
  );
  expect(result.data.sunsetMicroCredential.problems).toEqual([]);
}

/** An institution removing an entry from its own catalogue database (the contract allows it; the feed reports DELETED). */
async function deleteInOwnCatalogue(id: string): Promise<void> {
  const [code, slug] = id.split(':') as [string, string];
  const sql = postgres(directory.catalogueDatabaseUrl(code), { max: 1 });
  try {
    await sql`delete from micro_credentials where slug = ${slug}`;
  } finally {
    await sql.end();
  }
}

const province = (query: string, variables: Record<string, unknown>) =>
  graphql(directory.gateway.url, query, variables, { authorization: `Bearer ${provinceApiKey}` });

describe('directoryChanges', () => {
  it('lets a job board mirror the whole province through one feed', async () => {
    const board = new Mirror();
    expect(await board.follow()).toEqual([]);
    expect(board.entries).toEqual(await publicEntries());
    expect(board.kinds.filter((kind) => kind === 'INSTITUTION_ADDED')).toHaveLength(3);

    // Publishes, sunsets and deletions in several institutions.
    const [humberEntry, senecaEntry, georgianEntry] = await Promise.all(
      institutions.map(async (code) => [...(await publicEntries()).keys()].find((id) => id.startsWith(`${code}:`))!),
    );
    const published = await publishNew('humber', 21);
    await sunset(senecaEntry!);
    await deleteInOwnCatalogue(georgianEntry!);
    await sunset(humberEntry!);
    expect(await board.follow(3)).toEqual([]);
    expect(board.entries.get(published)).toBe('ACTIVE');
    expect(board.entries.get(senecaEntry!)).toBe('SUNSET');
    expect(board.entries.has(georgianEntry!)).toBe(false);
    expect(board.entries).toEqual(await publicEntries());

    // seneca changes, then goes down: the feed carries on without it and says so.
    const senecaNew = await publishNew('seneca', 22);
    await stopInstitutionDuringTest(directory, 'seneca');
    const humberWhileDown = await publishNew('humber', 23);
    expect(await board.follow()).toEqual(['seneca']);
    expect(board.entries.get(humberWhileDown)).toBe('ACTIVE');
    expect(board.entries.has(senecaNew)).toBe(false);

    // seneca comes back: its changes arrive where it left off.
    await directory.startInstitution('seneca');
    await expect.poll(() => board.follow(), { timeout: 10_000, interval: 250 }).toEqual([]);
    expect(board.entries.get(senecaNew)).toBe('ACTIVE');
    expect(board.entries).toEqual(await publicEntries());

    // georgian leaves the registry: the board drops its entries; it joins again: they come back.
    const georgian = sampleInstitutions.find((institution) => institution.code === 'georgian')!;
    expect((await province(`mutation ($c: ID!) { removeInstitution(code: $c) }`, { c: 'georgian' })).data).toEqual({
      removeInstitution: true,
    });
    await board.follow();
    expect([...board.entries.keys()].some((id) => id.startsWith('georgian:'))).toBe(false);
    expect(board.kinds.at(-1)).toBe('INSTITUTION_REMOVED');
    expect(board.entries).toEqual(await publicEntries());
    const registered = await province(
      `mutation ($input: InstitutionInput!) { registerInstitution(input: $input) { code } }`,
      { input: { ...georgian, subgraphUrl: directory.catalogues.get('georgian')!.url } },
    );
    expect(registered.errors).toBeUndefined();
    await expect.poll(() => board.follow(), { timeout: 10_000, interval: 250 }).toEqual([]);
    expect([...board.entries.keys()].some((id) => id.startsWith('georgian:'))).toBe(true);

    // The end: exactly the directory's public entries, sunset ones included.
    expect(board.entries).toEqual(await publicEntries());
    expect([...board.entries.values()]).toContain('SUNSET');
  });

  it('carries permanent URLs and refuses a cursor it did not produce', async () => {
    const result = await graphql(directory.gateway.url, feedQuery, { first: 5 });
    const withEntry = result.data.directoryChanges.changes.find((change: any) => change.microCredential);
    expect(withEntry.microCredential.url).toMatch(new RegExp(`/credentials/${withEntry.microCredentialId}$`));
    expect(withEntry.institution.url).toMatch(new RegExp(`/institutions/${withEntry.institutionCode}$`));
    const bad = await graphql(directory.gateway.url, feedQuery, { since: 'bm90IGEgY3Vyc29y', first: 5 });
    expect(bad.errors?.[0]?.extensions?.code).toBe('INVALID_CURSOR');
    const tooMany = await graphql(directory.gateway.url, feedQuery, { first: 501 });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

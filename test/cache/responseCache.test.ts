/**
 * The gateway's response cache, end to end: real directory, real HTTP. Public
 * answers are served from the cache (`x-cache: HIT`) until the data they were
 * built from changes anywhere: a catalogue written directly (not through the
 * gateway), the framework, or the search index.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDirectory } from '../../cli/localDirectory.js';
import { provinceApiKey, startTestDirectory } from '../support/directory.js';
import { graphql } from '../support/graphql.js';
import { apiKeyFor, sampleInputs } from '../publishing/support.js';

let directory: LocalDirectory;
let indexDir: string;
let humberKey: string;

beforeAll(async () => {
  indexDir = await mkdtemp(join(tmpdir(), 'response-cache-'));
  directory = await startTestDirectory({
    institutions: ['humber', 'seneca'],
    entriesPerInstitution: 4,
    search: { port: 0, indexDir, indexIntervalMs: 60_000 },
    // The production default, so the 2-second promise is tested as shipped.
    responseCache: { watchIntervalMs: 500 },
  });
  humberKey = await apiKeyFor(directory.catalogueDatabaseUrl('humber'), 'humber');
});
afterAll(async () => {
  await directory?.stop();
  if (indexDir) await rm(indexDir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  cache: string | null;
  etag: string | null;
  cacheControl: string | null;
  body: any;
}

async function post(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return answerOf(response);
}

async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  return {
    status: response.status,
    cache: response.headers.get('x-cache'),
    etag: response.headers.get('etag'),
    cacheControl: response.headers.get('cache-control'),
    body: text ? JSON.parse(text) : undefined,
  };
}

const gateway = (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) =>
  post(directory.gateway.url, query, variables, headers);

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const detail = `query ($id: ID!) { microCredential(id: $id) { id title oqfAlignment { band } } }`;

async function firstId(institution: string): Promise<string> {
  const listed = await gateway(
    `query ($i: ID!) { institution(code: $i) { microCredentials(first: 1) { edges { node { id } } } } }`,
    {
      i: institution,
    },
  );
  return listed.body.data.institution.microCredentials.edges[0].node.id;
}

/** Republishes an entry with a new title straight on the institution's own subgraph, bypassing the gateway. */
async function retitleAtInstitution(id: string, title: string): Promise<void> {
  const url = directory.catalogues.get('humber')!.url;
  const auth = { authorization: `Bearer ${humberKey}` };
  const created = await post(
    url,
    `mutation ($i: ID!, $input: MicroCredentialInput!) { createMicroCredentialDraft(institution: $i, input: $input) { draft { id version } problems { code } } }`,
    { i: 'humber', input: { slug: id.slice('humber:'.length), title } },
    auth,
  );
  const draft = created.body.data.createMicroCredentialDraft.draft;
  expect(draft, JSON.stringify(created.body)).toBeTruthy();
  const published = await post(
    url,
    `mutation ($id: ID!, $v: Int!) { publishMicroCredential(id: $id, expectedVersion: $v) { problems { code } } }`,
    { id: draft.id, v: draft.version },
    auth,
  );
  expect(published.body.data.publishMicroCredential.problems).toEqual([]);
}

describe('response cache', () => {
  it('serves a repeated public query from the cache and shows a publish within 2 s', async () => {
    const id = await firstId('humber');
    const first = await gateway(detail, { id });
    expect(first.cache).toBe('MISS');
    const second = await gateway(detail, { id });
    expect(second.cache).toBe('HIT');
    expect(second.body).toEqual(first.body);
    expect(second.etag).toBe(first.etag);
    expect(second.cacheControl).toBe('public, max-age=1');

    const title = `Retitled ${Date.now()}`;
    await retitleAtInstitution(id, title);
    const published = Date.now();
    const seen = await until(
      () => gateway(detail, { id }),
      (answer) => answer.body.data.microCredential.title === title,
      5_000,
    );
    expect(seen.body.data.microCredential.title).toBe(title);
    expect(Date.now() - published).toBeLessThan(2_000);
  });

  it('keeps answers from other institutions cached when one institution publishes', async () => {
    const senecaId = await firstId('seneca');
    await gateway(detail, { id: senecaId });
    await retitleAtInstitution(await firstId('humber'), `Again ${Date.now()}`);
    await directory.gateway.responseCache.poll();
    expect((await gateway(detail, { id: senecaId })).cache).toBe('HIT');
  });

  it('never serves a credentialed request from the cache nor stores its answer', async () => {
    const id = await firstId('humber');
    const credential = { authorization: `Bearer ${humberKey}` };
    // Cached publicly first: the credentialed request must still not be given the shared answer.
    await gateway(detail, { id });
    expect((await gateway(detail, { id })).cache).toBe('HIT');
    const credentialed = await gateway(detail, { id }, credential);
    expect(credentialed.cache).toBe('BYPASS');
    expect(credentialed.cacheControl).toBe('private, no-store');

    // Asked first with a credential: nothing is stored, the next public request executes.
    const ownerOnly = `query ($id: ID!) { microCredential(id: $id) { id title version } }`;
    expect((await gateway(ownerOnly, { id }, credential)).cache).toBe('BYPASS');
    expect((await gateway(ownerOnly, { id }, { authorization: 'Bearer rk_anything' })).cache).toBe('BYPASS');
    expect((await gateway(ownerOnly, { id }, { authorization: `Bearer ${provinceApiKey}` })).cache).toBe('BYPASS');
    expect((await gateway(ownerOnly, { id })).cache).toBe('MISS');
    // A consumer key identifies a client for its budget only: it shares public answers.
    const issued = await graphql(
      directory.gateway.url,
      'mutation { issueConsumerKey(label: "Cache test job board") { key } }',
      undefined,
      { authorization: `Bearer ${provinceApiKey}` },
    );
    const consumerKey = issued.data.issueConsumerKey.key;
    expect((await gateway(ownerOnly, { id }, { authorization: `Bearer ${consumerKey}` })).cache).toBe('HIT');
  });

  it('shows a write made through the gateway to the next read at once', async () => {
    const id = await firstId('humber');
    await gateway(detail, { id });
    expect((await gateway(detail, { id })).cache).toBe('HIT');
    const title = `Through the gateway ${Date.now()}`;
    const auth = { authorization: `Bearer ${humberKey}` };
    const created = await gateway(
      `mutation ($i: ID!, $input: MicroCredentialInput!) { createMicroCredentialDraft(institution: $i, input: $input) { draft { id version } } }`,
      { i: 'humber', input: { slug: id.slice('humber:'.length), title } },
      auth,
    );
    const draft = created.body.data.createMicroCredentialDraft.draft;
    await gateway(
      `mutation ($id: ID!, $v: Int!) { publishMicroCredential(id: $id, expectedVersion: $v) { problems { code } } }`,
      { id: draft.id, v: draft.version },
      auth,
    );
    const read = await gateway(detail, { id });
    expect(read.cache).toBe('MISS');
    expect(read.body.data.microCredential.title).toBe(title);
  });

  it('drops framework answers when the framework changes, and only those', async () => {
    const institutions = `{ institutions { code name } }`;
    const id = await firstId('seneca');
    await gateway(institutions);
    await gateway(detail, { id: `${id}` });
    const catalogueOnly = `query ($id: ID!) { microCredential(id: $id) { id title } }`;
    await gateway(catalogueOnly, { id });
    expect((await gateway(institutions)).cache).toBe('HIT');
    expect((await gateway(catalogueOnly, { id })).cache).toBe('HIT');

    // Straight to the framework subgraph, as the province's own tools would.
    const name = `Humber Polytechnic ${Date.now()}`;
    const updated = await post(
      directory.framework.url,
      `mutation ($name: String!) { updateInstitution(code: "humber", input: { name: $name }) { name } }`,
      { name },
      { authorization: `Bearer ${provinceApiKey}` },
    );
    expect(updated.body.errors).toBeUndefined();
    const changed = Date.now();
    const seen = await until(
      () => gateway(institutions),
      (answer) => answer.body.data.institutions.some((i: { name: string }) => i.name === name),
      5_000,
    );
    expect(seen.body.data.institutions.some((i: { name: string }) => i.name === name)).toBe(true);
    expect(Date.now() - changed).toBeLessThan(2_000);
    // The entry's detail used the framework (OQF band): dropped; the catalogue-only answer was not.
    expect((await gateway(detail, { id })).cache).toBe('MISS');
    expect((await gateway(catalogueOnly, { id })).cache).toBe('HIT');
  });

  it('drops search answers when the search index changes', async () => {
    const word = 'Quixotography';
    const search = `{ searchMicroCredentials(query: "${word}") { total hits { microCredential { id title } } } }`;
    const before = await gateway(search);
    expect(before.body.data.searchMicroCredentials.total).toBe(0);
    expect((await gateway(search)).cache).toBe('HIT');

    const [input] = sampleInputs('humber', 1, 29);
    const url = directory.catalogues.get('humber')!.url;
    const auth = { authorization: `Bearer ${humberKey}` };
    const created = await post(
      url,
      `mutation ($i: ID!, $input: MicroCredentialInput!) { createMicroCredentialDraft(institution: $i, input: $input) { draft { id version } problems { code } } }`,
      { i: 'humber', input: { ...input, slug: 'quixotography-basics', externalCode: 'QX-1', title: `${word} basics` } },
      auth,
    );
    const draft = created.body.data.createMicroCredentialDraft.draft;
    await post(
      url,
      `mutation ($id: ID!, $v: Int!) { publishMicroCredential(id: $id, expectedVersion: $v) { problems { code } } }`,
      {
        id: draft.id,
        v: draft.version,
      },
      auth,
    );
    await directory.search!.indexer.runPass();
    const indexed = Date.now();
    const seen = await until(
      () => gateway(search),
      (answer) => answer.body.data.searchMicroCredentials.total === 1,
      5_000,
    );
    expect(seen.body.data.searchMicroCredentials.hits[0].microCredential.id).toBe('humber:quixotography-basics');
    expect(Date.now() - indexed).toBeLessThan(2_000);
  });

  it('answers GET for a persisted query with an ETag, and 304 when the client has it', async () => {
    const query = `query Levels { oqfLevels { number name } }`;
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash } });
    const getUrl = `${directory.gateway.url}?operationName=Levels&extensions=${encodeURIComponent(extensions)}`;
    const get = (headers: Record<string, string> = {}) =>
      fetch(getUrl, { headers: { 'apollo-require-preflight': 'true', ...headers } }).then(answerOf);

    expect((await get()).body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await fetch(directory.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, operationName: 'Levels', extensions: JSON.parse(extensions) }),
    }).then(answerOf);
    expect(registered.body.data.oqfLevels).toHaveLength(13);

    const fetched = await get();
    expect(fetched.status).toBe(200);
    expect(fetched.cache).toBe('HIT');
    expect(fetched.cacheControl).toBe('public, max-age=1');
    expect(fetched.etag).toMatch(/^"[\w-]+"$/);
    expect(fetched.body).toEqual(registered.body);

    // Explicit, or fetch adds `cache-control: no-cache`, which asks for a full answer.
    const revalidated = await get({ 'if-none-match': fetched.etag!, 'cache-control': 'max-age=0' });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body).toBeUndefined();
    expect((await get({ 'if-none-match': '"something-else"', 'cache-control': 'max-age=0' })).status).toBe(200);
  });
});

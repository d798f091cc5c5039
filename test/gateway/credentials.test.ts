/**
 * No credential crosses the institution boundary. Every catalogue, the
 * framework and search sit behind recording proxies that log every header
 * they receive, and clients send every kind of key (two institutions'
 * publishing keys, an old ownerless key, the province key, a recognition key,
 * a job board's consumer key) plus a cookie and a custom header, on queries,
 * owner-only reads and mutations spanning several institutions, and on search.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LocalDirectory } from '../../cli/localDirectory.js';
import { startGateway, type RunningGateway } from '../../gateway/server.js';
import { openCatalogueDatabase } from '../../subgraphs/catalogue/db/connection.js';
import { apiKeys } from '../../subgraphs/catalogue/db/schema.js';
import { apiKeyFor } from '../publishing/support.js';
import { provinceApiKey, registryToken, startTestDirectory } from '../support/directory.js';
import { graphql } from '../support/graphql.js';
import { startRecordingProxy, type RecordingServer } from '../support/hostileInstitution.js';

const institutions = ['humber', 'seneca', 'georgian'];
let directory: LocalDirectory;
let gateway: RunningGateway;
const proxies = new Map<string, RecordingServer>();
let frameworkProxy: RecordingServer;
let searchProxy: RecordingServer;
const keys: Record<string, string> = {};
let ownerlessHumberKey: string;
/** A real consumer key, issued by the province: an unknown one is refused at the edge before anything is routed. */
let consumerKey: string;
const recognitionKey = `rk_${randomBytes(16).toString('hex')}`;

/** An old-format key (`mck_<prefix>_<secret>`, no institution), stored the way keys were stored before. */
async function ownerlessKey(databaseUrl: string): Promise<string> {
  const prefix = randomBytes(4).toString('hex');
  const key = `mck_${prefix}_${randomBytes(32).toString('base64url')}`;
  const { db, close } = openCatalogueDatabase(databaseUrl, { maxConnections: 1 });
  try {
    await db.insert(apiKeys).values({ prefix, keyHash: createHash('sha256').update(key).digest('hex'), label: 'old' });
  } finally {
    await close();
  }
  return key;
}

beforeAll(async () => {
  directory = await startTestDirectory({
    institutions,
    entriesPerInstitution: 4,
    search: { port: 0, indexIntervalMs: 3_600_000 },
  });
  for (const code of institutions) {
    keys[code] = await apiKeyFor(directory.catalogueDatabaseUrl(code), code);
    const proxy = await startRecordingProxy(directory.catalogues.get(code)!.url);
    proxies.set(code, proxy);
    const moved = await graphql(
      directory.gateway.url,
      `mutation($code: ID!, $url: URL!) { updateInstitution(code: $code, input: { subgraphUrl: $url }) { code } }`,
      { code, url: proxy.url },
      { authorization: `Bearer ${provinceApiKey}` },
    );
    expect(moved.errors).toBeUndefined();
  }
  ownerlessHumberKey = await ownerlessKey(directory.catalogueDatabaseUrl('humber'));
  const issued = await graphql(
    directory.gateway.url,
    'mutation { issueConsumerKey(label: "Zero-trust test job board") { key } }',
    undefined,
    { authorization: `Bearer ${provinceApiKey}` },
  );
  expect(issued.errors).toBeUndefined();
  consumerKey = issued.data.issueConsumerKey.key;
  frameworkProxy = await startRecordingProxy(directory.framework.url);
  searchProxy = await startRecordingProxy(directory.search!.url);
  gateway = await startGateway({
    port: 0,
    frameworkUrl: frameworkProxy.url,
    searchUrl: searchProxy.url,
    registryToken,
    registryRefreshMs: 200,
    institutionTimeoutMs: 1_500,
  });
}, 60_000);
afterAll(async () => {
  await gateway?.stop();
  await Promise.all([...proxies.values(), frameworkProxy, searchProxy].map((proxy) => proxy?.stop()));
  await directory?.stop();
});

const cookieAndOthers = {
  cookie: 'session=client-cookie-secret',
  'x-api-key': 'client-custom-header',
  // Forwarded only as the language negotiated from it (`fr`), never as sent.
  'accept-language': 'fr-CA;q=0.9, x-tracking-value',
};
const as = (token: string | undefined) => ({
  ...cookieAndOthers,
  ...(token ? { authorization: `Bearer ${token}` } : {}),
});

async function ids(): Promise<Record<string, string>> {
  const listing = await graphql(
    gateway.url,
    `{ institutions { code microCredentials(first: 1) { edges { node { id } } } } }`,
  );
  expect(listing.errors).toBeUndefined();
  return Object.fromEntries(
    listing.data.institutions.map((i: any) => [i.code, i.microCredentials.edges[0].node.id as string]),
  );
}

const spanningQuery = (id: Record<string, string>) => `{
  institutions { code microCredentials(first: 2) { edges { node { id title oqfAlignment { band } institution { name } } } } }
  h: microCredential(id: "${id.humber}") { id title }
  s: microCredential(id: "${id.seneca}") { id title }
  g: myMicroCredential(id: "${id.georgian}") { id }
  hd: microCredentialDraft(id: "${id.humber}") { id }
  sd: microCredentialDraft(id: "${id.seneca}") { id }
  oqfLevels { number }
}`;

const spanningMutation = (slug: string) => `mutation {
  h: createMicroCredentialDraft(institution: "humber", input: { slug: "${slug}", title: "Zero trust (humber)" }) { draft { id } }
  s: createMicroCredentialDraft(institution: "seneca", input: { slug: "${slug}", title: "Zero trust (seneca)" }) { draft { id } }
}`;

const searchQuery = `{ searchMicroCredentials(query: "data", pageSize: 10) {
  total hits { microCredential { id title institution { code name } } } } }`;

describe('credentials through the gateway', () => {
  it('reach only their owner, on the root fields addressed to it; nothing else crosses, for any key', async () => {
    await vi.waitFor(async () => expect(Object.keys(await ids())).toEqual(expect.arrayContaining(institutions)), {
      timeout: 5_000,
    });
    const id = await ids();
    const tokens = [
      keys.humber,
      keys.seneca,
      ownerlessHumberKey,
      provinceApiKey,
      recognitionKey,
      consumerKey,
      undefined,
    ];
    let run = 0;
    for (const token of tokens) {
      const query = await graphql(gateway.url, spanningQuery(id), undefined, as(token));
      expect(query.data.h.id).toBe(id.humber);
      expect(query.data.s.id).toBe(id.seneca);
      await graphql(gateway.url, spanningMutation(`zero-trust-${run++}`), undefined, as(token));
      const search = await graphql(gateway.url, searchQuery, undefined, as(token));
      expect(search.errors).toBeUndefined();
      expect(search.data.searchMicroCredentials.hits.length).toBeGreaterThan(0);
    }

    for (const [code, proxy] of proxies) {
      const ownKey = `Bearer ${keys[code]}`;
      const withCredential = proxy.received.filter((request) => request.headers.authorization !== undefined);
      for (const request of proxy.received) {
        expect(request.headers.cookie).toBeUndefined();
        expect(request.headers['x-api-key']).toBeUndefined();
        expect(request.headers['accept-language']).not.toBe(cookieAndOthers['accept-language']);
      }
      // The clients' requests above asked for French (others, e.g. the search indexer's, asked for nothing: English).
      expect(proxy.received.some((request) => request.headers['accept-language'] === 'fr')).toBe(true);
      // Only its own key ever arrives, and never on an entity fetch (those are not addressed to it).
      expect(withCredential.map((request) => request.headers.authorization)).toSatisfy((seen: unknown[]) =>
        seen.every((header) => header === ownKey),
      );
      expect(withCredential.some((request) => request.body.query?.includes('_entities'))).toBe(false);
    }
    // humber's and seneca's keys did arrive, each at its owner: their own parts of the operation were addressed to them.
    expect(proxies.get('humber')!.received.some((r) => r.headers.authorization === `Bearer ${keys.humber}`)).toBe(true);
    expect(proxies.get('seneca')!.received.some((r) => r.headers.authorization === `Bearer ${keys.seneca}`)).toBe(true);
    // georgian's key was never sent by a client, so georgian received no credential at all.
    expect(proxies.get('georgian')!.received.every((r) => r.headers.authorization === undefined)).toBe(true);

    // Search is province-run: it receives the province key (which reads its insights) and nothing else.
    expect(searchProxy.received.length).toBeGreaterThan(0);
    for (const request of searchProxy.received) {
      expect([undefined, `Bearer ${provinceApiKey}`]).toContain(request.headers.authorization);
      expect(request.headers.cookie).toBeUndefined();
    }
    expect(searchProxy.received.some((r) => r.headers.authorization === `Bearer ${provinceApiKey}`)).toBe(true);
    // The framework receives the province's and recognition tokens (and the gateway's own registry token), never
    // a publishing or consumer key, never a cookie.
    const frameworkTokens = new Set(frameworkProxy.received.map((request) => request.headers.authorization));
    expect([...frameworkTokens].sort()).toEqual(
      [`Bearer ${provinceApiKey}`, `Bearer ${recognitionKey}`, `Bearer ${registryToken}`, undefined].sort(),
    );
    for (const request of frameworkProxy.received) expect(request.headers.cookie).toBeUndefined();
  }, 60_000);

  it("lets a publishing key act for its own institution only, and refuses another's key at the owner", async () => {
    const slug = `own-only-${randomBytes(3).toString('hex')}`;
    const result = await graphql(gateway.url, spanningMutation(slug), undefined, as(keys.humber));
    // seneca refuses (its half of the mutation arrived without a credential); humber's half is written.
    expect(
      result.errors?.map((error) => [error.path?.[0], error.extensions?.code, error.extensions?.institution]),
    ).toEqual([['s', 'UNAUTHENTICATED', 'seneca']]);
    const draft = `query($id: ID!) { microCredentialDraft(id: $id) { id } }`;
    const humber = await graphql(gateway.url, draft, { id: `humber:${slug}` }, as(keys.humber));
    expect(humber.data.microCredentialDraft).toEqual({ id: `humber:${slug}` });
    const seneca = await graphql(gateway.url, draft, { id: `seneca:${slug}` }, as(keys.seneca));
    expect(seneca.data.microCredentialDraft).toBeNull();

    // Sent straight to seneca's own subgraph, humber's key names humber and is refused there too.
    const direct = await graphql(
      directory.catalogues.get('seneca')!.url,
      spanningMutation(`${slug}-direct`).replace(/h: [^\n]+\n/, ''),
      undefined,
      as(keys.humber),
    );
    expect(direct.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('never forwards an old ownerless key, which still works sent directly to its own institution', async () => {
    const audit = `{ auditLog(institution: "humber", first: 1) { entries { action } } }`;
    const viaGateway = await graphql(gateway.url, audit, undefined, as(ownerlessHumberKey));
    expect(viaGateway.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', institution: 'humber' });
    const direct = await graphql(directory.catalogues.get('humber')!.url, audit, undefined, as(ownerlessHumberKey));
    expect(direct.errors).toBeUndefined();
    expect(Array.isArray(direct.data.auditLog.entries)).toBe(true);
  });
});

/**
 * The gateway-backed feed against a real HTTP server that answers like a
 * gateway would, including partial failures: an entry nulled by an error is
 * "unresolved", never a deletion; a nullable field's error does not block the
 * entry; a failed `changes` root field or a dead gateway is an outage.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedUnavailableError } from '../../subgraphs/search/indexer/CatalogueFeed.js';
import { GatewayCatalogueFeed } from '../../subgraphs/search/indexer/GatewayCatalogueFeed.js';
import { seedFeedEntries } from '../../seed/searchCorpus.js';

const [entry] = seedFeedEntries(20, 1);
let answer: { status: number; body: unknown } = { status: 200, body: {} };
let lastRequest: { query: string; variables: Record<string, unknown> } | undefined;
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      lastRequest = JSON.parse(body);
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const change = (n: number, microCredential: unknown) => ({
  cursor: `c${n}`,
  kind: 'UPDATED',
  microCredentialId: `${entry!.institution.code}:e${n}`,
  occurredAt: '2026-05-01T10:00:00.000Z',
  microCredential,
});

describe('gateway catalogue feed', () => {
  it('asks for one institution page with the framework fields and passes the cursor on', async () => {
    answer = {
      status: 200,
      body: { data: { changes: { cursor: 'c1', hasMore: false, changes: [change(1, entry)] } } },
    };
    const page = await new GatewayCatalogueFeed({ gatewayUrl: url }).changes('humber', 'c0', 250);
    expect(lastRequest?.variables).toEqual({ institution: 'humber', since: 'c0', first: 250 });
    expect(lastRequest?.query).toContain('oqfAlignment { band }');
    expect(lastRequest?.query).toContain('institution { code name nameFr type region languages }');
    expect(page).toMatchObject({ cursor: 'c1', hasMore: false, changes: [{ microCredential: entry }] });
    expect(page.unresolved.size).toBe(0);
  });

  it('marks an entry nulled by an error as unresolved, but not a deletion or a nullable field error', async () => {
    answer = {
      status: 200,
      body: {
        data: {
          changes: {
            cursor: 'c3',
            hasMore: true,
            changes: [change(1, { ...entry, oqfAlignment: null }), change(2, null), change(3, null)],
          },
        },
        errors: [
          { message: 'hours invalid', path: ['changes', 'changes', 0, 'microCredential', 'oqfAlignment'] },
          { message: 'framework timed out', path: ['changes', 'changes', 2, 'microCredential', 'institution', 'name'] },
        ],
      },
    };
    const page = await new GatewayCatalogueFeed({ gatewayUrl: url }).changes('humber', null, 3);
    expect([...page.unresolved]).toEqual([2]);
  });

  it('reports an institution the gateway cannot reach as unavailable', async () => {
    answer = {
      status: 200,
      body: { data: null, errors: [{ message: 'Institution "humber" is unavailable', path: ['changes'] }] },
    };
    await expect(new GatewayCatalogueFeed({ gatewayUrl: url }).changes('humber', null, 10)).rejects.toThrow(
      /changes for "humber" unavailable: Institution "humber" is unavailable/,
    );
  });

  it('rejects malformed pages and non-JSON answers', async () => {
    const feed = new GatewayCatalogueFeed({ gatewayUrl: url });
    answer = { status: 200, body: { data: { changes: { cursor: 5, hasMore: false, changes: [] } } } };
    await expect(feed.changes('humber', null, 10)).rejects.toBeInstanceOf(FeedUnavailableError);
    answer = {
      status: 200,
      body: { data: { changes: { cursor: 'c1', hasMore: false, changes: [{ kind: 'UPDATED' }] } } },
    };
    await expect(feed.changes('humber', null, 10)).rejects.toThrow('malformed change');
    answer = { status: 502, body: '<html>bad gateway</html>' };
    await expect(feed.changes('humber', null, 10)).rejects.toThrow('HTTP 502 without a GraphQL body');
  });

  it('lists institution codes, and treats an unreachable gateway as an outage', async () => {
    answer = { status: 200, body: { data: { institutions: [{ code: 'humber' }, { code: 'lacite' }] } } };
    expect(await new GatewayCatalogueFeed({ gatewayUrl: url }).institutions()).toEqual(['humber', 'lacite']);
    const nowhere = new GatewayCatalogueFeed({ gatewayUrl: 'http://127.0.0.1:9/graphql', timeoutMs: 1000 });
    await expect(nowhere.institutions()).rejects.toThrow('gateway unreachable');
  });
});

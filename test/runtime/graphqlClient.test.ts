/**
 * The one GraphQL client against a real HTTP server: every way an answer can
 * be wrong becomes a GraphQLCallError with a code, and no error text names the
 * address that was called (callers pass the detail on to clients).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLCallError, type GraphQLCallFailure, postGraphQL } from '../../runtime/graphqlClient.js';

let answer: { status: number; type: string; body: string; delayMs?: number } = { status: 200, type: '', body: '' };
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    setTimeout(() => {
      if (res.destroyed) return;
      res.writeHead(answer.status, { 'content-type': answer.type });
      res.end(answer.body);
    }, answer.delayMs ?? 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function failure(target: string, timeoutMs = 5_000): Promise<GraphQLCallError> {
  const error = await postGraphQL({ url: target, body: { query: '{ x }' }, timeoutMs }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(GraphQLCallError);
  const { port, hostname } = new URL(target);
  expect((error as Error).message).not.toContain(port);
  expect((error as Error).message).not.toContain(hostname);
  return error as GraphQLCallError;
}

const json = (body: unknown, status = 200) => ({ status, type: 'application/json', body: JSON.stringify(body) });

describe('the one GraphQL client', () => {
  it('returns data and errors of a GraphQL answer, also on a 4xx that carries one', async () => {
    answer = json({ data: { x: 1 } });
    expect(await postGraphQL({ url, body: { query: '{ x }' }, timeoutMs: 5_000 })).toEqual({
      data: { x: 1 },
      errors: [],
    });
    answer = json({ errors: [{ message: 'Cannot query field "y"' }] }, 400);
    expect(await postGraphQL({ url, body: { query: '{ y }' }, timeoutMs: 5_000 })).toEqual({
      data: null,
      errors: [{ message: 'Cannot query field "y"' }],
    });
  });

  it.each<[string, typeof answer, GraphQLCallFailure]>([
    ['an HTML error page', { status: 502, type: 'text/html', body: '<html>bad gateway</html>' }, 'HTTP_ERROR'],
    ['a JSON array', json([{ data: {} }]), 'MALFORMED_RESPONSE'],
    ['data that is a list', json({ data: [1, 2] }), 'MALFORMED_RESPONSE'],
    ['errors without messages', json({ errors: [{ code: 1 }] }), 'MALFORMED_RESPONSE'],
    ['neither data nor errors', json({ result: 'ok' }), 'MALFORMED_RESPONSE'],
  ])('refuses %s with a code', async (_, body, code) => {
    answer = body;
    expect((await failure(url)).failure).toBe(code);
  });

  it('gives up at its deadline, and on a closed port, without naming the address', async () => {
    answer = { ...json({ data: {} }), delayMs: 2_000 };
    const late = await failure(url, 200);
    expect(late).toMatchObject({ failure: 'TIMEOUT', detail: 'no answer within 200 ms' });
    const closed = await failure('http://127.0.0.1:9/graphql');
    expect(closed.failure).toBe('UNREACHABLE');
  });
});

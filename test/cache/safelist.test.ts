/** The optional safelist: every query must be registered, whatever credential it carries; mutations are not limited. */
import { ApolloServer, HeaderMap } from '@apollo/server';
import { afterAll, describe, expect, it } from 'vitest';
import { safelistPlugin } from '../../gateway/cache/safelist.js';

const registered = '{ levels }';
const server = new ApolloServer({
  typeDefs: 'type Query { levels: Int, secret: Int } type Mutation { publish: Boolean }',
  resolvers: { Query: { levels: () => 13, secret: () => 42 }, Mutation: { publish: () => true } },
  plugins: [safelistPlugin([registered])],
});
afterAll(() => server.stop());

async function run(query: string, authorization?: string) {
  const headers = new HeaderMap(authorization ? [['authorization', authorization]] : []);
  const response = await server.executeOperation({ query, http: { method: 'POST', headers, body: {}, search: '' } });
  return {
    status: response.http.status,
    result: response.body.kind === 'single' ? response.body.singleResult : undefined,
  };
}

describe('safelist', () => {
  it('runs a registered operation and refuses any other with a code', async () => {
    expect((await run(registered)).result?.data).toEqual({ levels: 13 });
    const refused = await run('{ secret }');
    expect(refused.status).toBe(403);
    expect(refused.result?.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_REGISTERED');
    expect(refused.result?.data).toBeUndefined();
    // The same text only: a different spelling is a different operation.
    expect((await run('{levels}')).result?.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_REGISTERED');
  });

  it('cannot be bypassed with a bearer token, and leaves mutations to the subgraphs that authorize them', async () => {
    expect((await run('{ secret }', 'Bearer mck_humber_1a2b3c4d_x')).status).toBe(403);
    expect((await run('{ secret }', 'Bearer forged-province-key')).status).toBe(403);
    expect((await run('{ secret }', 'Bearer mdk_board_1')).status).toBe(403);
    expect((await run('mutation { publish }', 'Bearer mck_humber_1a2b3c4d_x')).result?.data).toEqual({ publish: true });
  });
});

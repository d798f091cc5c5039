/**
 * Writes have their own deadlines, and running out of one is reported as
 * what it is: the write may or may not have been applied. It never marks the
 * institution DOWN, so the next client's read is served. Uses a real
 * framework and a real gateway, and an institution server whose writes are
 * slower than the gateway's write deadline.
 */
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from '../../gateway/server.js';
import { serveGraphQL, type RunningHttpServer } from '../../runtime/http.js';
import { loadSchemaDocument } from '../../runtime/schemaFiles.js';
import { asProvince, registryToken, startTestFramework, type TestFramework } from '../framework/startFramework.js';
import { graphql } from '../support/graphql.js';

const writeMs = 400;
const importMs = 800;
const slowWriteMs = 3_000;
let framework: TestFramework;
let gateway: RunningGateway;
let slow: RunningHttpServer;
const applied: string[] = [];

/** Implements the contract; reads answer at once, writes are applied after `slowWriteMs`. */
function startSlowWriter(): Promise<RunningHttpServer> {
  const entry = (id: string) => ({ id, title: `Entry ${id}`, institution: { code: 'slowwriter' } });
  const slowly = <T>(what: string, value: T) =>
    new Promise<T>((resolve) =>
      setTimeout(() => {
        applied.push(what);
        resolve(value);
      }, slowWriteMs),
    );
  const empty = { created: [], updated: [], unchanged: [], problems: [], warnings: [] };
  return serveGraphQL({
    port: 0,
    createApollo: (drain) =>
      new ApolloServer({
        schema: buildSubgraphSchema({
          typeDefs: loadSchemaDocument('catalogue'),
          resolvers: {
            Query: { microCredential: (_: unknown, { id }: { id: string }) => entry(id) },
            MicroCredential: { __resolveReference: (ref: { id: string }) => entry(ref.id) },
            Mutation: {
              importCatalogue: () => slowly('import', empty),
              deleteMicroCredentialDraft: () => slowly('delete', { ...empty, microCredential: null, draft: null }),
            },
          } as any,
        }),
        plugins: [drain],
      }),
    context: async () => ({}),
  });
}

beforeAll(async () => {
  // The framework is all the gateway needs beside the slow writer: a whole directory (its own gateway,
  // a catalogue nobody asks) was started here once only to register it.
  framework = await startTestFramework('write_deadline');
  slow = await startSlowWriter();
  const registered = await graphql(
    framework.url,
    'mutation ($input: InstitutionInput!) { registerInstitution(input: $input) { code } }',
    {
      input: {
        code: 'slowwriter',
        name: 'Slow Writer College',
        type: 'CAREER_COLLEGE',
        region: 'CENTRAL',
        website: 'https://slowwriter.example.ca',
        languages: ['en'],
        subgraphUrl: slow.url,
      },
    },
    asProvince,
  );
  expect(registered.errors).toBeUndefined();
  gateway = await startGateway({
    port: 0,
    frameworkUrl: framework.url,
    registryToken,
    deadlines: { writeMs, importMs },
    healthProbeIntervalMs: 200,
  });
});

afterAll(async () => {
  await gateway?.stop();
  await slow?.stop();
  await framework?.server.stop();
});

describe('a write slower than its deadline', () => {
  it.each([
    [
      'an import',
      'mutation { importCatalogue(institution: "slowwriter", format: CSV, content: "x") { created } }',
      importMs,
    ],
    [
      'another write',
      'mutation { deleteMicroCredentialDraft(id: "slowwriter:a", expectedVersion: 1) { problems { code } } }',
      writeMs,
    ],
  ])('%s is reported as of unknown outcome, and the institution stays UP', async (kind, mutation, deadline) => {
    const started = Date.now();
    const result = await graphql(gateway.url, mutation);
    expect(Date.now() - started).toBeGreaterThanOrEqual(deadline);
    // The gateway answered before the institution finished the write.
    expect(applied).not.toContain(kind === 'an import' ? 'import' : 'delete');
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'WRITE_OUTCOME_UNKNOWN',
      institution: 'slowwriter',
      reason: 'WRITE_OUTCOME_UNKNOWN',
    });
    expect(result.errors?.[0]?.message).toMatch(/outcome is unknown, check before retrying/);

    // Another client's read right afterwards is served, and health still says UP.
    const read = await graphql(gateway.url, '{ microCredential(id: "slowwriter:a") { id } }');
    expect(read).toEqual({ data: { microCredential: { id: 'slowwriter:a' } } });
    const health = await (await fetch(gateway.url.replace('/graphql', '/health'))).json();
    expect(health.institutions.find((i: any) => i.code === 'slowwriter')).toMatchObject({ status: 'UP' });
  });

  it('was in fact applied later: why the error says to check before retrying', async () => {
    for (let waited = 0; applied.length < 2 && waited < slowWriteMs + 5_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(applied).toEqual(expect.arrayContaining(['import', 'delete']));
  });
});

describe('an institution that is down', () => {
  it('is named once in its error, with the reason, and no address', async () => {
    await slow.stop();
    const messages = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const result = await graphql(gateway.url, '{ microCredential(id: "slowwriter:a") { id } }');
      messages.add(result.errors![0]!.message);
    }
    for (const message of messages) {
      expect(message.split('"slowwriter"')).toHaveLength(2);
      expect(message).not.toMatch(/127\.0\.0\.1|localhost/);
    }
    expect([...messages].join('\n')).toMatch(/unreachable|down/);
  });
});

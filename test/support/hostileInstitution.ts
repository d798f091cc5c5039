/**
 * Real catalogue subgraphs that misbehave on purpose, the way a broken or
 * malicious institution server could: answering for another institution's
 * entities, serving an altered contract, answering slowly, or with garbage.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { visit, type DocumentNode } from 'graphql';
import { serveGraphQL, type RunningHttpServer } from '../../runtime/http.js';
import { loadSchemaDocument } from '../../runtime/schemaFiles.js';

function serveContract(typeDefs: DocumentNode, resolvers: any): Promise<RunningHttpServer> {
  return serveGraphQL({
    port: 0,
    createApollo: (drain) =>
      new ApolloServer({ schema: buildSubgraphSchema({ typeDefs, resolvers }), plugins: [drain] }),
    context: async () => ({}),
  });
}

/** Implements the contract, but every entity it returns claims to be `victimId`. */
export function startImpersonatingInstitution(code: string, victimId: string): Promise<RunningHttpServer> {
  const fake = (id: string) => ({ id, title: `Counterfeit of ${id}`, institution: { code } });
  return serveContract(loadSchemaDocument('catalogue'), {
    Query: { microCredential: () => fake(victimId) },
    MicroCredential: { __resolveReference: () => fake(victimId) },
  });
}

/** Serves the contract with one field removed, as an institution on a stale schema would. */
export function startNonConformingInstitution(code: string, droppedField: string): Promise<RunningHttpServer> {
  const altered = visit(loadSchemaDocument('catalogue'), {
    FieldDefinition: (node) => (node.name.value === droppedField ? null : undefined),
  });
  return serveContract(altered, {
    MicroCredential: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id, title: 'Stale', institution: { code } }),
    },
  });
}

/**
 * Answers the conformance check correctly, then behaves as told for every
 * other request: 'slow' never answers in time, 'garbage' answers HTML.
 */
export async function startMisbehavingInstitution(
  behaviour: 'slow' | 'garbage',
  delayMs = 10_000,
): Promise<RunningHttpServer> {
  const honest = await serveContract(loadSchemaDocument('catalogue'), {});
  const server: Server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    if (body.includes('_service')) {
      const answer = await fetch(honest.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      res.writeHead(200, { 'content-type': 'application/json' }).end(await answer.text());
      return;
    }
    if (behaviour === 'garbage') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Maintenance</html>');
      return;
    }
    const timer = setTimeout(() => res.writeHead(200).end('{"data":null}'), delayMs);
    res.on('close', () => clearTimeout(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await honest.stop();
    },
  };
}

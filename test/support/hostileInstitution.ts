/**
 * Real catalogue subgraphs that misbehave on purpose, the way a broken or
 * malicious institution server could: answering for another institution's
 * entities, serving an altered contract, answering slowly, with garbage, or
 * with whatever raw answer a test crafts; and a recording proxy that logs
 * every header an honest server receives.
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

/** One request as an institution's server received it. */
export interface ReceivedRequest {
  headers: Record<string, string | string[] | undefined>;
  body: { query?: string; variables?: Record<string, any>; operationName?: string };
}

export interface RecordingServer extends RunningHttpServer {
  /** Every request received, in order (conformance checks included). */
  received: ReceivedRequest[];
}

/**
 * A proxy in front of a real server that records every request's headers and
 * body, then passes on the body and the Authorization header (so the server
 * still decides what the credential allows) and nothing else. With `tamper`,
 * the real server's answer is rewritten before it goes back: an object is sent
 * as JSON, a string as the raw body. That is how a compromised institution
 * would craft answers that look right everywhere but where it lies.
 */
export function startRecordingProxy(targetUrl: string, tamper?: Tamper): Promise<RecordingServer> {
  return startRecordingServer(async (request, raw) => {
    const { authorization } = request.headers;
    const headers = {
      'content-type': 'application/json',
      ...(typeof authorization === 'string' ? { authorization } : {}),
    };
    const text = await (await fetch(targetUrl, { method: 'POST', headers, body: raw })).text();
    if (!tamper || request.body.query?.includes('_service')) return text;
    const tampered = await tamper(request, JSON.parse(text));
    return typeof tampered === 'string' ? tampered : JSON.stringify(tampered);
  });
}

export type Tamper = (request: ReceivedRequest, answer: any) => unknown;

async function startRecordingServer(
  respond: (request: ReceivedRequest, raw: string) => Promise<string>,
  onStop?: () => Promise<void>,
): Promise<RecordingServer> {
  const received: ReceivedRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    let body: ReceivedRequest['body'] = {};
    try {
      body = JSON.parse(raw);
    } catch {}
    const request = { headers: { ...req.headers }, body };
    received.push(request);
    try {
      res.writeHead(200, { 'content-type': 'application/json' }).end(await respond(request, raw));
    } catch {
      res.writeHead(502).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    received,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await onStop?.();
    },
  };
}

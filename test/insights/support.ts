/**
 * Institutions for the outcomes tests: one that leaves the optional outcomes
 * part out of its schema (as a 1.0 institution does), and a hostile one that
 * reports small counts the source should have withheld.
 */
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { DocumentNode } from 'graphql';
import { serveGraphQL, type RunningHttpServer } from '../../runtime/http.js';
import { outcomesPart, withoutOptionalParts } from '../../runtime/catalogueOptionalParts.js';
import { loadSchemaDocument } from '../../runtime/schemaFiles.js';
import { registerTestInstitution, waitUntilRouted } from '../support/registerInstitution.js';

/** The catalogue contract without its optional outcomes part: what an institution that does not report outcomes serves. */
export function contractWithoutOutcomes(): DocumentNode {
  return withoutOptionalParts(loadSchemaDocument('catalogue'), [outcomesPart]);
}

export function serveInstitution(typeDefs: DocumentNode, resolvers: any): Promise<RunningHttpServer> {
  return serveGraphQL({
    port: 0,
    createApollo: (drain) =>
      new ApolloServer({ schema: buildSubgraphSchema({ typeDefs, resolvers }), plugins: [drain] }),
    context: async () => ({}),
  });
}

/** Registers an institution with the province key and waits until the gateway routes to it. */
export async function register(gatewayUrl: string, code: string, subgraphUrl: string): Promise<void> {
  await registerTestInstitution(gatewayUrl, { code, name: `${code} College`, region: 'NORTHERN', subgraphUrl });
  await waitUntilRouted(gatewayUrl, code, 15_000);
}

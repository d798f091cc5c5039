/**
 * Institutions for the outcomes tests: one that leaves the optional outcomes
 * part out of its schema (as a 1.0 institution does), and a hostile one that
 * reports small counts the source should have withheld.
 */
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { visit, type DocumentNode } from 'graphql';
import { serveGraphQL, type RunningHttpServer } from '../../runtime/http.js';
import { outcomesPart } from '../../gateway/registry/optionalParts.js';
import { loadSchemaDocument } from '../../runtime/schemaFiles.js';
import { registerTestInstitution, waitUntilRouted } from '../support/registerInstitution.js';

const outcomeTypes = new Set(outcomesPart.types);
/** The part's field names (`Query.outcomeReports` → `outcomeReports`). */
const outcomeFields = new Set(outcomesPart.fields.map((coordinate) => coordinate.split('.')[1]!));

/** The catalogue contract without its optional outcomes part: what an institution on contract 1.0 serves. */
export function contractWithoutOutcomes(): DocumentNode {
  const strip = (node: { name: { value: string } }) => (outcomeTypes.has(node.name.value) ? null : undefined);
  return visit(loadSchemaDocument('catalogue'), {
    ObjectTypeDefinition: strip,
    EnumTypeDefinition: strip,
    InputObjectTypeDefinition: strip,
    FieldDefinition: (node) => (outcomeFields.has(node.name.value) ? null : undefined),
    // The part's `extend type Query { ... }` and the like are left empty: drop them.
    ObjectTypeExtension: { leave: (node) => (node.fields?.length ? undefined : null) },
  });
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

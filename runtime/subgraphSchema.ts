/**
 * A federated subgraph schema from SDL and a resolver map: the one place a resolver map becomes
 * what buildSubgraphSchema accepts. Codegen's typed maps (and the gateway's own linked-data map)
 * type their scalars and `__resolveReference` more strictly than GraphQLResolverMap, so the one
 * cast between the two lives here.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { type DocumentNode, type GraphQLSchema, print } from 'graphql';

/**
 * A subgraph's schema depends only on its SDL and its resolver map (per-server state lives in the
 * context), so servers of one kind started in one process (npm start's catalogues, the tests' dozens
 * of directories) share one schema instead of building it again each time.
 */
const schemas = new WeakMap<object, Map<string, GraphQLSchema>>();

export function subgraphSchema(typeDefs: DocumentNode, resolvers: object): GraphQLSchema {
  const sdl = typeDefs.loc?.source.body ?? print(typeDefs);
  const byResolvers = schemas.get(resolvers) ?? new Map<string, GraphQLSchema>();
  schemas.set(resolvers, byResolvers);
  let schema = byResolvers.get(sdl);
  if (!schema) {
    schema = buildSubgraphSchema({ typeDefs, resolvers: resolvers as GraphQLResolverMap<unknown> });
    byResolvers.set(sdl, schema);
  }
  return schema;
}

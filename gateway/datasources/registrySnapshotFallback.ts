/**
 * What the gateway answers for the framework while the framework is down:
 * the institutions' public profiles (name, type, region, website, languages)
 * from the copy of the registry it already keeps. `MicroCredential.institution`
 * is non-null and resolved by the framework, so without this every catalogue
 * and search result would be lost with it.
 *
 * The fetch is executed against the framework's own contract, so the answer
 * has exactly the shape the query planner asked for. Only reads of
 * institutions are answered (`institutions`, `institution`, and Institution
 * entities); an institution field the snapshot lacks (agreements, programs)
 * fails that institution with the framework's error, and the framework's
 * other data (OQF alignment, recognition) is left out, nullable as the
 * contract allows.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  defaultFieldResolver,
  execute,
  GraphQLError,
  Kind,
  type GraphQLFieldResolver,
  type GraphQLFormattedError,
} from 'graphql';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { InstitutionProfile } from '../../runtime/publicApiFragments.js';
import { loadSchemaDocument } from '../../runtime/schemaFiles.js';
import type { GraphQLRequestBody } from './institutionClient.js';
import type { ServiceFallback } from './ProvinceServiceDataSource.js';
import { parseOperation } from './splitOperation.js';

interface InstitutionFilter {
  types?: string[] | null;
  regions?: string[] | null;
  language?: string | null;
}

const answerableRootFields = new Set(['institutions', 'institution', '_entities', '__typename']);

export function registrySnapshotFallback(profiles: () => ReadonlyMap<string, InstitutionProfile>): ServiceFallback {
  const schema = buildSubgraphSchema({
    typeDefs: loadSchemaDocument('framework'),
    resolvers: {
      Query: {
        institutions: (_: unknown, { filter }: { filter?: InstitutionFilter | null }) =>
          [...profiles().values()]
            .filter((profile) => matches(profile, filter ?? {}))
            .sort((a, b) => a.code.localeCompare(b.code)),
        institution: (_: unknown, { code }: { code: string }) => profiles().get(code) ?? null,
      },
      Institution: { __resolveReference: (reference: { code: string }) => profiles().get(reference.code) ?? null },
      MicroCredential: { __resolveReference: () => null },
    },
  });

  return async (request: GraphQLRequestBody, unavailable: GraphQLFormattedError) => {
    if (profiles().size === 0) return undefined;
    const { document, operation } = parseOperation(request.query);
    const answerable = operation.selectionSet.selections.every(
      (selection) => selection.kind === Kind.FIELD && answerableRootFields.has(selection.name.value),
    );
    if (operation.operation !== 'query' || !answerable) return undefined;
    const missing: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
      const value = defaultFieldResolver(source, args, context, info);
      if (value === undefined) throw new GraphQLError(unavailable.message, { extensions: unavailable.extensions });
      return value;
    };
    const result = await execute({
      schema,
      document,
      variableValues: request.variables,
      operationName: request.operationName,
      fieldResolver: missing,
    });
    const warning: GraphQLFormattedError = {
      message: `${unavailable.message} Institution names, types and regions come from the gateway's copy of the registry.`,
      extensions: { ...unavailable.extensions, fallback: 'REGISTRY_SNAPSHOT' },
    };
    const response: GatewayGraphQLResponse = {
      data: result.data ?? null,
      errors: [warning, ...(result.errors ?? []).map((error) => error.toJSON())],
    };
    return response;
  };
}

function matches(profile: InstitutionProfile, filter: InstitutionFilter): boolean {
  return (
    (!filter.types?.length || filter.types.includes(profile.type)) &&
    (!filter.regions?.length || filter.regions.includes(profile.region)) &&
    (!filter.language || profile.languages.includes(filter.language))
  );
}

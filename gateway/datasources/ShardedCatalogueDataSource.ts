/**
 * The one logical `catalogue` subgraph of the supergraph, served by many
 * institutions. The query planner sees a single subgraph; this data source
 * sends each part of a fetch to the institution that owns it:
 * entity fetches are split by the institution in each key
 * (routeEntitiesByInstitution), root fields by their institution or id
 * argument (routeRootFieldsByInstitution). Every query sent asks for ownership
 * proof, and the client's credentials are forwarded so institutions can
 * authorize writes themselves.
 */
import type { GraphQLSchema } from 'graphql';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
// The request-kind enum is not re-exported from the package root.
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types.js';
import {
  InstitutionCallError,
  callInstitution,
  type GraphQLRequestBody,
  type InstitutionAnswer,
} from './institutionClient.js';
import { withOwnershipProof } from './ownership.js';
import { routeEntitiesByInstitution } from './routeEntitiesByInstitution.js';
import { routeRootFieldsByInstitution } from './routeRootFieldsByInstitution.js';
import type { InstitutionRouter } from '../registry/institutionRegistry.js';
import type { GatewayContext } from '../context.js';

export class ShardedCatalogueDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(
    private readonly router: InstitutionRouter,
    private readonly contract: GraphQLSchema,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    if (options.kind !== GraphQLDataSourceRequestKind.INCOMING_OPERATION) {
      // Health checks and schema loading concern the contract, which the gateway already has.
      return { data: { __typename: 'Query' } };
    }
    const { query, variables, operationName } = options.request;
    if (!query) return { errors: [{ message: 'The catalogue fetch has no query text.' }] };
    const headers = forwardedHeaders(options.context);
    const ask = (institution: string, body: GraphQLRequestBody) => this.ask(institution, body, headers);
    const representations = variables?.representations;
    return Array.isArray(representations)
      ? routeEntitiesByInstitution({ query, operationName, variables: { ...variables, representations } }, ask)
      : routeRootFieldsByInstitution({ query, operationName, variables }, ask);
  }

  private async ask(
    institution: string,
    body: GraphQLRequestBody,
    headers: Record<string, string>,
  ): Promise<InstitutionAnswer> {
    const route = await this.router.routeTo(institution);
    try {
      const answer = await callInstitution({
        institution,
        url: route.url,
        timeoutMs: route.timeoutMs,
        headers,
        body: { ...body, query: withOwnershipProof(body.query, this.contract) },
      });
      this.router.recordSuccess(institution);
      return answer;
    } catch (error) {
      if (error instanceof InstitutionCallError) this.router.recordFailure(institution, error);
      throw error;
    }
  }
}

function forwardedHeaders(context: GatewayContext | undefined): Record<string, string> {
  return context?.authorization ? { authorization: context.authorization } : {};
}

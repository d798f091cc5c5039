/**
 * The one logical `catalogue` subgraph of the supergraph, served by many
 * institutions. The query planner sees a single subgraph; this data source
 * sends each part of a fetch to the institution that owns it:
 * entity fetches are split by the institution in each key
 * (routeEntitiesByInstitution), root fields by their institution or id
 * argument (routeRootFieldsByInstitution). Every query sent asks for ownership
 * proof, and the client's credentials are forwarded so institutions can
 * authorize writes themselves. Reads get the institution's deadline, writes
 * and imports their own longer ones; a write that runs out of time is
 * reported as of unknown outcome, and does not count against the
 * institution's health.
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
import { callKind, callTimeoutMs, type GatewayDeadlines } from '../deadlines.js';
import type { GatewayMetrics } from '../metrics.js';

export class ShardedCatalogueDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(
    private readonly router: InstitutionRouter,
    private readonly contract: GraphQLSchema,
    private readonly deadlines: GatewayDeadlines,
    private readonly metrics: GatewayMetrics,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    if (options.kind !== GraphQLDataSourceRequestKind.INCOMING_OPERATION) {
      // Health checks and schema loading concern the contract, which the gateway already has.
      return { data: { __typename: 'Query' } };
    }
    const { query, variables, operationName } = options.request;
    if (!query) return { errors: [{ message: 'The catalogue fetch has no query text.' }] };
    const headers = forwardedHeaders(options.context);
    const deadline = options.context?.deadline;
    const ask = (institution: string, body: GraphQLRequestBody) => this.ask(institution, body, headers, deadline);
    const representations = variables?.representations;
    return Array.isArray(representations)
      ? routeEntitiesByInstitution({ query, operationName, variables: { ...variables, representations } }, ask)
      : routeRootFieldsByInstitution({ query, operationName, variables }, ask);
  }

  private async ask(
    institution: string,
    body: GraphQLRequestBody,
    headers: Record<string, string>,
    deadline: AbortSignal | undefined,
  ): Promise<InstitutionAnswer> {
    const started = performance.now();
    const record = (failure?: string) =>
      this.metrics.recordCall('catalogue', institution, (performance.now() - started) / 1000, failure);
    const kind = callKind(body.query);
    try {
      const route = await this.router.routeTo(institution);
      const answer = await callInstitution({
        institution,
        url: route.url,
        timeoutMs: callTimeoutMs(kind, route.timeoutMs, this.deadlines),
        deadline,
        headers,
        body: { ...body, query: withOwnershipProof(body.query, this.contract) },
      });
      this.router.recordSuccess(institution);
      record();
      return answer;
    } catch (error) {
      if (!(error instanceof InstitutionCallError)) throw error;
      const failure =
        kind !== 'read' && error.failure === 'TIMEOUT'
          ? new InstitutionCallError(institution, 'WRITE_OUTCOME_UNKNOWN', error.detail)
          : error;
      this.router.recordFailure(institution, failure);
      record(failure.failure);
      throw failure;
    }
  }
}

function forwardedHeaders(context: GatewayContext | undefined): Record<string, string> {
  return context?.authorization ? { authorization: context.authorization } : {};
}

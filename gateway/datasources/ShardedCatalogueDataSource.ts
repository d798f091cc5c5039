/**
 * The one logical `catalogue` subgraph of the supergraph, served by many
 * institutions. The query planner sees a single subgraph; this data source
 * sends each part of a fetch to the institution that owns it:
 * entity fetches are split by the institution in each key
 * (routeEntitiesByInstitution), root fields by their institution or id
 * argument (routeRootFieldsByInstitution). Every query sent asks for ownership
 * proof, every answer is held to the query (checkAnswer), and a publishing key
 * reaches only its own institution, on the root fields addressed to it
 * (gateway/credentials.ts).
 */
import type { GraphQLSchema } from 'graphql';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
// The request-kind enum is not re-exported from the package root.
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types.js';
import { answerPlan } from './answerPlan.js';
import { checkAnswer } from './checkAnswer.js';
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
import { headersForInstitution, type Credential } from '../credentials.js';

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
    const credential = options.context?.credential;
    const representations = variables?.representations;
    // Entity fetches are never addressed to an institution: they carry no credential.
    return Array.isArray(representations)
      ? routeEntitiesByInstitution(
          { query, operationName, variables: { ...variables, representations } },
          (institution, body) => this.ask(institution, body, credential, false),
        )
      : routeRootFieldsByInstitution({ query, operationName, variables }, (institution, body) =>
          this.ask(institution, body, credential, true),
        );
  }

  private async ask(
    institution: string,
    body: GraphQLRequestBody,
    credential: Credential | undefined,
    addressed: boolean,
  ): Promise<InstitutionAnswer> {
    const route = await this.router.routeTo(institution);
    const sent = withOwnershipProof(body.query, this.contract);
    let answer: InstitutionAnswer;
    try {
      answer = await callInstitution({
        institution,
        url: route.url,
        timeoutMs: route.timeoutMs,
        headers: headersForInstitution(credential, institution, addressed),
        body: { ...body, query: sent.text },
      });
    } catch (error) {
      if (error instanceof InstitutionCallError) this.router.recordFailure(institution, error);
      throw error;
    }
    const variables = body.variables ?? {};
    const problems = checkAnswer(answer.data, answerPlan(sent.text, sent.document, this.contract), {
      institution,
      variables,
      representations: addressed ? undefined : (variables.representations as unknown[] | undefined),
    });
    if (problems.length === 0) {
      this.router.recordSuccess(institution);
      return answer;
    }
    this.router.recordInvalidAnswer(institution, String(problems[0]!.message));
    return { data: answer.data, errors: [...answer.errors, ...problems] };
  }
}

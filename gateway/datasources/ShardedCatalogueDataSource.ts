/**
 * The one logical `catalogue` subgraph of the supergraph, served by many
 * institutions. The query planner sees a single subgraph; this data source
 * sends each part of a fetch to the institution that owns it:
 * entity fetches are split by the institution in each key
 * (routeEntitiesByInstitution), root fields by their institution or id
 * argument (routeRootFieldsByInstitution). An institution on an earlier
 * contract version gets each request cut down to its version, and is held to
 * it (gateway/versions/). Every query sent asks for ownership
 * proof, every answer is held to the query (checkAnswer), and a publishing key
 * reaches only its own institution, on the root fields addressed to it
 * (gateway/credentials.ts). Reads get the institution's deadline, writes
 * and imports their own longer ones; a write that runs out of time is
 * reported as of unknown outcome, and does not count against the
 * institution's health.
 */
import type { GraphQLSchema } from 'graphql';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
// The request-kind enum is not re-exported from the package root.
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types.js';
import { answerPlan } from './answerPlan.js';
import { checkAnswer } from './checkAnswer.js';
import { withholdSmallCells } from './outcomeCells.js';
import {
  InstitutionCallError,
  callInstitution,
  type GraphQLRequestBody,
  type InstitutionAnswer,
} from './institutionClient.js';
import { withOwnershipProof } from './ownership.js';
import { routeEntitiesByInstitution } from './routeEntitiesByInstitution.js';
import { routeRootFieldsByInstitution } from './routeRootFieldsByInstitution.js';
import type { InstitutionRouter, Route } from '../registry/institutionRegistry.js';
import { noteOlderContract } from '../versions/contractVersionsPlugin.js';
import { currentCatalogueVersion } from '../versions/catalogueContracts.js';
import { refusedAsInvalid, requestForContract } from '../versions/requestForContract.js';
import type { GatewayContext } from '../context.js';
import { callKind, callTimeoutMs, type GatewayDeadlines } from '../deadlines.js';
import type { GatewayMetrics } from '../metrics.js';
import { headersForInstitution, type Credential } from '../credentials.js';
import { languageHeader } from './languageHeader.js';

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
    const credential = options.context?.credential;
    const deadline = options.context?.deadline;
    const context = options.context;
    const representations = variables?.representations;
    // Entity fetches are never addressed to an institution: they carry no credential.
    return Array.isArray(representations)
      ? routeEntitiesByInstitution(
          { query, operationName, variables: { ...variables, representations } },
          (institution, body) => this.ask(institution, body, credential, false, deadline, context),
        )
      : routeRootFieldsByInstitution({ query, operationName, variables }, (institution, body) =>
          this.ask(institution, body, credential, true, deadline, context),
        );
  }

  private async ask(
    institution: string,
    body: GraphQLRequestBody,
    credential: Credential | undefined,
    addressed: boolean,
    deadline: AbortSignal | undefined,
    context: GatewayContext | undefined,
  ): Promise<InstitutionAnswer> {
    const started = performance.now();
    const record = (failure?: string) =>
      this.metrics.recordCall('catalogue', institution, (performance.now() - started) / 1000, failure);
    const kind = callKind(body.query);
    let sent: ReturnType<typeof withOwnershipProof>;
    let route: Route;
    let request: GraphQLRequestBody;
    let answer: InstitutionAnswer;
    try {
      route = await this.router.routeTo(institution);
      // An institution on an earlier contract version gets the request cut down to it (gateway/versions/).
      request = requestForContract(institution, body, route.contract, this.contract);
      sent = withOwnershipProof(request.query, this.contract);
      answer = await callInstitution({
        institution,
        url: route.url,
        timeoutMs: callTimeoutMs(kind, route.timeoutMs, this.deadlines),
        deadline,
        headers: { ...languageHeader(context?.language), ...headersForInstitution(credential, institution, addressed) },
        body: { ...request, query: sent.text },
      });
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
    const variables = request.variables ?? {};
    if (refusedAsInvalid(answer)) this.router.recheckContract(institution);
    // Only an earlier version is noted: a part left out reads as not reported, which the contract says is normal.
    if (route.contract.version !== currentCatalogueVersion)
      noteOlderContract(context, institution, route.contract.version);
    // Held to what the institution serves: it may not send a field or enum value its version lacks either.
    const plan = answerPlan(sent.text, sent.document, route.contract.schema);
    const problems = checkAnswer(answer.data, plan, {
      institution,
      variables,
      representations: addressed ? undefined : (variables.representations as unknown[] | undefined),
    });
    problems.push(...withholdSmallCells(answer.data, plan, institution));
    record(problems.length === 0 ? undefined : 'INVALID_RESPONSE');
    if (problems.length === 0) {
      this.router.recordSuccess(institution);
      return answer;
    }
    this.router.recordInvalidAnswer(institution, String(problems[0]!.message));
    return { data: answer.data, errors: [...answer.errors, ...problems] };
  }
}

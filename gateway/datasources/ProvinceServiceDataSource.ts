/**
 * A subgraph the province runs itself (framework, search). It receives the
 * client's credentials, so the province's writes are authorized by the
 * subgraph that owns them rather than by the gateway. Every call has a
 * deadline (the service's read deadline, or the write or import one, cut
 * short by the operation's), and a failure becomes one error naming the
 * service (`extensions.service`, `extensions.code`), never its address. A
 * read may be answered by a fallback instead (registrySnapshotFallback.ts).
 */
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GraphQLFormattedError } from 'graphql';
import type { GatewayContext } from '../context.js';
import { headersForSubgraph } from '../credentials.js';
import { languageHeader } from './languageHeader.js';
import { callKind, callTimeoutMs, type GatewayDeadlines } from '../deadlines.js';
import type { GatewayMetrics } from '../metrics.js';
import { failureReason } from '../registry/probe.js';
import type { ServiceHealth } from '../registry/serviceHealth.js';
import { InstitutionCallError, callInstitution, type GraphQLRequestBody } from './institutionClient.js';

export type ProvinceService = 'framework' | 'search';

/** Answers a read the service failed, or returns undefined to report the failure alone. */
export type ServiceFallback = (
  request: GraphQLRequestBody,
  unavailable: GraphQLFormattedError,
) => Promise<GatewayGraphQLResponse | undefined>;

export interface ProvinceServiceOptions {
  service: ProvinceService;
  url: string;
  readTimeoutMs: number;
  deadlines: GatewayDeadlines;
  health: ServiceHealth;
  metrics: GatewayMetrics;
  fallback?: ServiceFallback;
}

export class ProvinceServiceDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(private readonly options: ProvinceServiceOptions) {}

  async process({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { service, url, health, metrics } = this.options;
    const { query, variables, operationName } = request;
    if (!query) return { errors: [{ message: `The ${service} fetch has no query text.` }] };
    const kind = callKind(query);
    const timeoutMs = callTimeoutMs(kind, this.options.readTimeoutMs, this.options.deadlines);
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const answer = await callInstitution({
        institution: service,
        url,
        body: { query, variables, operationName },
        headers: { ...languageHeader(context?.language), ...headersForSubgraph(context?.credential, service) },
        timeoutMs,
        deadline: context?.deadline,
      });
      metrics.recordCall(service, '', seconds());
      health.recordSuccess(service);
      // Extensions are read by the response cache (search's demand records), never passed on to clients.
      const extensions = answer.extensions && { extensions: answer.extensions };
      return answer.errors.length
        ? { data: answer.data, errors: answer.errors, ...extensions }
        : { data: answer.data, ...extensions };
    } catch (error) {
      if (!(error instanceof InstitutionCallError)) throw error;
      // A write that timed out may have been applied: that is not a sign the service is down.
      const outcomeUnknown = kind !== 'read' && error.failure === 'TIMEOUT';
      const failure = outcomeUnknown ? 'WRITE_OUTCOME_UNKNOWN' : error.failure;
      metrics.recordCall(service, '', seconds(), failure);
      if (!outcomeUnknown) health.recordFailure(service, failureReason(error));
      const unavailable = serviceError(service, failure, error.detail);
      const fallback =
        kind === 'read' ? await this.options.fallback?.({ query, variables, operationName }, unavailable) : undefined;
      return fallback ?? { errors: [unavailable] };
    }
  }
}

function serviceError(service: ProvinceService, failure: string, detail: string): GraphQLFormattedError {
  if (failure === 'WRITE_OUTCOME_UNKNOWN') {
    return {
      message: `The ${service} service did not confirm the write in time (${detail}), so its outcome is unknown: check before retrying.`,
      extensions: { code: 'WRITE_OUTCOME_UNKNOWN', service },
    };
  }
  const what =
    failure === 'TIMEOUT'
      ? `did not answer in time (${detail})`
      : failure === 'UNREACHABLE'
        ? 'is unreachable'
        : 'answered with something that is not a usable GraphQL response';
  return {
    message: `The ${service} service ${what}; the data it provides is missing from this response.`,
    extensions: { code: 'SERVICE_UNAVAILABLE', service, reason: failure },
  };
}

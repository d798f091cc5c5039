/**
 * What one gateway request touched, so its answer can be tagged with the data
 * it was built from: the plugin opens a scope per request (keyed by the
 * request's context object, which the gateway hands to every data source),
 * and the recording wrappers note each subgraph and institution asked.
 *
 * Institutions are chosen inside the sharded catalogue data source, which
 * never sees the scope; AsyncLocalStorage carries it from the wrapper around
 * that data source to the router it consults.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { InstitutionRouter, Route } from '../registry/institutionRegistry.js';
import type { GatewayContext } from '../context.js';
import { sharesPublicAnswers } from '../credentials.js';

export const institutionTag = (code: string) => `institution:${code}`;

export class RequestScope {
  /** Where the answer's data came from: `framework`, `search`, `institution:<code>`. */
  readonly tags = new Set<string>();
  /** A credential was forwarded: the answer is private to this caller. */
  credentialed = false;
  /** Search's anonymised demand records for the searches this answer counted (`extensions.searchDemand`). */
  readonly searches: unknown[] = [];
}

const scopes = new WeakMap<object, RequestScope>();
const currentScope = new AsyncLocalStorage<RequestScope>();

export function openScope(context: object): RequestScope {
  const scope = new RequestScope();
  scopes.set(context, scope);
  return scope;
}

/** Wraps a subgraph's data source so every fetch records `tag` (and any credential) in the request's scope. */
export function recordingService(
  tag: string | undefined,
  service: GraphQLDataSource<GatewayContext>,
): GraphQLDataSource<GatewayContext> {
  return {
    process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
      const scope = options.context ? scopes.get(options.context) : undefined;
      if (!scope) return service.process(options);
      if (tag) scope.tags.add(tag);
      if (!sharesPublicAnswers(options.context?.credential)) scope.credentialed = true;
      const answer = currentScope.run(scope, () => service.process(options));
      return tag === 'search' ? answer.then((response) => keepSearchDemand(scope, response)) : answer;
    },
  };
}

/** Only search's own records are taken: a catalogue's extensions are not trusted to add demand. */
function keepSearchDemand(scope: RequestScope, response: GatewayGraphQLResponse): GatewayGraphQLResponse {
  const records = response.extensions?.searchDemand;
  if (Array.isArray(records)) scope.searches.push(...records);
  return response;
}

/** Wraps the institution router so every institution a catalogue fetch is routed to is recorded. */
export function recordingRouter(router: InstitutionRouter): InstitutionRouter {
  return {
    routeTo(institution: string): Promise<Route> {
      currentScope.getStore()?.tags.add(institutionTag(institution));
      return router.routeTo(institution);
    },
    recordSuccess: (institution) => router.recordSuccess(institution),
    recordFailure: (institution, error) => router.recordFailure(institution, error),
    recordInvalidAnswer: (institution, reason) => router.recordInvalidAnswer(institution, reason),
    recheckContract: (institution) => router.recheckContract(institution),
  };
}

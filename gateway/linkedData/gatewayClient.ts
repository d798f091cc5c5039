/**
 * The exports read the directory the way every client does: GraphQL over HTTP
 * to the gateway's own public endpoint, so they see exactly what the public
 * API shows (visibility, ownership checks, per-institution failures) and no
 * database is ever read behind its back. The call goes through the one
 * client (runtime/graphqlClient.ts): deadline, size cap, shape check.
 */
import { GraphQLCallError, postGraphQL } from '../../runtime/graphqlClient.js';

export interface GraphQLError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: Record<string, unknown>;
}

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLError[];
}

/** The gateway could not be asked at all (not started, overloaded, or not answering JSON in time). */
export class GatewayUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GatewayUnavailableError';
  }
}

export type GatewayQuery = <T>(query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse<T>>;

export function gatewayQuery(graphqlUrl: () => string, timeoutMs: number): GatewayQuery {
  return async <T>(query: string, variables?: Record<string, unknown>) => {
    try {
      const answer = await postGraphQL({ url: graphqlUrl(), body: { query, variables }, timeoutMs });
      return { data: answer.data as T | null, errors: answer.errors };
    } catch (error) {
      // GraphQL errors come back as a GraphQL body (200, or 400 for a request the API refuses); anything else is an outage.
      if (error instanceof GraphQLCallError) {
        throw new GatewayUnavailableError(
          `the directory API did not answer usably (${error.failure}: ${error.detail})`,
        );
      }
      throw error;
    }
  };
}

/**
 * The exports read the directory the way every client does: GraphQL over HTTP
 * to the gateway's own public endpoint, so they see exactly what the public
 * API shows (visibility, ownership checks, per-institution failures) and no
 * database is ever read behind its back.
 */
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
    let response: Response;
    try {
      response = await fetch(graphqlUrl(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new GatewayUnavailableError(`the directory API did not answer: ${(error as Error).message}`);
    }
    // GraphQL errors come back as JSON with 200 (or 400 for a request the API refuses); anything else is an outage.
    if (!response.headers.get('content-type')?.includes('json')) {
      throw new GatewayUnavailableError(`the directory API answered HTTP ${response.status} without JSON`);
    }
    return (await response.json()) as GraphQLResponse<T>;
  };
}

/**
 * The portal's only way to the directory: the public GraphQL API, fetched
 * server-side from the gateway's own /graphql like any provincial portal
 * would. Each call is bounded in time; errors are sorted into what a page
 * needs to tell the reader: institutions that did not answer (their items
 * are null, the rest of the page stands), bad input, or the API unavailable.
 * The call goes through the one client (runtime/graphqlClient.ts).
 */
import { type GraphQLAnswer, GraphQLCallError, postGraphQL } from '../runtime/graphqlClient.js';

export interface GraphQLErrorBody {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; institution?: string };
}

export interface ApiAnswer<T> {
  data: T | null;
  /** Codes of institutions whose items could not be fetched. */
  unavailableInstitutions: string[];
  /** Errors that are not an institution being unavailable. */
  otherErrors: GraphQLErrorBody[];
}

/** The API could not be asked at all, or answered with no data. */
export class ApiUnavailable extends Error {}

export class PortalApi {
  constructor(
    private readonly graphqlUrl: () => string,
    private readonly timeoutMs = 10_000,
    private readonly log?: (message: string) => void,
  ) {}

  async query<T>(query: string, variables: Record<string, unknown> = {}): Promise<ApiAnswer<T>> {
    let body: GraphQLAnswer;
    try {
      body = await postGraphQL({ url: this.graphqlUrl(), body: { query, variables }, timeoutMs: this.timeoutMs });
    } catch (error) {
      if (!(error instanceof GraphQLCallError)) throw error;
      throw new ApiUnavailable(`directory API unusable (${error.failure}): ${error.detail}`);
    }
    const errors = body.errors as GraphQLErrorBody[];
    const unavailable = new Set<string>();
    const otherErrors: GraphQLErrorBody[] = [];
    for (const error of errors) {
      if (error.extensions?.institution) unavailable.add(error.extensions.institution);
      else otherErrors.push(error);
    }
    for (const error of otherErrors) this.log?.(`portal: API error ${error.extensions?.code ?? ''}: ${error.message}`);
    if (body.data == null && otherErrors.length === 0 && unavailable.size === 0) {
      throw new ApiUnavailable('directory API answered without data');
    }
    return { data: body.data as T | null, unavailableInstitutions: [...unavailable].sort(), otherErrors };
  }
}

export function hasErrorCode(answer: ApiAnswer<unknown>, code: string): boolean {
  return answer.otherErrors.some((error) => error.extensions?.code === code);
}

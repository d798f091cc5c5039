/**
 * One GraphQL POST to one institution's catalogue subgraph (or a province
 * service) through the one client, runtime/graphqlClient.ts: deadline, size cap
 * and shape check live there. Here a failure becomes an InstitutionCallError
 * naming the institution, never an exception that could spoil another
 * institution's data.
 */
import {
  type GraphQLAnswer,
  type GraphQLCall,
  GraphQLCallError,
  type GraphQLCallFailure,
  postGraphQL,
} from '../../runtime/graphqlClient.js';

export type { GraphQLRequestBody } from '../../runtime/graphqlClient.js';

export type InstitutionAnswer = GraphQLAnswer;

export type InstitutionFailure =
  | GraphQLCallFailure
  | 'UNKNOWN_INSTITUTION'
  | 'NOT_CONFORMING'
  /** Skipped without a call: it failed recently and has not answered a health probe since. */
  | 'DOWN'
  /** A write got no answer in time: it may or may not have been applied. Says nothing about the institution's health. */
  | 'WRITE_OUTCOME_UNKNOWN'
  /** Not sent: the request carries what the institution's contract version lacks (gateway/versions/). */
  | 'CONTRACT_VERSION_UNSUPPORTED';

export class InstitutionCallError extends Error {
  constructor(
    readonly institution: string,
    readonly failure: InstitutionFailure,
    /** What happened, without the institution's name: e.g. `no answer within 3000 ms`. */
    readonly detail: string,
  ) {
    super(`Institution "${institution}" ${describe(failure)}: ${detail}`);
    this.name = 'InstitutionCallError';
  }
}

function describe(failure: InstitutionFailure): string {
  switch (failure) {
    case 'UNKNOWN_INSTITUTION':
      return 'is not in the provincial registry';
    case 'NOT_CONFORMING':
      return 'is refused because its subgraph does not conform to the catalogue contract';
    case 'UNREACHABLE':
      return 'is unreachable';
    case 'DOWN':
      return 'is down';
    case 'TIMEOUT':
      return 'did not answer in time';
    case 'WRITE_OUTCOME_UNKNOWN':
      return 'did not confirm the write in time; its outcome is unknown, check before retrying';
    case 'HTTP_ERROR':
      return 'answered with an HTTP error';
    case 'MALFORMED_RESPONSE':
      return 'answered with something that is not a GraphQL response';
    case 'TOO_LARGE':
      return 'answered with more than the gateway accepts';
    case 'CONTRACT_VERSION_UNSUPPORTED':
      return 'serves an earlier catalogue contract version that cannot carry this request';
  }
}

export async function callInstitution(options: GraphQLCall & { institution: string }): Promise<InstitutionAnswer> {
  try {
    return await postGraphQL(options);
  } catch (error) {
    if (error instanceof GraphQLCallError)
      throw new InstitutionCallError(options.institution, error.failure, error.detail);
    throw error;
  }
}

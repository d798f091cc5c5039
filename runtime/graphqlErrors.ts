/**
 * The errors a client can act on, with the codes Apollo Server documents
 * (https://www.apollographql.com/docs/apollo-server/data/errors#built-in-error-codes).
 * Every subgraph builds them here, so a code is spelled once and always carries the same extensions.
 */
import { GraphQLError } from 'graphql';

/** A client mistake the client can fix: the message says what was wrong and what is accepted. */
export function badUserInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) } });
}

/** No credential, or one nobody here issued: the message says which credential to send and how. */
export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } });
}

/** A known caller asking for something that is not theirs. */
export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

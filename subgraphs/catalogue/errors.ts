import { GraphQLError } from 'graphql';

/** A client mistake the client can fix: the message says what was wrong and what is accepted. */
export function badUserInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) } });
}

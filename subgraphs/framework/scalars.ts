import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { httpUrlProblem } from './formats.js';

/**
 * Absolute http(s) URL. Input is only required to be a string here: the
 * registry's input validation checks the format together with every other
 * field, so a caller learns about all problems in one answer. Output is
 * always checked.
 */
export const URLScalar = new GraphQLScalarType<string, string>({
  name: 'URL',
  description: 'Absolute http(s) URL.',
  serialize: (value) => {
    if (typeof value !== 'string' || httpUrlProblem(value)) {
      throw new GraphQLError(`URL must be an absolute http(s) URL, got ${JSON.stringify(value)}`);
    }
    return value;
  },
  parseValue: (value) => {
    if (typeof value !== 'string') throw new GraphQLError(`URL must be a string, got ${JSON.stringify(value)}`);
    return value;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('URL must be a string literal', { nodes: ast });
    return ast.value;
  },
});

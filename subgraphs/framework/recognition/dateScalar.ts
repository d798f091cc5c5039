import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/**
 * Calendar date `YYYY-MM-DD`. Input is only required to be a string here:
 * write validation checks the format together with every other field, so a
 * caller learns about all problems in one answer; `asOf` arguments are checked
 * where they are read.
 */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'Calendar date, ISO 8601 `YYYY-MM-DD`.',
  serialize: (value) => {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value))
      throw new GraphQLError(`Date must be YYYY-MM-DD, got ${JSON.stringify(value)}`);
    return value;
  },
  parseValue: (value) => {
    if (typeof value !== 'string')
      throw new GraphQLError(`Date must be a string YYYY-MM-DD, got ${JSON.stringify(value)}`);
    return value;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Date must be a string literal YYYY-MM-DD', { nodes: ast });
    return ast.value;
  },
});

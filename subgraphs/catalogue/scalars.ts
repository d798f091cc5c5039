/**
 * The catalogue contract's own scalars; Date, DateTime and URL are shared by every subgraph
 * (runtime/scalars.ts).
 */
import { GraphQLError, GraphQLScalarType, Kind, valueFromASTUntyped } from 'graphql';

/** Any JSON value; output only in practice (draft content, published versions, audit details). */
export const JSONScalar = new GraphQLScalarType<unknown, unknown>({
  name: 'JSON',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});

/** A field name or list index in a problem's path. */
export const PathSegmentScalar = new GraphQLScalarType<string | number, string | number>({
  name: 'PathSegment',
  serialize: (value) => {
    if (typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value))) return value;
    throw new GraphQLError(`PathSegment must be a field name or a list index, got ${JSON.stringify(value)}`);
  },
  parseValue: (value) => {
    if (typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value))) return value;
    throw new GraphQLError(`PathSegment must be a field name or a list index, got ${JSON.stringify(value)}`);
  },
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING) return ast.value;
    if (ast.kind === Kind.INT) return Number(ast.value);
    throw new GraphQLError('PathSegment must be a string or an integer', { nodes: ast });
  },
});

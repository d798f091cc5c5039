/**
 * The contract's custom scalars. Each refuses malformed input with a message
 * saying what it expected, and never serialises a value that breaks its format.
 */
import { GraphQLError, GraphQLScalarType, Kind, valueFromASTUntyped, type ValueNode } from 'graphql';
import { isCalendarDate, isDateTimeWithOffset, isHttpUrl } from './formats.js';

function stringScalar(options: {
  name: string;
  description: string;
  expected: string;
  isValid(value: string): boolean;
  normalise?(value: unknown): unknown;
}): GraphQLScalarType<string, string> {
  const accept = (value: unknown): string => {
    if (typeof value !== 'string' || !options.isValid(value)) {
      throw new GraphQLError(`${options.name} must be ${options.expected}, got ${JSON.stringify(value)}`);
    }
    return value;
  };
  return new GraphQLScalarType<string, string>({
    name: options.name,
    description: options.description,
    serialize: (value) => accept(options.normalise ? options.normalise(value) : value),
    parseValue: accept,
    parseLiteral: (ast: ValueNode) => {
      if (ast.kind !== Kind.STRING) throw new GraphQLError(`${options.name} must be a string literal`, { nodes: ast });
      return accept(ast.value);
    },
  });
}

export const DateScalar = stringScalar({
  name: 'Date',
  description: 'Calendar date, ISO 8601 `YYYY-MM-DD`.',
  expected: 'a date "YYYY-MM-DD"',
  isValid: isCalendarDate,
});

export const DateTimeScalar = stringScalar({
  name: 'DateTime',
  description: 'Instant, ISO 8601 with offset, e.g. `2026-09-01T13:00:00.000Z`.',
  expected: 'an ISO 8601 date-time with offset, e.g. "2026-09-01T13:00:00.000Z"',
  isValid: isDateTimeWithOffset,
  normalise: (value) => (value instanceof Date ? value.toISOString() : value),
});

export const URLScalar = stringScalar({
  name: 'URL',
  description: 'Absolute http(s) URL.',
  expected: 'an absolute http(s) URL',
  isValid: isHttpUrl,
});

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

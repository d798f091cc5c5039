/**
 * The Date, DateTime and URL scalars, defined once for every subgraph that declares them (catalogue,
 * search; the gateway checks the same formats at its edge, gateway/edge/inputFormats.ts). Like
 * graphql-js's built-in scalars (https://spec.graphql.org/October2021/#sec-Scalars) each coerces in
 * both directions: input that breaks the format is refused with a message saying what was expected,
 * and a value that breaks it is never serialised. The formats and the standards they follow are in
 * stringFormats.ts. The framework takes the same scalars with input checked by its write validation
 * instead (checkedByWriteValidation), so a caller learns about every problem in one answer.
 */
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { isCalendarDate, isDateTimeWithOffset, isHttpUrl } from './stringFormats.js';

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

/**
 * The same scalar for a subgraph whose write validation checks this format together with every other
 * field, so a caller learns about all problems of an input in one answer instead of the first bad
 * scalar only (the framework's registry and recognition writes; test/framework/registry.test.ts):
 * input need only be a string here, output is checked as everywhere.
 */
export function checkedByWriteValidation(scalar: GraphQLScalarType<string, string>): GraphQLScalarType<string, string> {
  const config = scalar.toConfig();
  const string = (value: unknown): string => {
    if (typeof value !== 'string')
      throw new GraphQLError(`${config.name} must be a string, got ${JSON.stringify(value)}`);
    return value;
  };
  return new GraphQLScalarType<string, string>({
    ...config,
    parseValue: string,
    parseLiteral: (ast: ValueNode) => {
      if (ast.kind !== Kind.STRING) throw new GraphQLError(`${config.name} must be a string literal`, { nodes: ast });
      return ast.value;
    },
  });
}

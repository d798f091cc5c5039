/** Date and DateTime as the contract words them, checked on the way in. */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const calendarDate = /^\d{4}-\d{2}-\d{2}$/;
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function scalar(name: string, description: string, valid: (value: string) => boolean) {
  const check = (value: unknown): string => {
    if (typeof value !== 'string' || !valid(value)) {
      throw new GraphQLError(`${name} must be ${description}, got ${JSON.stringify(value)}`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return value;
  };
  return new GraphQLScalarType({
    name,
    serialize: (value) => String(value),
    parseValue: check,
    parseLiteral: (node) => check(node.kind === Kind.STRING ? node.value : undefined),
  });
}

export const DateScalar = scalar(
  'Date',
  'a calendar date YYYY-MM-DD',
  (value) => calendarDate.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
);

export const DateTimeScalar = scalar(
  'DateTime',
  'an ISO 8601 instant with an offset, e.g. 2026-09-01T13:00:00Z',
  (value) => isoInstant.test(value) && !Number.isNaN(Date.parse(value)),
);

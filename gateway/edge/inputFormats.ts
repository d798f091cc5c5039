/**
 * Checks every `Date` and `DateTime` argument (literal or variable, however
 * deep in an input object or list) before the operation is planned, and
 * refuses a malformed one with BAD_USER_INPUT naming the argument.
 *
 * The supergraph's custom scalars accept anything at the gateway, so without
 * this a bad `updatedSince` reached every institution and came back as
 * INSTITUTION_UNAVAILABLE (blaming the institution), and a bad search filter
 * date came back with the search subgraph's raw error. The formats are the
 * contract's own (subgraphs/catalogue/formats.ts).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNullableType,
  GraphQLError,
  isInputObjectType,
  isListType,
  isScalarType,
  Kind,
  TypeInfo,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
  type GraphQLInputType,
  type GraphQLSchema,
  type DocumentNode,
  type ValueNode,
} from 'graphql';
import { isCalendarDate, isDateTimeWithOffset } from '../../runtime/stringFormats.js';

const formats: Record<string, { valid(value: string): boolean; expected: string }> = {
  Date: { valid: isCalendarDate, expected: 'a calendar date "YYYY-MM-DD"' },
  DateTime: { valid: isDateTimeWithOffset, expected: 'an ISO 8601 date-time with offset, e.g. "2026-09-01T13:00:00Z"' },
};

export function inputFormatsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          const problem = findMalformedInput(schema, document, request.variables ?? {});
          if (problem) {
            throw new GraphQLError(problem.message, {
              extensions: { code: 'BAD_USER_INPUT', argument: problem.path, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

interface Problem {
  path: string;
  message: string;
}

export function findMalformedInput(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
): Problem | undefined {
  for (const argument of formattedArguments(schema, document)) {
    const problem = checkLiteral(argument.value, argument.type, argument.name, variables);
    if (problem) return problem;
  }
  return undefined;
}

interface FormattedArgument {
  name: string;
  value: ValueNode;
  type: GraphQLInputType;
}

/**
 * The arguments of a document that can carry a Date or DateTime, found once per
 * (schema, document): Apollo keeps one parsed document per query text, so a
 * repeated operation checks only its variable values, not the whole document again.
 */
const argumentsBySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, FormattedArgument[]>>();

function formattedArguments(schema: GraphQLSchema, document: DocumentNode): FormattedArgument[] {
  let byDocument = argumentsBySchema.get(schema);
  if (!byDocument) {
    byDocument = new WeakMap();
    argumentsBySchema.set(schema, byDocument);
  }
  const known = byDocument.get(document);
  if (known) return known;
  const found: FormattedArgument[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const argument = typeInfo.getArgument();
        if (argument && canHoldFormat(argument.type))
          found.push({ name: node.name.value, value: node.value, type: argument.type });
        return false;
      },
    }),
  );
  byDocument.set(document, found);
  return found;
}

/** Whether a value of `type` can contain a Date or DateTime anywhere (input objects may refer to themselves). */
function canHoldFormat(type: GraphQLInputType, visiting = new Set<GraphQLInputType>()): boolean {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return canHoldFormat(nullable.ofType, visiting);
  if (isScalarType(nullable)) return nullable.name in formats;
  if (!isInputObjectType(nullable) || visiting.has(nullable)) return false;
  visiting.add(nullable);
  return Object.values(nullable.getFields()).some((field) => canHoldFormat(field.type, visiting));
}

function checkLiteral(
  node: ValueNode,
  type: GraphQLInputType,
  path: string,
  variables: Record<string, unknown>,
): Problem | undefined {
  const nullable = getNullableType(type);
  if (node.kind === Kind.VARIABLE) return checkValue(variables[node.name.value], nullable, `$${node.name.value}`);
  if (node.kind === Kind.LIST && isListType(nullable)) {
    for (const [index, item] of node.values.entries()) {
      const problem = checkLiteral(item, nullable.ofType, `${path}[${index}]`, variables);
      if (problem) return problem;
    }
    return undefined;
  }
  if (isListType(nullable)) return checkLiteral(node, nullable.ofType, path, variables);
  if (node.kind === Kind.OBJECT && isInputObjectType(nullable)) {
    const fields = nullable.getFields();
    for (const field of node.fields) {
      const definition = fields[field.name.value];
      const problem =
        definition && checkLiteral(field.value, definition.type, `${path}.${field.name.value}`, variables);
      if (problem) return problem;
    }
    return undefined;
  }
  if (node.kind === Kind.NULL || !isScalarType(nullable)) return undefined;
  return checkScalar(valueFromASTUntyped(node, variables), nullable.name, path);
}

function checkValue(value: unknown, type: GraphQLInputType, path: string): Problem | undefined {
  if (value === null || value === undefined) return undefined;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const items = Array.isArray(value) ? value : [value];
    for (const [index, item] of items.entries()) {
      const problem = checkValue(item, nullable.ofType, `${path}[${index}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  if (isInputObjectType(nullable) && typeof value === 'object') {
    for (const [name, field] of Object.entries(nullable.getFields())) {
      const problem = checkValue((value as Record<string, unknown>)[name], field.type, `${path}.${name}`);
      if (problem) return problem;
    }
    return undefined;
  }
  if (isScalarType(nullable)) return checkScalar(value, nullable.name, path);
  return undefined;
}

function checkScalar(value: unknown, scalar: string, path: string): Problem | undefined {
  const format = formats[scalar];
  if (!format || (typeof value === 'string' && format.valid(value))) return undefined;
  const given = JSON.stringify(value) ?? String(value);
  const shown = given.length > 60 ? `${given.slice(0, 60)}…` : given;
  return { path, message: `${path} must be ${format.expected}, got ${shown}` };
}

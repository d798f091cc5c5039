/**
 * Limits on what one operation may ask for, checked in front of Apollo
 * Server on the query text of every request (and its variables, for page
 * sizes), before graphql-js's own validation, planning or execution: a
 * hostile document is refused in milliseconds with HTTP 400 and a code a
 * client can act on:
 *
 *   TOO_MANY_TOKENS           more than `maxTokens` tokens (counted while lexing: a 100 KB
 *                             document stops at the limit, long before it would be parsed)
 *   QUERY_TOO_DEEP            more than `maxDepth` nested selections        (graphql-armor)
 *   TOO_MANY_ALIASES          more than `maxAliases` aliases                (graphql-armor)
 *   TOO_MANY_DIRECTIVES       more than `maxDirectives` directives          (graphql-armor)
 *   TOO_MANY_REPEATED_FIELDS  one field repeated at one level (repeatedFields.ts)
 *   QUERY_TOO_COSTLY          estimated cost above `maxCost` (queryCost.ts)
 *
 * Why in front of Apollo rather than as its validation rules or a plugin:
 * Apollo runs added rules in the same pass as graphql-js's quadratic
 * OverlappingFieldsCanBeMerged, answers an error thrown by a parsing or
 * validation hook as a 500 "Internal server error", and skips validation for
 * documents it has seen before, while the cost depends on each request's
 * variables. Tokens are counted with graphql-js's lexer rather than armor's
 * max-tokens plugin for the same reasons. Persisted-query requests that carry
 * only a hash were checked when their text was registered.
 */
import type { Request, RequestHandler } from 'express';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  Lexer,
  parse,
  Source,
  TokenKind,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
} from 'graphql';
import { readGraphQLRequest } from './graphqlRequest.js';
import { queryCostRule } from './queryCost.js';
import { repeatedFieldsRule } from './repeatedFields.js';

export interface QueryLimits {
  maxTokens: number;
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxRepeatedFields: number;
  maxCost: number;
  /** Assumed length of a list without a page-size argument, for the cost estimate. */
  defaultListSize: number;
  /** Known list lengths for the cost estimate, keyed `Type.field`. */
  listSizes: Record<string, number>;
}

export const defaultQueryLimits: QueryLimits = {
  maxTokens: 3_000,
  maxDepth: 12,
  maxAliases: 15,
  maxDirectives: 20,
  maxRepeatedFields: 10,
  maxCost: 20_000,
  defaultListSize: 10,
  // Registered institutions: Ontario has well under a hundred public ones.
  listSizes: { 'Query.institutions': 100, 'Query.oqfLevels': 13 },
};

export interface QueryLimitsOptions {
  limits: QueryLimits;
  /** The gateway's current API schema; undefined until it is loaded. */
  schema(): GraphQLSchema | undefined;
  /** Trusted clients (trustedClients.ts) are not limited. */
  isTrusted(req: Request): boolean;
}

/** Express middleware for /graphql; the body must already be parsed. */
export function queryLimits(options: QueryLimitsOptions): RequestHandler {
  return (req, res, next) => {
    const { query, variables } = readGraphQLRequest(req) ?? {};
    const schema = options.schema();
    if (query === undefined || !schema || options.isTrusted(req)) return next();
    const refusal = refusalFor(query, variables, schema, options.limits);
    if (!refusal) return next();
    res.status(400).json({ errors: [{ message: refusal.message, extensions: refusal.extensions }] });
  };
}

/** Why this operation is refused, or undefined when it is within the limits (or not GraphQL at all: Apollo says so). */
export function refusalFor(
  query: string,
  variables: Record<string, unknown> | undefined,
  schema: GraphQLSchema,
  limits: QueryLimits,
): GraphQLError | undefined {
  return checkTokenCount(query, limits.maxTokens) ?? checkDocument(query, variables, schema, limits);
}

/** Stops lexing at the first token past the limit: the cost of a refusal does not grow with the document. */
function checkTokenCount(source: string, maxTokens: number): GraphQLError | undefined {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      if (++count > maxTokens) {
        return refusal(
          `The document has more than ${maxTokens} tokens; ask for less, or split it into several requests.`,
          'TOO_MANY_TOKENS',
          maxTokens,
        );
      }
    }
  } catch {
    // A syntax error: Apollo's parser reports it with its position.
  }
  return undefined;
}

function checkDocument(
  query: string,
  variables: Record<string, unknown> | undefined,
  schema: GraphQLSchema,
  limits: QueryLimits,
): GraphQLError | undefined {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch {
    return undefined; // Apollo reports the syntax error
  }
  const refusals: GraphQLError[] = [];
  const refuse = (error: GraphQLError) => refusals.push(error);
  validate(schema, document, [...armorRules(limits, refuse), ...directoryRules(limits, variables, refuse)]);
  return refusals[0];
}

type Refuse = (error: GraphQLError) => void;

/** Depth, aliases and directives from graphql-armor, each reporting its own code. */
function armorRules(limits: QueryLimits, refuse: Refuse) {
  const report = (code: string, limit: number, what: string) => ({
    propagateOnRejection: false,
    onReject: [
      (_context: ValidationContext | null, error: GraphQLError) =>
        refuse(refusal(`${error.message.replace(/^Syntax Error: /, '')} ${what}`, code, limit)),
    ],
  });
  const { validationRules } = new ApolloArmor({
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
    maxDepth: {
      n: limits.maxDepth,
      ignoreIntrospection: true,
      // Depth is how deep selections nest; a fragment spread is not a level.
      flattenFragments: true,
      ...report('QUERY_TOO_DEEP', limits.maxDepth, 'Nest fewer selections.'),
    },
    maxAliases: { n: limits.maxAliases, ...report('TOO_MANY_ALIASES', limits.maxAliases, 'Send several requests.') },
    maxDirectives: {
      n: limits.maxDirectives,
      ...report('TOO_MANY_DIRECTIVES', limits.maxDirectives, 'Use fewer directives.'),
    },
  }).protect();
  return validationRules;
}

function directoryRules(limits: QueryLimits, variables: Record<string, unknown> | undefined, refuse: Refuse) {
  return [
    repeatedFieldsRule({ maxRepeats: limits.maxRepeatedFields, onRefused: refuse }),
    queryCostRule({
      maxCost: limits.maxCost,
      defaultListSize: limits.defaultListSize,
      listSizes: limits.listSizes,
      variables,
      onRefused: refuse,
    }),
  ];
}

function refusal(message: string, code: string, limit: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, limit } });
}

/**
 * Does an institution's catalogue subgraph honour the published contract?
 *
 * The supergraph is composed from schema/catalogue.graphql, so the query
 * planner assumes every institution serves exactly that. An institution on an
 * older or altered schema would fail at query time; checking its
 * `_service { sdl }` up front lets the gateway refuse it with a clear status.
 */
import {
  BreakingChangeType,
  DangerousChangeType,
  findBreakingChanges,
  findDangerousChanges,
  parse,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { loadSchemaDocument } from '../../runtime/schemaFiles.js';
import { callInstitution } from '../datasources/institutionClient.js';
import { failureReason } from './probe.js';
import { isOptionalPartLeftOut } from './optionalParts.js';

export function buildCatalogueContract(): GraphQLSchema {
  return buildSubgraphSchema({ typeDefs: loadSchemaDocument('catalogue') });
}

const requiredKeys: Record<string, string> = { MicroCredential: 'id', Institution: 'code' };

/**
 * Verdicts per contract and SDL text: every institution running the reference
 * server reports the same SDL on every recheck, and building and diffing a
 * schema is the costliest thing the registry does. The verdict depends on
 * nothing else, so a cached one is the same check.
 */
const verdicts = new WeakMap<GraphQLSchema, Map<string, readonly string[]>>();
const maxVerdictsPerContract = 200;
/** A hostile institution could send huge SDLs; those are checked every time rather than kept. */
const maxCachedSdlLength = 256 * 1024;

/** Every way `sdl` breaks the contract; empty when it conforms. */
export function contractProblems(sdl: string, contract: GraphQLSchema): string[] {
  if (sdl.length > maxCachedSdlLength) return diffAgainstContract(sdl, contract);
  let known = verdicts.get(contract);
  if (!known) {
    known = new Map();
    verdicts.set(contract, known);
  }
  let problems = known.get(sdl);
  if (!problems) {
    if (known.size >= maxVerdictsPerContract) known.clear();
    problems = diffAgainstContract(sdl, contract);
    known.set(sdl, problems);
  }
  return [...problems];
}

function diffAgainstContract(sdl: string, contract: GraphQLSchema): string[] {
  let document: DocumentNode;
  let candidate: GraphQLSchema;
  try {
    document = parse(sdl);
    candidate = buildSubgraphSchema({ typeDefs: document });
  } catch (error) {
    return [`its SDL does not build: ${(error as Error).message}`];
  }
  const breaking = findBreakingChanges(contract, candidate)
    .filter((change) => change.type !== BreakingChangeType.DIRECTIVE_REMOVED && !isOptionalPartLeftOut(change))
    .map((change) => change.description);
  // An output enum value the contract does not know would fail serialization in the gateway.
  const unknownEnumValues = findDangerousChanges(contract, candidate)
    .filter((change) => change.type === DangerousChangeType.VALUE_ADDED_TO_ENUM)
    .map((change) => change.description);
  return [...breaking, ...unknownEnumValues, ...missingKeys(document)];
}

function missingKeys(document: DocumentNode): string[] {
  return Object.entries(requiredKeys).flatMap(([typeName, keyFields]) => {
    const declared = document.definitions.some(
      (definition) =>
        (definition.kind === 'ObjectTypeDefinition' || definition.kind === 'ObjectTypeExtension') &&
        definition.name.value === typeName &&
        definition.directives?.some(
          (directive) =>
            ['key', 'federation__key'].includes(directive.name.value) &&
            directive.arguments?.some(
              (arg) =>
                arg.name.value === 'fields' && arg.value.kind === 'StringValue' && arg.value.value.trim() === keyFields,
            ),
        ),
    );
    return declared ? [] : [`${typeName} must be an entity with @key(fields: "${keyFields}").`];
  });
}

export type ConformanceResult =
  | { kind: 'CONFORMING' }
  | { kind: 'NON_CONFORMING'; problems: string[] }
  | { kind: 'UNREACHABLE'; reason: string };

export async function checkConformance(options: {
  institution: string;
  url: string;
  contract: GraphQLSchema;
  timeoutMs: number;
}): Promise<ConformanceResult> {
  try {
    const answer = await callInstitution({
      institution: options.institution,
      url: options.url,
      body: { query: 'query __ApolloGetServiceDefinition__ { _service { sdl } }' },
      timeoutMs: options.timeoutMs,
    });
    const sdl = (answer.data?._service as { sdl?: unknown } | undefined)?.sdl;
    if (typeof sdl !== 'string')
      return { kind: 'NON_CONFORMING', problems: ['it does not answer `_service { sdl }`.'] };
    const problems = contractProblems(sdl, options.contract);
    return problems.length === 0 ? { kind: 'CONFORMING' } : { kind: 'NON_CONFORMING', problems };
  } catch (error) {
    return { kind: 'UNREACHABLE', reason: failureReason(error) };
  }
}

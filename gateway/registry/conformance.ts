/**
 * Does an institution's catalogue subgraph honour a published contract version?
 *
 * The supergraph is composed from schema/catalogue.graphql, so the query
 * planner assumes that contract. An institution on an earlier known version
 * (schema/contracts/) is routed to with operations cut down to its version
 * (gateway/versions/); one on an altered schema would fail at query time, so
 * its `_service { sdl }` is checked up front and it is refused with a clear status.
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
import type { CatalogueContract, CatalogueContracts } from '../versions/catalogueContracts.js';
import { optionalItemLeftOut } from './optionalParts.js';
import { servedContract } from '../versions/servedContract.js';

export function buildCatalogueContract(): GraphQLSchema {
  return buildSubgraphSchema({ typeDefs: loadSchemaDocument('catalogue') });
}

const requiredKeys: Record<string, string> = { MicroCredential: 'id', Institution: 'code' };

/** What an SDL breaks of a contract, and which of the contract's optional-part items it leaves out. */
interface Verdict {
  readonly problems: readonly string[];
  /** Optional fields (`Type.field`) and types the SDL does not have (runtime/catalogueOptionalParts.ts). */
  readonly leftOut: readonly string[];
}

/**
 * Verdicts per contract and SDL text: every institution running the reference
 * server reports the same SDL on every recheck, and building and diffing a
 * schema is the costliest thing the registry does. The verdict depends on
 * nothing else, so a cached one is the same check.
 */
const verdicts = new WeakMap<GraphQLSchema, Map<string, Verdict>>();
const maxVerdictsPerContract = 200;
/** A hostile institution could send huge SDLs; those are checked every time rather than kept. */
const maxCachedSdlLength = 256 * 1024;

/** Every way `sdl` breaks the contract; empty when it conforms. */
export function contractProblems(sdl: string, contract: GraphQLSchema): string[] {
  return [...contractVerdict(sdl, contract).problems];
}

function contractVerdict(sdl: string, contract: GraphQLSchema): Verdict {
  if (sdl.length > maxCachedSdlLength) return diffAgainstContract(sdl, contract);
  let known = verdicts.get(contract);
  if (!known) {
    known = new Map();
    verdicts.set(contract, known);
  }
  let verdict = known.get(sdl);
  if (!verdict) {
    if (known.size >= maxVerdictsPerContract) known.clear();
    verdict = diffAgainstContract(sdl, contract);
    known.set(sdl, verdict);
  }
  return verdict;
}

function diffAgainstContract(sdl: string, contract: GraphQLSchema): Verdict {
  let document: DocumentNode;
  let candidate: GraphQLSchema;
  try {
    document = parse(sdl);
    candidate = buildSubgraphSchema({ typeDefs: document });
  } catch (error) {
    return { problems: [`its SDL does not build: ${(error as Error).message}`], leftOut: [] };
  }
  const leftOut: string[] = [];
  const breaking = findBreakingChanges(contract, candidate)
    .filter((change) => change.type !== BreakingChangeType.DIRECTIVE_REMOVED)
    .filter((change) => {
      const optional = optionalItemLeftOut(change);
      if (optional) leftOut.push(optional);
      return !optional;
    })
    .map((change) => change.description);
  // An output enum value the contract does not know would fail serialization in the gateway.
  const unknownEnumValues = findDangerousChanges(contract, candidate)
    .filter((change) => change.type === DangerousChangeType.VALUE_ADDED_TO_ENUM)
    .map((change) => change.description);
  return { problems: [...breaking, ...unknownEnumValues, ...missingKeys(document)], leftOut };
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

export type VersionMatch = { kind: 'MATCH'; contract: CatalogueContract } | { kind: 'NONE'; problems: string[] };

/**
 * The newest known version `sdl` conforms to. A 1.1 SDL also passes the 1.0
 * check (1.1 only adds), so the newest match is the version it serves; an SDL
 * that matches none is reported with its differences from the closest version.
 * The contract matched is as the institution serves it: without the optional
 * parts its SDL leaves out (servedContract), so nothing asks it for them.
 */
export function matchContractVersion(sdl: string, contracts: CatalogueContracts): VersionMatch {
  let closest: { version: string; problems: string[] } | undefined;
  for (const contract of contracts) {
    const { problems, leftOut } = contractVerdict(sdl, contract.schema);
    if (problems.length === 0) return { kind: 'MATCH', contract: servedContract(contract, leftOut) };
    if (!closest || problems.length < closest.problems.length)
      closest = { version: contract.version, problems: [...problems] };
  }
  const known = contracts.map((contract) => contract.version).join(', ');
  return {
    kind: 'NONE',
    problems: [
      `its SDL matches no known catalogue contract version (${known}); against ${closest!.version}:`,
      ...closest!.problems,
    ],
  };
}

export type ConformanceResult =
  | { kind: 'CONFORMING'; contract: CatalogueContract }
  | { kind: 'NON_CONFORMING'; problems: string[] }
  | { kind: 'UNREACHABLE'; reason: string };

export async function checkConformance(options: {
  institution: string;
  url: string;
  contracts: CatalogueContracts;
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
    const match = matchContractVersion(sdl, options.contracts);
    return match.kind === 'MATCH'
      ? { kind: 'CONFORMING', contract: match.contract }
      : { kind: 'NON_CONFORMING', problems: match.problems };
  } catch (error) {
    return { kind: 'UNREACHABLE', reason: failureReason(error) };
  }
}

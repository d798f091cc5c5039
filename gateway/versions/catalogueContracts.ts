/**
 * The catalogue contract versions the gateway knows: the current one,
 * schema/catalogue.graphql (the supergraph is composed from it), and every
 * earlier minor version frozen in schema/contracts/catalogue-MAJOR.MINOR.graphql.
 * An institution's version is learned from the SDL it serves, never from a
 * declaration: the newest known version its SDL conforms to
 * (matchContractVersion in gateway/registry/conformance.ts; docs/versioning.md
 * says what a minor version may change).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  BreakingChangeType,
  findBreakingChanges,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  parse,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { loadSchemaDocument } from '../../runtime/schemaFiles.js';

/** The version of schema/catalogue.graphql. Freeze the file under schema/contracts/ before changing this. */
export const currentCatalogueVersion = '1.1';

export interface CatalogueContract {
  /** `MAJOR.MINOR`, e.g. `1.0`. */
  readonly version: string;
  readonly schema: GraphQLSchema;
  /** The SDL the schema is built from. */
  readonly typeDefs: DocumentNode;
  /**
   * Optional parts (runtime/catalogueOptionalParts.ts) the institution leaves
   * out, by name; `schema` then lacks them (servedContract.ts). Absent for a
   * version as published.
   */
  readonly partsLeftOut?: readonly string[];
}

/** Every known version, newest first; the first is the current contract. */
export type CatalogueContracts = readonly [CatalogueContract, ...CatalogueContract[]];

const frozenDir = fileURLToPath(new URL('../../schema/contracts/', import.meta.url));
const frozenFile = /^catalogue-(\d+\.\d+)\.graphql$/;

let loaded: CatalogueContracts | undefined;

/**
 * The contracts, read and built once per process: the files are part of the release and never change
 * while it runs, and building each version's schema costs about 100 ms of CPU, paid by every gateway
 * and conformance check started after the first one otherwise (the test suite starts dozens).
 */
export function loadCatalogueContracts(): CatalogueContracts {
  loaded ??= readCatalogueContracts();
  return loaded;
}

function readCatalogueContracts(): CatalogueContracts {
  const frozen = readdirSync(frozenDir).flatMap((file) => {
    const version = frozenFile.exec(file)?.[1];
    if (!version) return [];
    if (version === currentCatalogueVersion)
      throw new Error(
        `schema/contracts/${file} has the current version; the current contract is schema/catalogue.graphql`,
      );
    const typeDefs = parse(readFileSync(`${frozenDir}${file}`, 'utf8'));
    return [{ version, typeDefs, schema: buildSubgraphSchema({ typeDefs }) }];
  });
  const typeDefs = loadSchemaDocument('catalogue');
  const current = { version: currentCatalogueVersion, typeDefs, schema: buildSubgraphSchema({ typeDefs }) };
  return [current, ...frozen.sort((a, b) => compareVersions(b.version, a.version))];
}

/** Orders `MAJOR.MINOR` strings numerically (`1.10` after `1.9`). */
export function compareVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

/**
 * Every way `newer` is not a minor version of `older` (docs/versioning.md):
 * nothing of `older` may break, and every output field `newer` adds must be
 * nullable, since an institution still on `older` answers it with null
 * (new mutations aside: those are refused for an institution on `older`).
 * Required arguments and input fields are among graphql-js's breaking changes.
 */
export function minorVersionProblems(older: GraphQLSchema, newer: GraphQLSchema): string[] {
  const breaking = findBreakingChanges(older, newer)
    .filter((change) => change.type !== BreakingChangeType.DIRECTIVE_REMOVED)
    .map((change) => change.description);
  const nonNullAdded = Object.values(newer.getTypeMap()).flatMap((type) => {
    const before = older.getType(type.name);
    // A new type is reached only through new (nullable) fields, so its own fields may be non-null.
    // A new mutation is refused for an older institution (downgradeOperation.ts), never answered with null.
    if (!before || !(isObjectType(type) || isInterfaceType(type)) || type === newer.getMutationType()) return [];
    const known = isObjectType(before) || isInterfaceType(before) ? before.getFields() : {};
    return Object.values(type.getFields())
      .filter((field) => !(field.name in known) && isNonNullType(field.type))
      .map((field) => `${type.name}.${field.name} is new and non-null; a new field must be nullable.`);
  });
  return [...breaking, ...nonNullAdded];
}

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, type DocumentNode } from 'graphql';

export type ContractName = 'catalogue' | 'framework' | 'search' | 'linkedData';

const schemaDir = fileURLToPath(new URL('../schema/', import.meta.url));

/** The checked-in SDL of one subgraph contract, read from schema/NAME.graphql. */
function loadSchemaSdl(name: ContractName): string {
  return readFileSync(`${schemaDir}${name}.graphql`, 'utf8');
}

export function loadSchemaDocument(name: ContractName): DocumentNode {
  return parse(loadSchemaSdl(name));
}

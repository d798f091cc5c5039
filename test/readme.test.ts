import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeServices } from '@apollo/composition';
import { parse, validate } from 'graphql';
import { loadSchemaDocument, type ContractName } from '../runtime/schemaFiles.js';

/** The public schema clients see through the gateway. */
function apiSchema() {
  const names: ContractName[] = ['catalogue', 'framework', 'search', 'linkedData'];
  const result = composeServices(
    names.map((name) => ({ name, url: `http://${name}.invalid`, typeDefs: loadSchemaDocument(name) })),
  );
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.schema.toAPISchema().toGraphQLJSSchema();
}

const readme = readFileSync('README.md', 'utf8');
const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);
const inline = [...readme.matchAll(/`(\{ [^`]+ \})`/g)].map((match) => match[1]!);

describe('the README example queries', () => {
  const schema = apiSchema();
  it('are there', () => expect(blocks.length + inline.length).toBeGreaterThan(5));
  it.each([...blocks, ...inline].map((query) => [query.split('\n')[0]!.slice(0, 60), query]))(
    'validate: %s',
    (_name, query) => {
      expect(validate(schema, parse(query)).map((error) => error.message)).toEqual([]);
    },
  );
});

import { readdirSync, readFileSync } from 'node:fs';
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

/**
 * Every file and folder of the checkout, `/` after folders; not dependencies, git, nor the ignored
 * data and scratch folders (`.tmp/` holds the running suite's PostgreSQL cluster, thousands of files).
 */
function treePaths(folder = ''): string[] {
  return readdirSync(folder || '.', { withFileTypes: true }).flatMap((entry) => {
    const path = `${folder}${entry.name}`;
    if (!entry.isDirectory()) return [path];
    if (['node_modules', '.git', '.data', '.tmp'].includes(entry.name)) return [];
    return [`${path}/`, ...treePaths(`${path}/`)];
  });
}

/**
 * What the README names as a file or folder: code spans and link targets shaped like a relative
 * path that ends in `/` or a source, data or document extension. Routes (`/graphql`), URLs and ids are not paths.
 */
const namedPaths = [
  ...new Set([...readme.matchAll(/`([^`\s]+)`|\]\(([^)\s#]+)/g)].map((match) => (match[1] ?? match[2])!)),
].filter(
  (token) =>
    /^[\w@-][\w.@-]*(\/[\w.@-]+)*\/?$/.test(token) &&
    /(\/|\.(ts|mjs|js|md|graphql|json|jsonc|sql|yml|svg|png|css))$/.test(token),
);

describe('the paths the README names', () => {
  const tree = treePaths();
  it('are there', () => expect(namedPaths.length).toBeGreaterThan(50));
  it.each(namedPaths)('%s exists in the tree', (path) => {
    // A name relative to the folder the README is describing matches the end of a path.
    const wanted = path.endsWith('/') ? path : [path, `${path}/`];
    expect(tree.some((found) => [wanted].flat().some((name) => found === name || found.endsWith(`/${name}`)))).toBe(
      true,
    );
  });
});

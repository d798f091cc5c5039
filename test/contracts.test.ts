import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { enumValuesPath, generateEnumValues, generateResolverTypes, generatedPath } from '../cli/codegen.js';
import { composeSupergraph } from '../gateway/supergraph.js';
import type { ContractName } from '../runtime/schemaFiles.js';

describe('the published contracts', () => {
  it('compose into one supergraph with every subgraph', () => {
    const supergraph = composeSupergraph({
      framework: 'http://framework.invalid/graphql',
      search: 'http://search.invalid/graphql',
    });
    for (const name of ['CATALOGUE', 'FRAMEWORK', 'SEARCH', 'LINKEDDATA']) {
      expect(supergraph).toContain(`${name} @join__graph`);
    }
  });

  it.each(['catalogue', 'framework', 'search'] satisfies ContractName[])(
    'match the resolver types generated from them (%s; run npm run codegen after editing schema/)',
    async (name) => {
      expect(readFileSync(generatedPath(name), 'utf8')).toBe(await generateResolverTypes(name));
      expect(readFileSync(enumValuesPath(name), 'utf8')).toBe(generateEnumValues(name));
    },
  );
});

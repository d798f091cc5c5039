import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeSupergraph } from '../../gateway/supergraph.js';
import type { LocalDirectory } from '../../cli/localDirectory.js';
import { startTestDirectory } from '../support/directory.js';
import { graphql } from '../support/graphql.js';

const institutions = ['humber', 'seneca', 'boreal', 'snpolytechnic'];
let directory: LocalDirectory;

beforeAll(async () => {
  directory = await startTestDirectory({ institutions });
});
afterAll(async () => {
  await directory?.stop();
});

const gateway = () => directory.gateway.url;

/** Public ids of an institution, read straight from its own subgraph (not through the gateway). */
async function idsAt(code: string, first = 5): Promise<string[]> {
  const result = await graphql(
    directory.catalogues.get(code)!.url,
    `query($first: Int) {
      _entities(representations: [{ __typename: "Institution", code: "${code}" }]) {
        ... on Institution { microCredentials(first: $first) { edges { node { id } } } }
      }
    }`,
    { first },
  );
  return result.data._entities[0].microCredentials.edges.map((edge: any) => edge.node.id);
}

describe('supergraph', () => {
  it('composes from the contracts with one logical catalogue subgraph', () => {
    const supergraph = composeSupergraph({ framework: 'http://framework.invalid/graphql' });
    expect(supergraph.match(/name: "catalogue"/g)).toHaveLength(1);
    expect(supergraph).toContain('oqfAlignment');
  });
});

describe('a query spanning institutions and the framework', () => {
  it('returns each institution its own catalogue, with framework data, in registry order', async () => {
    const result = await graphql(
      gateway(),
      `{
      institutions {
        code name type
        microCredentials(first: 3) { totalCount edges { node { id title instructionalHours oqfAlignment { band } institution { code region } } } }
      }
    }`,
    );
    expect(result.errors).toBeUndefined();
    const returned = result.data.institutions;
    expect(returned.map((i: any) => i.code).sort()).toEqual([...institutions].sort());
    for (const institution of returned) {
      const nodes = institution.microCredentials.edges.map((edge: any) => edge.node);
      expect(nodes.length).toBeGreaterThan(0);
      expect(nodes.map((n: any) => n.id)).toEqual(await idsAt(institution.code, 3));
      for (const node of nodes) {
        expect(node.id.startsWith(`${institution.code}:`)).toBe(true);
        expect(node.institution.code).toBe(institution.code);
        expect(node.institution.region).toBeTruthy();
        expect(node.oqfAlignment.band).toMatch(/CERTIFICATE|BELOW/);
      }
    }
  });

  it('keeps order and length when one fetch mixes micro-credentials of several institutions', async () => {
    const ids = (await Promise.all(institutions.slice(0, 3).map((code) => idsAt(code, 2)))).flat();
    // Interleave institutions so a naive merge would scramble them.
    const mixed = [ids[0], ids[2], ids[4], ids[1], ids[3], ids[5]] as string[];
    const query = `{ ${mixed.map((id, i) => `m${i}: microCredential(id: "${id}") { id title oqfAlignment { band hours } }`).join(' ')} }`;
    const result = await graphql(gateway(), query);
    expect(result.errors).toBeUndefined();
    mixed.forEach((id, i) => {
      expect(result.data[`m${i}`].id).toBe(id);
      expect(result.data[`m${i}`].oqfAlignment.hours).toBeGreaterThan(0);
    });
  });
});

describe('drafts', () => {
  it('are invisible through the gateway', async () => {
    const sql = (await import('postgres')).default(directory.catalogueDatabaseUrl('humber'), { max: 1 });
    const [draft] = await sql`select slug from micro_credentials where status = 'DRAFT' limit 1`;
    await sql.end();
    expect(draft, 'the sample data should contain drafts').toBeDefined();
    const result = await graphql(gateway(), `query($id: ID!) { microCredential(id: $id) { id } }`, {
      id: `humber:${draft!.slug}`,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.microCredential).toBeNull();
  });
});

describe('health', () => {
  it('reports each institution', async () => {
    const response = await fetch(gateway().replace('/graphql', '/health'));
    const health = await response.json();
    expect(health.institutions.map((i: any) => i.code).sort()).toEqual([...institutions].sort());
    expect(health.institutions.every((i: any) => i.status === 'UP')).toBe(true);
    expect(JSON.stringify(health)).not.toContain('127.0.0.1');
  });
});

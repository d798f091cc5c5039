import type { RunningHttpServer } from '../../runtime/http.js';
import { seedFrameworkIfEmpty, type InstitutionSeed } from '../../subgraphs/framework/seed.js';
import { startFrameworkSubgraph } from '../../subgraphs/framework/server.js';
import { createMigratedFrameworkDatabase } from '../support/databaseTemplates.js';

export const provinceApiKey = 'framework-test-province-key';
export const registryToken = 'framework-test-registry-token';
export const asProvince = { authorization: `Bearer ${provinceApiKey}` };
export const asGateway = { authorization: `Bearer ${registryToken}` };

export interface TestFramework {
  server: RunningHttpServer;
  url: string;
  databaseUrl: string;
  /** Every SQL statement the subgraph has sent, oldest first. */
  statements: string[];
}

/** The framework subgraph over real HTTP on a fresh database of its own, optionally seeded. */
export async function startTestFramework(label: string, institutions: InstitutionSeed[] = []): Promise<TestFramework> {
  const databaseUrl = await createMigratedFrameworkDatabase(label);
  if (institutions.length > 0) await seedFrameworkIfEmpty(databaseUrl, institutions);
  const statements: string[] = [];
  const server = await startFrameworkSubgraph({
    databaseUrl,
    port: 0,
    provinceApiKey,
    registryToken,
    onQuery: (sql) => statements.push(sql),
    log: () => {},
  });
  return { server, url: server.url, databaseUrl, statements };
}

export const sampleInstitutions: InstitutionSeed[] = [
  {
    code: 'humber',
    name: 'Humber Polytechnic',
    nameFr: null,
    type: 'PUBLIC_COLLEGE',
    region: 'TORONTO',
    website: 'https://humber.ca',
    languages: ['en'],
    subgraphUrl: 'http://127.0.0.1:5101/graphql',
  },
  {
    code: 'boreal',
    name: 'Collège Boréal',
    nameFr: 'Collège Boréal',
    type: 'PUBLIC_COLLEGE',
    region: 'NORTHERN',
    website: 'https://www.collegeboreal.ca',
    languages: ['fr', 'en'],
    subgraphUrl: 'http://127.0.0.1:5102/graphql',
  },
  {
    code: 'snpolytechnic',
    name: 'Six Nations Polytechnic',
    type: 'INDIGENOUS_INSTITUTE',
    region: 'SOUTHWESTERN',
    website: 'https://www.snpolytechnic.com',
    languages: ['en', 'moh', 'cay'],
    subgraphUrl: 'http://127.0.0.1:5103/graphql',
  },
];

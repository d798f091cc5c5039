/**
 * The production wiring: every service of docker-compose.yml started from
 * the image's command with the environment the compose file gives it
 * (secrets from .env.example), against a separately started PostgreSQL
 * instead of the embedded one. Only addresses differ from the containers.
 * Meilisearch is used when MEILI_HOST (and MEILI_MASTER_KEY) are set;
 * otherwise the search service runs its embedded engine.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findSampleInstitution } from '../../seed/institutions.js';
import { graphql } from '../support/graphql.js';
import { readComposeFile, readDockerfile } from './support/deploymentFiles.js';
import { startLocalDeployment, type LocalDeployment } from './support/localDeployment.js';

const compose = readComposeFile();
const catalogueServices = [...compose.services.values()].filter((service) => service.environment.ROLE === 'catalogue');
const institutionCodes = catalogueServices.map((service) => service.environment.INSTITUTION_CODE!).sort();
const meiliHost = process.env.MEILI_HOST;

let deployment: LocalDeployment;

beforeAll(async () => {
  deployment = await startLocalDeployment({
    compose,
    image: readDockerfile(),
    postgresAdminUrl: inject('postgresAdminUrl'),
    databasePrefix: `t${randomBytes(3).toString('hex')}_`,
    meilisearch: meiliHost ? { host: meiliHost, masterKey: process.env.MEILI_MASTER_KEY } : undefined,
  });
});

afterAll(async () => {
  await deployment?.stop();
});

describe('docker-compose.yml with external PostgreSQL', () => {
  it('runs several institutions, each in its own process with its own database', () => {
    expect(institutionCodes.length).toBeGreaterThanOrEqual(3);
    const databases = catalogueServices.map(
      (service) => new URL(deployment.environment(service.name).DATABASE_URL!).pathname,
    );
    expect(new Set(databases).size).toBe(catalogueServices.length);
  });

  it('answers a federated query from every institution through the gateway', async () => {
    const result = await graphql<{
      institutions: Array<{
        code: string;
        microCredentials: {
          totalCount: number;
          edges: Array<{
            node: { id: string; oqfAlignment: { band: string } | null; institution: { region: string } };
          }>;
        };
      }>;
    }>(
      deployment.url('gateway', '/graphql'),
      `{ institutions { code microCredentials(first: 2) { totalCount edges { node { id oqfAlignment { band } institution { region } } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const institutions = result.data!.institutions;
    expect(institutions.map((institution) => institution.code).sort()).toEqual(institutionCodes);
    for (const institution of institutions) {
      expect(institution.microCredentials.totalCount).toBeGreaterThan(0);
      for (const { node } of institution.microCredentials.edges) {
        // Served by the owner's catalogue, aligned by the framework, region from the registry.
        expect(node.id.startsWith(`${institution.code}:`)).toBe(true);
        expect(node.oqfAlignment?.band).toMatch(/CERTIFICATE|BELOW|ABOVE/);
        expect(node.institution.region).toMatch(/^[A-Z]+$/);
      }
    }
  });

  it('reports every institution UP on the gateway health endpoint', async () => {
    // Search starts after the gateway: the gateway sees it UP at its next probe, within 2 s.
    const response = await waitFor(async () => {
      const answer = await fetch(deployment.url('gateway', '/health'));
      return answer.status === 200 ? answer : undefined;
    }, 10_000);
    const health = (await response.json()) as { status: string; institutions: Array<{ code: string; status: string }> };
    expect(response.status).toBe(200);
    expect(health.status).toBe('ok');
    expect(health.institutions.map((institution) => [institution.code, institution.status]).sort()).toEqual(
      institutionCodes.map((code) => [code, 'UP']),
    );
  });

  it("lets no institution's database login open another institution's database", async () => {
    const [first, second] = catalogueServices;
    const own = new URL(deployment.environment(first!.name).DATABASE_URL!);
    const other = new URL(deployment.environment(second!.name).DATABASE_URL!);
    const intruder = new URL(own);
    intruder.pathname = other.pathname;

    const allowed = postgres(own.toString(), { max: 1, onnotice: () => {} });
    const refused = postgres(intruder.toString(), { max: 1, onnotice: () => {} });
    try {
      const [row] = await allowed`select count(*)::int as entries from micro_credentials`;
      expect(row!.entries).toBeGreaterThan(0);
      await expect(refused`select 1`).rejects.toThrow(/permission denied for database/);
    } finally {
      await Promise.all([allowed.end(), refused.end()]);
    }
  });

  it('indexes every institution through the gateway and serves search through it', async () => {
    const gateway = deployment.url('gateway', '/graphql');
    const status = await waitFor(async () => {
      const result = await graphql<{ searchStatus: { ready: boolean; backend: string; documentCount: number } }>(
        gateway,
        '{ searchStatus { ready backend documentCount } }',
      );
      return result.data?.searchStatus.ready ? result.data.searchStatus : undefined;
    }, 45_000);
    expect(status.backend).toBe(meiliHost ? 'meilisearch' : 'embedded');
    expect(status.documentCount).toBeGreaterThan(0);

    const result = await graphql<{
      searchMicroCredentials: {
        total: number;
        facets: { institution: Array<{ value: string; count: number }> };
        hits: Array<{ microCredential: { id: string; title: string } | null }>;
      };
    }>(
      gateway,
      `{ searchMicroCredentials(pageSize: 5) { total facets { institution { value count } } hits { microCredential { id title } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const found = result.data!.searchMicroCredentials;
    expect(found.facets.institution.map((facet) => facet.value).sort()).toEqual(institutionCodes);
    expect(found.hits).toHaveLength(5);
    // Each hit is resolved by its owner's catalogue through the gateway.
    for (const hit of found.hits) expect(hit.microCredential?.title).toBeTruthy();
  });

  it('adds an institution the way docs/operating.md describes: its own database and subgraph, then registerInstitution', async () => {
    const gateway = deployment.url('gateway', '/graphql');
    const provinceApiKey = compose.services.get('framework')!.environment.PROVINCE_API_KEY!;
    const databaseUrl = 'postgres://catalogue_boreal:boreal0test0password@postgres:5432/catalogue_boreal';
    const template = catalogueServices[0]!;
    await deployment.start({
      ...compose.services.get('databases')!,
      name: 'databases-boreal',
      environment: { ...compose.services.get('databases')!.environment, DATABASE_URLS: databaseUrl },
    });
    await deployment.start({
      ...template,
      name: 'catalogue-boreal',
      environment: {
        ...template.environment,
        INSTITUTION_CODE: 'boreal',
        DATABASE_URL: databaseUrl,
        SAMPLE_DATA: 'true',
      },
      dependsOn: { 'databases-boreal': 'service_completed_successfully' },
    });
    const { code, name, nameFr, type, region, website, languages } = findSampleInstitution('boreal')!;
    const register = (authorization?: string) =>
      graphql(
        gateway,
        'mutation ($input: InstitutionInput!) { registerInstitution(input: $input) { code } }',
        {
          input: {
            code,
            name,
            nameFr,
            type,
            region,
            website,
            languages,
            subgraphUrl: deployment.url('catalogue-boreal', '/graphql'),
          },
        },
        authorization ? { authorization } : {},
      );

    expect((await register()).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const registered = await register(`Bearer ${provinceApiKey}`);
    expect(registered.errors).toBeUndefined();

    // No restart: the gateway reads the registry again and routes to the new subgraph.
    const totalCount = await waitFor(async () => {
      const result = await graphql<{ institution: { microCredentials: { totalCount: number } | null } | null }>(
        gateway,
        '{ institution(code: "boreal") { microCredentials(first: 1) { totalCount } } }',
      );
      return result.data?.institution?.microCredentials?.totalCount || undefined;
    }, 20_000);
    expect(totalCount).toBeGreaterThan(0);
    const response = await fetch(deployment.url('gateway', '/health'));
    const health = (await response.json()) as { institutions: Array<{ code: string; status: string }> };
    expect(health.institutions).toContainEqual(expect.objectContaining({ code: 'boreal', status: 'UP' }));
  });
});

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not ready within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

import { expect, vi } from 'vitest';
import { provinceApiKey } from './directory.js';
import { graphql } from './graphql.js';

export interface TestInstitution {
  code: string;
  subgraphUrl: string;
  /** `Test institution <code>` unless given. */
  name?: string;
  /** `CENTRAL` unless given. */
  region?: string;
}

/**
 * Registers a test institution (a career college teaching in English, website under example.ca)
 * through the gateway with the province key, and asserts the registry took it.
 */
export async function registerTestInstitution(gatewayUrl: string, institution: TestInstitution): Promise<void> {
  const { code, subgraphUrl, name = `Test institution ${code}`, region = 'CENTRAL' } = institution;
  const registered = await graphql(
    gatewayUrl,
    `mutation($input: InstitutionInput!) { registerInstitution(input: $input) { code } }`,
    {
      input: {
        code,
        name,
        type: 'CAREER_COLLEGE',
        region,
        website: `https://${code}.example.ca`,
        languages: ['en'],
        subgraphUrl,
      },
    },
    { authorization: `Bearer ${provinceApiKey}` },
  );
  expect(registered.errors).toBeUndefined();
}

/** Waits until the gateway's /health reports the institution UP: it has read the registry and checked the SDL. */
export async function waitUntilRouted(gatewayUrl: string, code: string, timeout = 10_000): Promise<void> {
  await vi.waitFor(
    async () => {
      const health = await (await fetch(new URL('/health', gatewayUrl))).json();
      expect(health.institutions.find((i: { code: string }) => i.code === code)?.status).toBe('UP');
    },
    { timeout, interval: 100 },
  );
}

/**
 * The quality-marker facets in the real directory (catalogues, framework with
 * the sample trust marks, search indexing through the gateway): each facet's
 * counts and filter against a brute-force count over the seeded entries as
 * the gateway shows them, and a new provincial attestation reaching search
 * through the framework's trust-mark feed, with no change at the institution.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDirectory } from '../../cli/localDirectory.js';
import { provinceApiKey, startTestDirectory } from '../support/directory.js';
import { graphql } from '../support/graphql.js';

const institutions = ['humber', 'seneca'];
let directory: LocalDirectory;

const markers = [
  'employerPartnered',
  'stackable',
  'verifiedQualityAssurance',
  'transferCredit',
  'osapApproved',
] as const;
type Marker = (typeof markers)[number];

interface Entry {
  id: string;
  status: string;
  partners: { kind: string }[];
  stackability: { kind: string };
  trustMarks: Record<string, boolean>;
}

beforeAll(async () => {
  directory = await startTestDirectory({
    institutions,
    entriesPerInstitution: 10,
    // Passes are driven by the test.
    search: { port: 0, indexIntervalMs: 3_600_000 },
  });
});
afterAll(async () => {
  await directory?.stop();
});

const gateway = <T = any>(query: string, variables?: Record<string, unknown>, key?: string) =>
  graphql<T>(directory.gateway.url, query, variables, key ? { authorization: `Bearer ${key}` } : {});

const facetsQuery = `query ($filter: SearchFilter) {
  searchMicroCredentials(filter: $filter, pageSize: 50) {
    total
    hits { microCredential { id } card { osapEligible osapApproved } }
    facets { ${markers.map((marker) => `${marker} { value count }`).join(' ')} }
  }
}`;

/** Every public entry, with what the markers are made of, read through the gateway. */
async function entries(): Promise<Entry[]> {
  const listed = await Promise.all(
    institutions.map(async (code) => {
      const answer = await gateway(
        `query ($code: ID!) { institution(code: $code) { microCredentials(first: 100) {
        edges { node { id status partners { kind } stackability { kind }
          trustMarks { osapApproved verifiedQualityAssurance employerEndorsed carriesTransferCredit stacksIntoProgram } } } } } }`,
        {
          code,
        },
      );
      expect(answer.errors).toBeUndefined();
      return answer.data.institution.microCredentials.edges.map((edge: { node: Entry }) => edge.node);
    }),
  );
  return listed.flat();
}

/** The markers by their written definitions (schema/search.graphql SearchFilter), independently of the indexer. */
function bruteForce(entry: Entry): Record<Marker, boolean> {
  return {
    employerPartnered: entry.partners.some((p) => p.kind === 'EMPLOYER') || entry.trustMarks.employerEndorsed!,
    stackable: entry.stackability.kind === 'STACKABLE' || entry.trustMarks.stacksIntoProgram!,
    verifiedQualityAssurance: entry.trustMarks.verifiedQualityAssurance!,
    transferCredit: entry.trustMarks.carriesTransferCredit!,
    osapApproved: entry.trustMarks.osapApproved!,
  };
}

const countsOf = (facet: { value: string; count: number }[]) =>
  Object.fromEntries(facet.map(({ value, count }) => [value, count]));

describe('quality-marker facets', () => {
  it('count each marker as a brute-force count over the seeded entries, and filter by it', async () => {
    const active = (await entries()).filter((entry) => entry.status === 'ACTIVE');
    const result = await gateway(facetsQuery);
    expect(result.errors).toBeUndefined();
    const search = result.data.searchMicroCredentials;
    expect(search.total).toBe(active.length);
    for (const marker of markers) {
      const yes = active.filter((entry) => bruteForce(entry)[marker]).length;
      const expected: Record<string, number> = {};
      if (yes > 0) expected.true = yes;
      if (active.length - yes > 0) expected.false = active.length - yes;
      expect(countsOf(search.facets[marker]), marker).toEqual(expected);

      const filtered = await gateway(facetsQuery, { filter: { [marker]: true } });
      expect(filtered.data.searchMicroCredentials.total, marker).toBe(yes);
    }
    // The sample data gives every marker both values, so these counts say something.
    for (const marker of markers) expect(search.facets[marker].length, marker).toBe(2);
  });

  it('shows a new provincial OSAP approval in search after the next indexing pass, with no change at the institution', async () => {
    const before = (await entries()).find((entry) => entry.status === 'ACTIVE' && !entry.trustMarks.osapApproved)!;
    expect(before).toBeDefined();
    const count = async () =>
      countsOf((await gateway(facetsQuery)).data.searchMicroCredentials.facets.osapApproved).true ?? 0;
    const approvedBefore = await count();

    const attested = await gateway(
      `mutation ($input: OsapApprovalInput!) { attestOsapApproval(input: $input) { inForce } }`,
      { input: { microCredentialId: before.id, reference: 'OSAP-FRESH', attestedBy: 'SFAB', validFrom: '2026-01-01' } },
      provinceApiKey,
    );
    expect(attested.data.attestOsapApproval.inForce).toBe(true);
    const pass = await directory.search!.indexer.runPass();
    expect(pass.upserted).toBeGreaterThan(0);

    // The gateway's response cache follows the index version within its watch interval.
    const deadline = Date.now() + 5_000;
    while ((await count()) !== approvedBefore + 1 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect(await count()).toBe(approvedBefore + 1);
    const approved = await gateway(facetsQuery, { filter: { osapApproved: true } });
    const hit = approved.data.searchMicroCredentials.hits.find(
      (h: { microCredential: { id: string } }) => h.microCredential.id === before.id,
    );
    expect(hit?.card.osapApproved).toBe(true);
  });
});

/**
 * A compromised institution cannot get a forged entity, a foreign attribution
 * or an oversized list to a client. The hostile institution is the example
 * server (examples/minimal-institution) behind a proxy that rewrites its
 * honest answers the way an attacker would: aliases that disagree with the
 * fields, foreign ids at the top and nested, foreign `institution { code }`,
 * `__typename` games, duplicated JSON keys, extra keys, wrong types, unknown
 * enum values, missing non-null fields, swapped entities and 20,000-edge
 * pages. Every attempt is tried on a root field, an institution listing and a
 * search (entity fetches), and must produce an error naming the institution
 * while the honest institutions in the same response are complete.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDirectory } from '../../cli/localDirectory.js';
import { loadExampleCatalogue, startExampleInstitution } from '../../examples/minimal-institution/server.js';
import { startTestDirectory } from '../support/directory.js';
import { graphql } from '../support/graphql.js';
import { startRecordingProxy, type RecordingServer, type Tamper } from '../support/hostileInstitution.js';
import { registerTestInstitution } from '../support/registerInstitution.js';

const honest = ['humber', 'seneca'];
let directory: LocalDirectory;
const stops: Array<() => Promise<void>> = [];
let tamper: Tamper = (_request, answer) => answer;
let victimId: string;
const rogueId = 'rogue:data-analytics-fundamentals';

async function startCrafted(code: string, rewrite: () => Tamper): Promise<RecordingServer> {
  const example = await startExampleInstitution({ institution: code, entries: loadExampleCatalogue(), port: 0 });
  const proxy = await startRecordingProxy(example.url, (request, answer) => rewrite()(request, answer));
  stops.push(
    () => proxy.stop(),
    () => example.stop(),
  );
  await registerTestInstitution(directory.gateway.url, { code, name: `Hostile ${code}`, subgraphUrl: proxy.url });
  return proxy;
}

beforeAll(async () => {
  directory = await startTestDirectory({
    institutions: honest,
    entriesPerInstitution: 4,
    // A 20,000-edge answer takes a while to craft on a busy machine; the deadline is not what is tested here.
    institutionTimeoutMs: 5_000,
    search: { port: 0, indexIntervalMs: 3_600_000 },
    // Each variant changes how the hostile institution answers without changing its data, so every request must
    // reach it: the response cache (test/cache) never stores an answer with errors, but would keep the honest one.
    responseCache: { enabled: false },
  });
  await startCrafted('rogue', () => tamper);
  // Indexed while still honest, so searches reach it through entity fetches later.
  await directory.search!.indexer.runPass();
  const humber = await graphql(
    directory.gateway.url,
    `{ institution(code: "humber") { microCredentials(first: 1) { edges { node { id } } } } }`,
  );
  victimId = humber.data.institution.microCredentials.edges[0].node.id;
}, 60_000);
afterAll(async () => {
  for (const stop of stops) await stop();
  await directory?.stop();
});

/** Every object of `typename` the gateway asked about (it carries the reserved `_shardType` alias). */
function each(answer: unknown, typename: string, change: (object: Record<string, any>) => void): unknown {
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, any>;
    Object.values(record).forEach(walk);
    if (record._shardType === typename) change(record);
  };
  walk(answer);
  return answer;
}

const surfaces = {
  root: `query($id: ID!) {
    target: microCredential(id: $id) { id title deliveryMode institution { code name } offerings { priceCad } }
    honest: microCredential(id: "${'$VICTIM'}") { id title institution { code } }
  }`,
  listing: `{ institutions { code microCredentials(first: 3) { totalCount edges { node { id title deliveryMode institution { code } } } } } }`,
  search: `{ searchMicroCredentials(filter: { institutions: ["rogue", "humber"] }, pageSize: 20) {
    hits { microCredential { id title deliveryMode institution { code name } } } } }`,
};

async function ask(surface: keyof typeof surfaces) {
  const query = surfaces[surface].replace('$VICTIM', victimId);
  return graphql(directory.gateway.url, query, surface === 'root' ? { id: rogueId } : undefined);
}

const baseline: Record<string, any> = {};

type Variant = { name: string; code: 'INSTITUTION_IMPERSONATION' | 'INSTITUTION_INVALID_RESPONSE'; tamper: Tamper };
const variants: Variant[] = [
  {
    name: 'the real id names another institution while the alias says its own',
    code: 'INSTITUTION_IMPERSONATION',
    tamper: (_r, a) =>
      each(a, 'MicroCredential', (mc) => Object.assign(mc, { id: victimId, title: 'Counterfeit entry' })),
  },
  {
    name: 'both the id and the alias name another institution',
    code: 'INSTITUTION_IMPERSONATION',
    tamper: (_r, a) =>
      each(a, 'MicroCredential', (mc) =>
        Object.assign(mc, { id: victimId, _shardKey: victimId, title: 'Counterfeit entry' }),
      ),
  },
  {
    name: 'the alias disagrees with its own real id',
    code: 'INSTITUTION_IMPERSONATION',
    tamper: (_r, a) => each(a, 'MicroCredential', (mc) => Object.assign(mc, { _shardKey: victimId })),
  },
  {
    name: 'a nested institution { code } names another institution',
    code: 'INSTITUTION_IMPERSONATION',
    tamper: (_r, a) => each(a, 'Institution', (i) => Object.assign(i, { code: 'humber', _shardKey: 'humber' })),
  },
  {
    name: '__typename games: an entity calls itself another type',
    code: 'INSTITUTION_IMPERSONATION',
    tamper: (_r, a) =>
      each(a, 'MicroCredential', (mc) => Object.assign(mc, { _shardType: 'Institution', title: 'Counterfeit entry' })),
  },
  {
    name: 'duplicated JSON keys: an own id first, a foreign id last',
    code: 'INSTITUTION_IMPERSONATION',
    tamper: (_r, a) =>
      JSON.stringify(a).replaceAll(
        '"_shardType":"MicroCredential"',
        `"_shardType":"MicroCredential","id":"${victimId}"`,
      ),
  },
  {
    name: 'extra keys nobody asked for',
    code: 'INSTITUTION_INVALID_RESPONSE',
    tamper: (_r, a) =>
      each(a, 'MicroCredential', (mc) => Object.assign(mc, { adminNote: 'Counterfeit entry', isAdmin: true })),
  },
  {
    name: 'a value of the wrong type in a non-null field',
    code: 'INSTITUTION_INVALID_RESPONSE',
    tamper: (_r, a) => each(a, 'MicroCredential', (mc) => 'title' in mc && Object.assign(mc, { title: 42 })),
  },
  {
    name: 'an enum value the contract does not know',
    code: 'INSTITUTION_INVALID_RESPONSE',
    tamper: (_r, a) =>
      each(a, 'MicroCredential', (mc) => 'deliveryMode' in mc && Object.assign(mc, { deliveryMode: 'TELEPATHY' })),
  },
  {
    name: 'a missing non-null field',
    code: 'INSTITUTION_INVALID_RESPONSE',
    tamper: (_r, a) => each(a, 'MicroCredential', (mc) => delete mc.title),
  },
];

describe('a hostile institution', () => {
  it('leaves honest answers as they are while it is honest itself', async () => {
    for (const surface of Object.keys(surfaces) as Array<keyof typeof surfaces>) {
      const result = await ask(surface);
      expect(result.errors, surface).toBeUndefined();
      baseline[surface] = result.data;
    }
    expect(baseline.root.target.id).toBe(rogueId);
    expect(
      baseline.search.searchMicroCredentials.hits.some((h: any) => h.microCredential.id.startsWith('rogue:')),
    ).toBe(true);
  });

  describe.each(variants)('$name', (variant) => {
    it.each(Object.keys(surfaces) as Array<keyof typeof surfaces>)(
      'is caught on %s, honest data intact',
      async (surface) => {
        tamper = variant.tamper;
        try {
          const result = await ask(surface);
          const text = JSON.stringify(result.data);
          expect(text).not.toContain('Counterfeit');
          expect(text).not.toContain('adminNote');
          expect(text).not.toContain('TELEPATHY');
          expect(result.errors?.length, JSON.stringify(result.errors)).toBeGreaterThan(0);
          for (const error of result.errors!) {
            expect(error.extensions).toMatchObject({ institution: 'rogue' });
            expect(error.message).not.toContain('127.0.0.1');
          }
          expect(result.errors!.map((error) => error.extensions!.code)).toContain(variant.code);
          expectHonestIntact(surface, result.data);
        } finally {
          tamper = (_request, answer) => answer;
        }
      },
    );
  });

  it('cannot swap entities in an entity fetch: each item is held to the key it was asked for', async () => {
    tamper = (request, answer) => {
      const entities = answer.data?._entities;
      if (request.body.query?.includes('_entities') && Array.isArray(entities) && entities.length > 1)
        entities.reverse();
      return answer;
    };
    try {
      const result = await ask('search');
      const rogueHits = result.data.searchMicroCredentials.hits.filter((h: any) => h.microCredential === null);
      expect(rogueHits.length).toBeGreaterThan(1);
      expect(result.errors!.every((e) => e.extensions!.code === 'INSTITUTION_IMPERSONATION')).toBe(true);
      expectHonestIntact('search', result.data);
    } finally {
      tamper = (_request, answer) => answer;
    }
  });

  it('cannot return more than the page it was asked for: a 20,000-edge page is cut to `first` and reported', async () => {
    tamper = (_request, answer) => {
      each(answer, 'Institution', (institution) => {
        const edges = institution.microCredentials?.edges;
        if (!Array.isArray(edges) || edges.length === 0) return;
        institution.microCredentials.edges = Array.from({ length: 20_000 }, () => structuredClone(edges[0]));
      });
      return answer;
    };
    try {
      const result = await ask('listing');
      const rogue = result.data.institutions.find((i: any) => i.code === 'rogue');
      expect(rogue.microCredentials.edges).toHaveLength(3);
      expect(result.errors).toContainEqual(
        expect.objectContaining({
          extensions: expect.objectContaining({
            code: 'INSTITUTION_INVALID_RESPONSE',
            institution: 'rogue',
            reason: 'LIST_TOO_LONG',
          }),
        }),
      );
      expectHonestIntact('listing', result.data);
    } finally {
      tamper = (_request, answer) => answer;
    }
  });

  it('drops only the forged item of a listing, keeping its own honest items', async () => {
    tamper = (_request, answer) => {
      each(answer, 'Institution', (institution) => {
        const node = institution.microCredentials?.edges?.[0]?.node;
        if (node) Object.assign(node, { id: victimId, _shardKey: victimId, title: 'Counterfeit entry' });
      });
      return answer;
    };
    try {
      const result = await ask('listing');
      const rogue = result.data.institutions.find((i: any) => i.code === 'rogue');
      const honestRogue = baseline.listing.institutions.find((i: any) => i.code === 'rogue');
      expect(rogue.microCredentials.edges).toEqual(honestRogue.microCredentials.edges.slice(1));
      expect(result.errors!.map((e) => e.extensions!.code)).toEqual(['INSTITUTION_IMPERSONATION']);
    } finally {
      tamper = (_request, answer) => answer;
    }
  });

  it('shows as DEGRADED in /health after an invalid answer, and is still routed', async () => {
    const health = await (await fetch(new URL('/health', directory.gateway.url))).json();
    const rogue = health.institutions.find((i: any) => i.code === 'rogue');
    expect(rogue.status).toBe('DEGRADED');
    expect(rogue.reason).toContain('rogue');
    expect(health.status).toBe('degraded');
    expect(health.institutions.find((i: any) => i.code === 'humber').status).toBe('UP');
    const result = await ask('root');
    expect(result.errors).toBeUndefined();
    expect(result.data.target.id).toBe(rogueId);
  });

  it("cannot get another institution's entries into search through its change feed", async () => {
    await startCrafted('forger', () => (request, answer) => {
      if (!request.body.query?.includes('changes(')) return answer;
      for (const change of answer.data?.changes?.changes ?? []) {
        const slug = change.microCredentialId.split(':')[1];
        change.microCredentialId = `humber:${slug}`;
        if (change.microCredential) {
          Object.assign(change.microCredential, {
            id: `humber:${slug}`,
            _shardKey: `humber:${slug}`,
            title: 'Counterfeit entry',
          });
        }
      }
      return answer;
    });
    await directory.search!.indexer.runPass();
    const found = await graphql(
      directory.gateway.url,
      `{ searchMicroCredentials(query: "Counterfeit", pageSize: 20) { total hits { microCredential { id title } } }
         all: searchMicroCredentials(filter: { institutions: ["humber"] }, pageSize: 50) { total } }`,
    );
    expect(found.errors).toBeUndefined();
    expect(found.data.searchMicroCredentials.total).toBe(0);
    expect(found.data.all.total).toBe(
      baseline.search.searchMicroCredentials.hits.filter((h: any) => h.microCredential.institution.code === 'humber')
        .length,
    );
  });
});

function expectHonestIntact(surface: keyof typeof surfaces, data: any): void {
  if (surface === 'root') expect(data.honest).toEqual(baseline.root.honest);
  if (surface === 'listing') {
    for (const code of honest) {
      const now = data.institutions.find((i: any) => i.code === code);
      expect(now).toEqual(baseline.listing.institutions.find((i: any) => i.code === code));
    }
  }
  if (surface === 'search') {
    const honestHits = (hits: any[]) => hits.filter((h) => h.microCredential?.institution.code === 'humber');
    expect(honestHits(data.searchMicroCredentials.hits)).toEqual(
      honestHits(baseline.search.searchMicroCredentials.hits),
    );
  }
}

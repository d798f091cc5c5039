/**
 * The linked-data exports against the real directory (real PostgreSQL, real
 * HTTP, real federation): every seed entry's CTDL, Open Badges 3.0 and
 * schema.org documents validated offline, then the permanent URLs, content
 * negotiation, errors, the summary page, the JSON Lines feed and the sitemap.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDirectory } from '../support/directory.js';
import { graphql } from '../support/graphql.js';
import { apiKeyFor } from '../publishing/support.js';
import type { LocalDirectory } from '../../cli/localDirectory.js';
import {
  ctdlMinimumDataProblems,
  expandOffline,
  openBadgesAchievementErrors,
  termsOutside,
  vocabularies,
} from './support/vocabularyChecks.js';

const institutions = ['humber', 'lacite', 'fnti'];
let directory: LocalDirectory;
let origin: string;
/** Where permanent URLs point: the gateway's default public origin. */
let publicOrigin: string;
let ids: string[];

beforeAll(async () => {
  directory = await startTestDirectory({ institutions, entriesPerInstitution: 5 });
  origin = directory.gateway.url.replace(/\/graphql$/, '');
  publicOrigin = `http://localhost:${directory.gateway.port}`;
  const listing = await graphql(
    directory.gateway.url,
    `{ institutions { code microCredentials(first: 100, filter: { status: [ACTIVE, SUNSET] }) { edges { node { id } } } } }`,
  );
  ids = listing.data.institutions.flatMap((i: any) => i.microCredentials.edges.map((e: any) => e.node.id));
});

afterAll(async () => {
  await directory?.stop();
});

/** A sunset date after every seed entry's effective date. */
const sunsetOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const get = (path: string, headers: Record<string, string> = {}) => fetch(`${origin}${path}`, { headers });

describe('every seed entry', () => {
  it('has entries from every institution', () => {
    expect(new Set(ids.map((id) => id.split(':')[0]))).toEqual(new Set(institutions));
    expect(ids.length).toBeGreaterThanOrEqual(institutions.length * 4);
  });

  it('exports CTDL that expands to the CTDL vocabulary and meets the minimum data policy', async () => {
    for (const id of ids) {
      const response = await get(`/credentials/${id}.ctdl.jsonld`);
      expect(response.status, id).toBe(200);
      const document = await response.json();
      expect(ctdlMinimumDataProblems(document), id).toEqual([]);
      const expanded = await expandOffline(document);
      expect(termsOutside(expanded, vocabularies.ctdl), id).toEqual([]);
      expect(JSON.stringify(expanded)).toContain('https://purl.org/ctdl/terms/MicroCredential');
    }
  });

  it('exports an Open Badges 3.0 Achievement valid against 1EdTech’s schema and context', async () => {
    for (const id of ids) {
      const document = await (await get(`/credentials/${id}.ob3.json`)).json();
      expect(openBadgesAchievementErrors(document), id).toEqual([]);
      expect(document).toMatchObject({ type: ['Achievement'], achievementType: 'MicroCredential' });
      const expanded = await expandOffline(document);
      expect(termsOutside(expanded, vocabularies.ob3), id).toEqual([]);
    }
  });

  it('exports a schema.org Course that expands to schema.org only', async () => {
    for (const id of ids) {
      const document = await (await get(`/credentials/${id}.schema.jsonld`)).json();
      expect(document['@type']).toBe('Course');
      expect(document.educationalCredentialAwarded['@type']).toBe('EducationalOccupationalCredential');
      const expanded = await expandOffline(document);
      expect(termsOutside(expanded, vocabularies.schema), id).toEqual([]);
    }
  });

  it('exports each institution in all three vocabularies', async () => {
    for (const code of institutions) {
      const ctdl = await (await get(`/institutions/${code}.ctdl.jsonld`)).json();
      expect(ctdl['@type']).toBe('ceterms:CredentialOrganization');
      expect(termsOutside(await expandOffline(ctdl), vocabularies.ctdl)).toEqual([]);
      const profile = await (await get(`/institutions/${code}.ob3.json`)).json();
      expect(termsOutside(await expandOffline(profile), vocabularies.ob3)).toEqual([]);
      const schema = await (await get(`/institutions/${code}.schema.jsonld`)).json();
      expect(termsOutside(await expandOffline(schema), vocabularies.schema)).toEqual([]);
    }
  });
});

describe('the offline checks themselves', () => {
  it('fail on a term that does not expand and refuse contexts that are not vendored', async () => {
    const document = await (await get(`/credentials/${ids[0]}.ctdl.jsonld`)).json();
    document['@graph'][0].madeUpTerm = 'x';
    await expect(expandOffline(document)).rejects.toThrow();
    await expect(expandOffline({ '@context': 'https://example.org/context.json', name: 'x' })).rejects.toThrow(
      /Dereferencing a URL did not result in a valid JSON-LD object/,
    );
    expect(termsOutside([{ 'https://example.org/name': [{ '@value': 'x' }] }], vocabularies.schema)).toEqual([
      'https://example.org/name',
    ]);
  });

  it('fail an Achievement without criteria and CTDL without an owner', async () => {
    const achievement = await (await get(`/credentials/${ids[0]}.ob3.json`)).json();
    delete achievement.criteria;
    expect(openBadgesAchievementErrors(achievement)).not.toEqual([]);
    const ctdl = await (await get(`/credentials/${ids[0]}.ctdl.jsonld`)).json();
    delete ctdl['@graph'][0]['ceterms:ownedBy'];
    delete ctdl['@graph'][0]['ceterms:offeredBy'];
    expect(ctdlMinimumDataProblems(ctdl)).toContain('credential: ceterms:ownedBy or ceterms:offeredBy');
  });
});

describe('permanent URLs', () => {
  it('negotiate JSON-LD, Open Badges and HTML, and name the alternates', async () => {
    const id = ids[0]!;
    const ld = await get(`/credentials/${id}`, { accept: 'application/ld+json' });
    expect(ld.headers.get('content-type')).toMatch(/^application\/ld\+json/);
    expect(ld.headers.get('vary')).toMatch(/Accept/);
    expect(ld.headers.get('link')).toContain(`${publicOrigin}/credentials/${id}.ob3.json`);
    expect((await ld.json())['@graph'][0]['@id']).toBe(`${publicOrigin}/credentials/${id}`);
    const ob3 = await get(`/credentials/${id}`, {
      accept: 'application/ld+json; profile="https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"',
    });
    expect((await ob3.json()).type).toEqual(['Achievement']);
    const html = await get(`/credentials/${id}`, { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8' });
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await html.text();
    expect(page).toMatch(/<html lang="en(-CA)?">/);
    const embedded = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)?.[1];
    expect(JSON.parse(embedded!)['@type']).toBe('Course');
    expect((await get(`/credentials/${id}`, { accept: 'image/png' })).status).toBe(406);
  });

  it('are what MicroCredential.url and Institution.url return', async () => {
    const result = await graphql(
      directory.gateway.url,
      `query ($id: ID!) { microCredential(id: $id) { url institution { url } } }`,
      {
        id: ids[0],
      },
    );
    expect(result.data.microCredential.url).toBe(`${publicOrigin}/credentials/${ids[0]}`);
    expect(result.data.microCredential.institution.url).toBe(`${publicOrigin}/institutions/${ids[0]!.split(':')[0]}`);
  });

  it('answer 404 for unknown entries and institutions and 400 with a code for malformed ids', async () => {
    const unknown = await get('/credentials/humber:no-such-entry', { accept: 'application/ld+json' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'The directory has no public micro-credential "humber:no-such-entry".' },
    });
    expect((await get('/credentials/nowhere:anything')).status).toBe(404);
    expect((await get('/institutions/nowhere')).status).toBe(404);
    const malformed = await get('/credentials/Humber%20Polytechnic', { accept: 'application/json' });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.code).toBe('INVALID_ID');
    // A browser gets the portal's page, with the same status.
    const html404 = await get('/credentials/humber:no-such-entry', { accept: 'text/html' });
    expect(html404.status).toBe(404);
    expect(html404.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('keep answering for a sunset entry, marked as such in every form', async () => {
    const id = ids.find((candidate) => candidate.startsWith('humber:'))!;
    const key = await apiKeyFor(directory.catalogueDatabaseUrl('humber'), 'humber');
    const current = await graphql(directory.gateway.url, `query ($id: ID!) { microCredential(id: $id) { version } }`, {
      id,
    });
    const sunset = await graphql(
      directory.gateway.url,
      `mutation ($id: ID!, $v: Int!, $on: Date!) { sunsetMicroCredential(id: $id, expectedVersion: $v, reason: "Replaced by a new program", effectiveDate: $on) { problems { code } } }`,
      { id, v: current.data.microCredential.version, on: sunsetOn },
      { authorization: `Bearer ${key}` },
    );
    expect(sunset.data.sunsetMicroCredential.problems).toEqual([]);
    const ctdl = await get(`/credentials/${id}.ctdl.jsonld`);
    expect(ctdl.status).toBe(200);
    expect(ctdl.headers.get('sunset')).toBe(new Date(`${sunsetOn}T00:00:00Z`).toUTCString());
    const credential = (await ctdl.json())['@graph'][0];
    expect(credential['ceterms:credentialStatusType']['ceterms:targetNode']).toBe('credentialStat:Deprecated');
    expect(credential['ceterms:expirationDate']).toBe(sunsetOn);
    expect((await (await get(`/credentials/${id}.schema.jsonld`)).json()).creativeWorkStatus).toBe('Sunset');
    const page = await (await get(`/credentials/${id}`, { accept: 'text/html' })).text();
    expect(page).toContain('no longer offered');
    expect(page).toContain('Replaced by a new program');
  });

  it('serve an institution page listing its entries', async () => {
    const page = await (await get('/institutions/lacite', { accept: 'text/html' })).text();
    for (const id of ids.filter((candidate) => candidate.startsWith('lacite:'))) {
      expect(page).toContain(`/credentials/${id}`);
    }
  });
});

describe('bulk', () => {
  it('streams every public entry as one JSON-LD document a line, with validators honoured', async () => {
    const response = await get('/feeds/credentials.jsonl');
    expect(response.status).toBe(200);
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((document) => document['@graph'][0]['@id']).sort()).toEqual(
      ids.map((id) => `${publicOrigin}/credentials/${id}`).sort(),
    );
    const etag = response.headers.get('etag')!;
    const lastModified = response.headers.get('last-modified')!;
    expect(etag).toMatch(/^W\/"/);
    expect((await get('/feeds/credentials.jsonl', { 'if-none-match': etag })).status).toBe(304);
    expect((await get('/feeds/credentials.jsonl', { 'if-modified-since': lastModified })).status).toBe(304);
    const ob3 = await (await get('/feeds/credentials.jsonl?format=ob3')).text();
    expect(JSON.parse(ob3.split('\n')[0]!).type).toEqual(['Achievement']);
    expect((await get('/feeds/credentials.jsonl?format=rdfxml')).status).toBe(400);
  });

  it('changes its validators when an entry changes', async () => {
    const before = (await get('/feeds/credentials.jsonl')).headers.get('etag')!;
    const id = ids.find((candidate) => candidate.startsWith('fnti:'))!;
    const key = await apiKeyFor(directory.catalogueDatabaseUrl('fnti'), 'fnti');
    const current = await graphql(directory.gateway.url, `query ($id: ID!) { microCredential(id: $id) { version } }`, {
      id,
    });
    await graphql(
      directory.gateway.url,
      `mutation ($id: ID!, $v: Int!, $on: Date!) { sunsetMicroCredential(id: $id, expectedVersion: $v, reason: "Retired", effectiveDate: $on) { problems { code } } }`,
      { id, v: current.data.microCredential.version, on: sunsetOn },
      { authorization: `Bearer ${key}` },
    );
    const after = await get('/feeds/credentials.jsonl', { 'if-none-match': before });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before);
  });

  it('lists every permanent URL in the sitemap', async () => {
    const response = await get('/sitemap.xml');
    expect(response.headers.get('content-type')).toMatch(/^application\/xml/);
    const xml = await response.text();
    for (const id of ids) expect(xml).toContain(`<loc>${publicOrigin}/credentials/${id}</loc>`);
    for (const code of institutions) expect(xml).toContain(`<loc>${publicOrigin}/institutions/${code}</loc>`);
    expect((await get('/sitemap.xml', { 'if-none-match': response.headers.get('etag')! })).status).toBe(304);
  });
});

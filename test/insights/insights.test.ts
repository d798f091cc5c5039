/**
 * Provincial insights through the real gateway: only the province key reads
 * them; supply comes from the index, demand from searches and opened results
 * (kept with nothing that identifies the searcher), outcomes from the
 * institutions that report them (the example institution, which does not,
 * reads as not reported), and each table comes as CSV.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LocalDirectory } from '../../cli/localDirectory.js';
import {
  loadExampleCatalogue,
  startExampleInstitution,
  type RunningExample,
} from '../../examples/minimal-institution/server.js';
import { sampleMethod } from '../../seed/sampleOutcomes.js';
import { provinceApiKey, startTestDirectory } from '../support/directory.js';
import { graphql } from '../support/graphql.js';
import { apiKeyFor } from '../publishing/support.js';
import { register } from './support.js';

let directory: LocalDirectory;
let example: RunningExample;
let demandDir: string;
const province = { authorization: `Bearer ${provinceApiKey}` };
const insightsQuery = `query($table: InsightsTable!) { insights(from: "2024-01-01") {
  from to
  supply { entries bySector { key count } byRegion { key count } byDeliveryMode { key count } priceDistribution { label count } hoursDistribution { label count } }
  demand { searches zeroResultSearches opens daily { date searches } topQueries { key count } zeroResultQueries { key count } byTheme { key count } byRegion { key count } filtersUsed { key count } mostOpened { key label count } }
  outcomes { institutions { code status reports } byOqfBand { key reports withheldReports enrolments completions completionRate } byDeliveryMode { key reports } byInstitutionType { key reports } }
  gaps { kind key searches entries }
  csv(table: $table)
} }`;

beforeAll(async () => {
  demandDir = await mkdtemp(join(tmpdir(), 'demand-'));
  directory = await startTestDirectory({
    institutions: ['humber', 'seneca'],
    entriesPerInstitution: 8,
    institutionTimeoutMs: 5_000,
    search: { port: 0, indexIntervalMs: 300, demandDir },
    // Every search reaches the search service, so counts are read at once (cached ones are reported every 5 s;
    // cachedSearchDemand.test.ts).
    responseCache: { enabled: false },
  });
  const key = `mck_examplecollege_${randomBytes(4).toString('hex')}_${randomBytes(32).toString('base64url')}`;
  example = await startExampleInstitution({
    institution: 'examplecollege',
    entries: loadExampleCatalogue(),
    port: 0,
    publishingKeySha256: [createHash('sha256').update(key).digest('hex')],
  });
  await register(directory.gateway.url, 'examplecollege', example.url);
  await vi.waitFor(
    async () => {
      const status = await graphql(directory.gateway.url, '{ searchStatus { ready institutions { code state } } }');
      expect(status.data?.searchStatus.ready).toBe(true);
      const states = status.data.searchStatus.institutions.map((i: any) => [i.code, i.state]);
      expect(states).toContainEqual(['examplecollege', 'UP_TO_DATE']);
    },
    { timeout: 30_000, interval: 200 },
  );
}, 120_000);
afterAll(async () => {
  await example?.stop();
  await directory?.stop();
  await rm(demandDir, { recursive: true, force: true });
});

const gateway = () => directory.gateway.url;

describe('who may read insights', () => {
  it('refuses without a key, with another token, and with an institution publishing key', async () => {
    const anonymous = await graphql(gateway(), '{ insights { from } }');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const wrong = await graphql(gateway(), '{ insights { from } }', {}, { authorization: 'Bearer not-the-province' });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const humberKey = await apiKeyFor(directory.catalogueDatabaseUrl('humber'), 'humber');
    // The gateway never forwards a publishing key to search, so search sees no key at all.
    const institution = await graphql(gateway(), '{ insights { from } }', {}, { authorization: `Bearer ${humberKey}` });
    expect(institution.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(institution.data).toBeNull();
    const allowed = await graphql(gateway(), '{ insights { supply { entries } } }', {}, province);
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data.insights.supply.entries).toBeGreaterThan(0);
  });
});

describe('demand', () => {
  const search = `query($q: String, $filter: SearchFilter) { searchMicroCredentials(query: $q, filter: $filter) { total hits { microCredential { id } } } }`;
  const identifying = {
    'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) JaneDoeBrowser/1.0',
    'x-forwarded-for': '203.0.113.77',
    cookie: 'session=secret-session-id',
    'x-real-ip': '198.51.100.23',
    referer: 'https://mail.example.org/inbox/jane',
  };

  it('counts searches, zero-result queries, filters and opened results, and nothing about who searched', async () => {
    for (let i = 0; i < 3; i++) {
      await graphql(gateway(), search, { q: '  Data ' }, identifying);
      await graphql(
        gateway(),
        search,
        { q: 'underwater basket weaving', filter: { regions: ['NORTHERN'], occupations: ['72106'] } },
        identifying,
      );
    }
    await graphql(gateway(), search, { q: 'jane.doe@example.com welding' }, identifying);
    await graphql(gateway(), search, { q: 'once only' }, identifying);
    const hit = (await graphql(gateway(), search, { q: 'data' })).data.searchMicroCredentials.hits[0].microCredential
      .id;
    const opened = await graphql(
      gateway(),
      `mutation($id: ID!) { recordResultOpened(id: $id) }`,
      { id: hit },
      identifying,
    );
    expect(opened.errors).toBeUndefined();
    expect(opened.data).toEqual({ recordResultOpened: true });
    const unknown = await graphql(gateway(), `mutation { recordResultOpened(id: "humber:not-indexed") }`);
    expect(unknown.data).toEqual({ recordResultOpened: false });

    const { data } = await graphql(gateway(), insightsQuery, { table: 'DEMAND_TOP_QUERIES' }, province);
    const { demand } = data.insights;
    expect(demand.searches).toBe(9);
    expect(demand.zeroResultSearches).toBeGreaterThanOrEqual(3);
    expect(demand.opens).toBe(1);
    expect(demand.topQueries).toEqual(
      expect.arrayContaining([
        { key: 'data', count: 4 },
        { key: 'underwater basket weaving', count: 3 },
      ]),
    );
    // Rare texts, and texts with personal details, are never listed.
    expect(JSON.stringify(demand)).not.toMatch(/once only|jane|example\.com/);
    expect(demand.zeroResultQueries).toContainEqual({ key: 'underwater basket weaving', count: 3 });
    expect(demand.byRegion).toEqual([{ key: 'NORTHERN', count: 3 }]);
    expect(demand.filtersUsed).toEqual(expect.arrayContaining([{ key: 'occupations=72106', count: 3 }]));
    expect(demand.mostOpened).toEqual([expect.objectContaining({ key: hit, count: 1 })]);
    expect(data.insights.gaps).toEqual(
      expect.arrayContaining([
        { kind: 'QUERY', key: 'underwater basket weaving', searches: 3, entries: 0 },
        expect.objectContaining({ kind: 'OCCUPATION', key: '72106', searches: 3 }),
      ]),
    );

    // What is stored: the day files hold counts and normalised texts, none of what the requests carried.
    await directory.search!.demand.flush();
    const files = await readdir(demandDir);
    expect(files).toHaveLength(1);
    const stored = await readFile(join(demandDir, files[0]!), 'utf8');
    for (const value of [
      ...Object.values(identifying),
      '203.0.113',
      'JaneDoe',
      'secret-session',
      'mdk_',
      'jane.doe',
      '127.0.0.1',
    ])
      expect(stored).not.toContain(value);
    expect(Object.keys(JSON.parse(stored)).sort()).toEqual([
      'counts',
      'date',
      'opens',
      'searches',
      'zeroResultSearches',
    ]);
  });
});

describe('supply, outcomes and CSV', () => {
  it('shows supply by the planning dimensions, and outcomes with suppression, the example institution not reported', async () => {
    const { data, errors } = await graphql(gateway(), insightsQuery, { table: 'OUTCOMES_BY_OQF_BAND' }, province);
    expect(errors).toBeUndefined();
    const { supply, outcomes } = data.insights;
    const sum = (rows: Array<{ count: number }>) => rows.reduce((total, row) => total + row.count, 0);
    expect(sum(supply.bySector)).toBe(supply.entries);
    expect(sum(supply.byDeliveryMode)).toBe(supply.entries);
    expect(sum(supply.hoursDistribution)).toBe(supply.entries);
    expect(sum(supply.priceDistribution)).toBe(supply.entries);
    expect(outcomes.institutions).toEqual([
      { code: 'examplecollege', status: 'NOT_REPORTED', reports: 0 },
      expect.objectContaining({ code: 'humber', status: 'REPORTED' }),
      { code: 'seneca', status: 'NOT_REPORTED', reports: 0 },
    ]);
    const rows = outcomes.byOqfBand as Array<{
      reports: number;
      withheldReports: number;
      enrolments: number | null;
      completions: number | null;
      completionRate: number | null;
    }>;
    const humberReports = outcomes.institutions.find((i: any) => i.code === 'humber').reports;
    expect(rows.reduce((n, row) => n + row.reports + row.withheldReports, 0)).toBeLessThanOrEqual(humberReports);
    // Sample cohorts include small ones: they are left out, never summed.
    expect(rows.some((row) => row.withheldReports > 0)).toBe(true);
    for (const row of rows) {
      if (row.enrolments === null) continue;
      expect(row.enrolments).toBeGreaterThanOrEqual(10);
      expect(row.completionRate).toBeCloseTo(row.completions! / row.enrolments, 3);
    }
    // The sample reports say what they are.
    const detail = await graphql(
      gateway(),
      `{ outcomeReports(institution: "humber", first: 1) { reports { counts { source method } } } }`,
    );
    expect(detail.data.outcomeReports.reports[0].counts).toEqual({ source: 'SAMPLE_DATA', method: sampleMethod });

    const csv: string = data.insights.csv;
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('key,label,reports,withheldReports,enrolments,completions,completionRate');
    expect(lines).toHaveLength(rows.length + 1);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

describe('the portal insights page', () => {
  const portal = (path: string) => new URL(path, gateway()).toString();

  it('asks for the province key, keeps only a session id in the cookie, and draws charts and tables', async () => {
    const anonymous = await fetch(portal('/insights'));
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toContain('Province API key');
    const csvWithout = await fetch(portal('/insights/csv/GAPS'));
    expect(csvWithout.status).toBe(401);

    const signIn = (key: string) =>
      fetch(portal('/insights/sign-in'), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ key }),
        redirect: 'manual',
      });
    expect((await signIn('not-the-key')).status).toBe(401);
    const signedIn = await signIn(provinceApiKey);
    expect(signedIn.status).toBe(303);
    const cookie = signedIn.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^insights_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/insights/);
    expect(cookie).not.toContain(provinceApiKey);
    const session = { cookie: cookie.split(';')[0]! };

    const view = await fetch(portal('/insights?from=2024-01-01'), { headers: session });
    expect(view.status).toBe(200);
    const page = await view.text();
    expect(page).toContain('<svg xmlns="http://www.w3.org/2000/svg" role="img"');
    expect(page).toContain('Completion rate by OQF band');
    expect(page).toContain('<polyline');
    expect(page).toMatch(/examplecollege<\/td><td>not reported/);

    const csv = await fetch(portal('/insights/csv/SUPPLY_BY_SECTOR'), { headers: session });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="supply_by_sector.csv"');
    expect((await csv.text()).split('\r\n')[0]).toBe('key,label,count');
    expect((await fetch(portal('/insights/csv/NOT_A_TABLE'), { headers: session })).status).toBe(404);

    await fetch(portal('/insights/sign-out'), { method: 'POST', headers: session, redirect: 'manual' });
    expect((await fetch(portal('/insights'), { headers: session })).status).toBe(401);
  });

  it('reports a result opened from the portal search page, and not one opened from elsewhere', async () => {
    const opens = async () =>
      (await graphql(gateway(), '{ insights { demand { opens } } }', {}, province)).data.insights.demand.opens;
    const before = await opens();
    const hit = (
      await graphql(gateway(), '{ searchMicroCredentials(query: "data") { hits { microCredential { id } } } }')
    ).data.searchMicroCredentials.hits[0].microCredential.id;
    const host = new URL(gateway()).host;
    await fetch(portal(`/credentials/${hit}`), { headers: { accept: 'text/html', referer: `http://${host}/?q=data` } });
    await fetch(portal(`/credentials/${hit}`), {
      headers: { accept: 'text/html', referer: 'https://elsewhere.example/' },
    });
    await vi.waitFor(async () => expect(await opens()).toBe(before + 1), { timeout: 5_000, interval: 100 });
  });
});

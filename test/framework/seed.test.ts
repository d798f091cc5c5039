import { describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { migrateFrameworkDatabase } from '../../subgraphs/framework/db/migrate.js';
import { seedFrameworkIfEmpty, syncInstitutionUrls } from '../../subgraphs/framework/seed.js';
import { createTestDatabase } from '../support/databases.js';
import { sampleInstitutions } from './startFramework.js';

async function readRows(databaseUrl: string) {
  const sql = postgres(databaseUrl, { max: 1 });
  try {
    return await sql<Array<{ code: string; subgraph_url: string; updated_at: Date }>>`
      select code, subgraph_url, updated_at from institutions order by code`;
  } finally {
    await sql.end();
  }
}

describe('framework database setup', () => {
  it('migrates idempotently, also from concurrent starts', async () => {
    const databaseUrl = await createTestDatabase('framework_migrate');
    await Promise.all([migrateFrameworkDatabase(databaseUrl), migrateFrameworkDatabase(databaseUrl)]);
    await migrateFrameworkDatabase(databaseUrl);
    expect(await readRows(databaseUrl)).toEqual([]);
  });

  it('seeds an empty registry once and leaves a managed one alone', async () => {
    const databaseUrl = await createTestDatabase('framework_seed');
    await migrateFrameworkDatabase(databaseUrl);
    expect(await seedFrameworkIfEmpty(databaseUrl, sampleInstitutions)).toBe(true);
    expect((await readRows(databaseUrl)).map((row) => row.code)).toEqual(['boreal', 'humber', 'snpolytechnic']);

    // The province removed one; a restart must not bring it back.
    const sql = postgres(databaseUrl, { max: 1 });
    await sql`delete from institutions where code = 'humber'`;
    await sql.end();
    expect(await seedFrameworkIfEmpty(databaseUrl, sampleInstitutions)).toBe(false);
    expect((await readRows(databaseUrl)).map((row) => row.code)).toEqual(['boreal', 'snpolytechnic']);
  });

  it('refuses invalid seed data as a whole', async () => {
    const databaseUrl = await createTestDatabase('framework_badseed');
    await migrateFrameworkDatabase(databaseUrl);
    const broken = [sampleInstitutions[0]!, { ...sampleInstitutions[1]!, subgraphUrl: 'catalogue:4100' }];
    await expect(seedFrameworkIfEmpty(databaseUrl, broken)).rejects.toThrow(/institutions\[1\]\.subgraphUrl/);
    expect(await readRows(databaseUrl)).toEqual([]);
  });

  it('moves registered institutions to their new subgraph URLs after a restart, and nothing else', async () => {
    const databaseUrl = await createTestDatabase('framework_sync');
    await migrateFrameworkDatabase(databaseUrl);
    await seedFrameworkIfEmpty(databaseUrl, sampleInstitutions);
    const before = await readRows(databaseUrl);
    const moved = await syncInstitutionUrls(databaseUrl, [
      { code: 'humber', subgraphUrl: 'http://127.0.0.1:7101/graphql' },
      { code: 'boreal', subgraphUrl: 'http://127.0.0.1:5102/graphql' },
      { code: 'removed-long-ago', subgraphUrl: 'http://127.0.0.1:7109/graphql' },
    ]);
    expect(moved).toEqual(['humber']);
    const after = await readRows(databaseUrl);
    expect(after.map((row) => row.code)).toEqual(['boreal', 'humber', 'snpolytechnic']);
    const byCode = (rows: typeof after, code: string) => rows.find((row) => row.code === code)!;
    expect(byCode(after, 'humber').subgraph_url).toBe('http://127.0.0.1:7101/graphql');
    expect(byCode(after, 'humber').updated_at.getTime()).toBeGreaterThan(byCode(before, 'humber').updated_at.getTime());
    expect(byCode(after, 'boreal').updated_at).toEqual(byCode(before, 'boreal').updated_at);
    await expect(syncInstitutionUrls(databaseUrl, [{ code: 'humber', subgraphUrl: 'ftp://x' }])).rejects.toThrow(
      /http or https/,
    );
  });
});

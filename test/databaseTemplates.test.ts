import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { describe, expect, inject, it } from 'vitest';
import { findSampleInstitution } from '../seed/institutions.js';
import { createTestDatabase } from './support/databases.js';
import { buildTemplateUnlessPresent, directoryTemplates } from './support/databaseTemplates.js';

/** Runs `query` on the database at `url` over a connection of its own. */
async function on<T>(url: string, query: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await query(sql);
  } finally {
    await sql.end();
  }
}

const countEntries = (url: string) =>
  on(url, async (sql) => Number((await sql`select count(*) as n from micro_credentials`)[0]?.n));

describe('template databases (test/support/databaseTemplates.ts)', () => {
  it('gives each copy the seeded rows, and a database of its own', async () => {
    const template = await directoryTemplates.catalogue(findSampleInstitution('humber')!, 5);
    const [first, second] = await Promise.all([
      createTestDatabase('template_copy', { template }),
      createTestDatabase('template_copy', { template }),
    ]);
    expect(await countEntries(first)).toBe(5);
    expect(await countEntries(second)).toBe(5);

    await on(first, (sql) => sql`delete from micro_credentials where slug = (select min(slug) from micro_credentials)`);
    expect(await countEntries(first)).toBe(4);
    expect(await countEntries(second)).toBe(5);
    // The template itself is untouched: a later copy has every seeded entry.
    expect(await countEntries(await createTestDatabase('template_copy', { template }))).toBe(5);
  });

  it('builds a template once when two workers ask for it at the same time', async () => {
    const name = `${inject('databaseTemplatePrefix')}test_${randomBytes(4).toString('hex')}`;
    let fills = 0;
    const fill = async (url: string) => {
      fills++;
      await on(url, (sql) => sql`create table filled as select 42 as answer`);
    };
    // Two calls past the per-worker memo stand for two workers: they meet at the advisory lock.
    const built = await Promise.all([buildTemplateUnlessPresent(name, fill), buildTemplateUnlessPresent(name, fill)]);
    expect(built).toEqual([name, name]);
    expect(fills).toBe(1);
    const copy = await createTestDatabase('template_race', { template: name });
    expect(await on(copy, (sql) => sql`select answer from filled`)).toEqual([{ answer: 42 }]);
  });
});

import { describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { createTestDatabase } from './support/databases.js';

describe('test PostgreSQL', () => {
  it('gives each test its own real database', async () => {
    const a = await createTestDatabase('a');
    const b = await createTestDatabase('b');
    expect(a).not.toEqual(b);
    const sql = postgres(a, { max: 1 });
    const [row] = await sql`select current_database() as name, version() as version`;
    await sql.end();
    expect(row?.name).toEqual(new URL(a).pathname.slice(1));
    expect(String(row?.version)).toMatch(/^PostgreSQL 1\d/);
  });
});

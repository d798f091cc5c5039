/** `npm run endorser-keys`: register, issue, list and revoke against a real framework database. */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { clusterAt } from '../../runtime/postgres.js';
import { openFrameworkDatabase } from '../../subgraphs/framework/db/connection.js';
import { endorserOfKey } from '../../subgraphs/framework/trustMarks/endorserKeys.js';

const run = promisify(execFile);

describe('endorser-keys CLI', () => {
  it('registers an endorser, issues a key that identifies it, lists and revokes it', async () => {
    const cluster = clusterAt(inject('postgresAdminUrl'));
    const name = `t${randomBytes(3).toString('hex')}_framework`;
    await cluster.ensureDatabase(name);
    const env = { ...process.env, DATABASE_URL: cluster.databaseUrl(name) };
    const cli = (...args: string[]) =>
      run(process.execPath, ['--import', 'tsx', 'cli/endorserKeys.ts', ...args], { env });

    const registered = await cli(
      'register',
      '--id',
      'cli-employer',
      '--name',
      'CLI Employer',
      '--kind',
      'EMPLOYER',
      '--website',
      'https://cli-employer.example',
    );
    expect(registered.stdout).toContain('Registered endorser cli-employer (EMPLOYER)');
    const refused = await cli('register', '--id', 'x', '--name', 'X', '--kind', 'BANK', '--website', 'ftp://x').catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused).toMatchObject({ code: 1 });
    expect((refused as { stderr: string }).stderr).toContain('input.kind');

    const issued = await cli('issue', '--endorser', 'cli-employer', '--label', 'test');
    const key = issued.stdout.trim().split('\n').at(-1)!;
    expect(key).toMatch(/^ek_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    const id = key.slice(3, 11);
    const { db, close } = openFrameworkDatabase(env.DATABASE_URL, { maxConnections: 1 });
    try {
      expect(await endorserOfKey(db, key)).toBe('cli-employer');
      expect((await cli('list')).stdout).toMatch(new RegExp(`${id}\\s+active\\s+cli-employer`));
      expect((await cli('revoke', '--key', id)).stdout).toContain(`Revoked endorser key ${id}.`);
      expect(await endorserOfKey(db, key)).toBeNull();
    } finally {
      await close();
    }
  });
});

/**
 * `npm run endorser-keys`: register, issue, list and revoke against a real framework database.
 * Every case runs in-process (endorserKeysCommand); one run of the command itself shows that it
 * passes argv and DATABASE_URL on, and that a refusal ends in its message on stderr and exit code 1.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { failureMessage } from '../../cli/commandLine.js';
import { endorserKeysCommand } from '../../cli/endorserKeysCommand.js';
import { openFrameworkDatabase } from '../../subgraphs/framework/db/connection.js';
import { endorserOfKey } from '../../subgraphs/framework/trustMarks/endorserKeys.js';
import { createMigratedFrameworkDatabase } from '../support/databaseTemplates.js';

const run = promisify(execFile);

describe('endorser-keys CLI', () => {
  it('registers an endorser, issues a key that identifies it, lists and revokes it', async () => {
    const env = { DATABASE_URL: await createMigratedFrameworkDatabase('framework') };
    const command = (...args: string[]) => endorserKeysCommand(args, env);

    const registered = await command(
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
    expect(registered).toEqual({
      exitCode: 0,
      stdout: ['Registered endorser cli-employer (EMPLOYER): CLI Employer.'],
      stderr: [],
    });
    const refused = await command('register', '--id', 'x', '--name', 'X', '--kind', 'BANK', '--website', 'ftp://x')
      .then(() => undefined)
      .catch((error: unknown) => error);
    // runCommand prints a refused write as its message alone.
    expect(refused).toBeInstanceOf(GraphQLError);
    expect(failureMessage(refused)).toContain('input.kind');

    const issued = await command('issue', '--endorser', 'cli-employer', '--label', 'test');
    expect(issued.stdout).toHaveLength(2);
    const key = issued.stdout.at(-1)!;
    expect(key).toMatch(/^ek_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    const id = key.slice(3, 11);
    expect(issued.stdout[0]).toBe(`Issued endorser key ${id} for cli-employer. It is shown only now; store it safely:`);
    const { db, close } = openFrameworkDatabase(env.DATABASE_URL, { maxConnections: 1 });
    try {
      expect(await endorserOfKey(db, key)).toBe('cli-employer');
      expect((await command('list')).stdout).toEqual([
        expect.stringMatching(new RegExp(`^${id}\\s+active\\s+cli-employer`)),
      ]);
      expect((await command('revoke', '--key', id)).stdout).toEqual([`Revoked endorser key ${id}.`]);
      expect(await endorserOfKey(db, key)).toBeNull();
    } finally {
      await close();
    }
  });

  it('runs as a command: a refused registration prints its message on stderr and exits 1', async () => {
    const env = { ...process.env, DATABASE_URL: await createMigratedFrameworkDatabase('framework') };
    const args = ['register', '--id', 'x', '--name', 'X', '--kind', 'BANK', '--website', 'ftp://x'];
    const refused = await run(process.execPath, ['--import', 'tsx', 'cli/endorserKeys.ts', ...args], { env }).catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect((refused as { stderr: string }).stderr).toContain('input.kind');
  });
});

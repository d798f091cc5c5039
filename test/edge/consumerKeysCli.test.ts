/**
 * `npm run consumer-keys`: issue, list and revoke against a real framework database, in-process
 * (consumerKeysCommand); the command file only passes argv and the environment on and prints,
 * as the other one-off commands do, whose process runs show that wiring.
 */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../cli/commandLine.js';
import { consumerKeysCommand } from '../../cli/consumerKeysCommand.js';
import { createMigratedFrameworkDatabase } from '../support/databaseTemplates.js';

describe('consumer-keys CLI', () => {
  it('issues a key at the rate asked, lists it as never used, and revokes it once', async () => {
    const env = { DATABASE_URL: await createMigratedFrameworkDatabase('framework') };
    const command = (...args: string[]) => consumerKeysCommand(args, env);

    expect(await command('list')).toEqual({ exitCode: 0, stdout: ['No consumer keys.'], stderr: [] });
    await expect(command('issue')).rejects.toThrow(UsageError);

    const issued = await command('issue', '--label', 'Job Bank Canada', '--requests-per-minute', '600');
    expect(issued.stdout).toHaveLength(2);
    const key = issued.stdout[1]!;
    const id = issued.stdout[0]!.match(
      /^Issued consumer key (\S+) \(600 requests per minute\)\. It is shown only now; store it safely:$/,
    )?.[1];
    expect(id).toBeDefined();
    expect(key).toContain(id!);

    expect((await command('list')).stdout).toEqual([
      expect.stringMatching(new RegExp(`^${id}\\s+active\\s+600/min\\s+0 requests\\s+never used\\s+Job Bank Canada$`)),
    ]);
    expect((await command('revoke', '--key', id!)).stdout).toEqual([`Revoked consumer key ${id}.`]);
    expect((await command('list')).stdout).toEqual([expect.stringMatching(new RegExp(`^${id}\\s+revoked \\S+Z`))]);
    await expect(command('revoke', '--key', id!)).rejects.toThrow(`No active consumer key "${id}".`);
  });
});

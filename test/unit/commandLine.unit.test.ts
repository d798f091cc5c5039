/**
 * The one-off commands (cli/*Command.ts) refuse a wrong call before they touch a database, and
 * runCommand prints what they throw as one line the user can act on. The cases that need a
 * database run in-process in the commands' integration tests (endorserKeysCli, import).
 */
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { apiKeysCommand } from '../../cli/apiKeysCommand.js';
import { failureMessage, keyListing, UsageError } from '../../cli/commandLine.js';
import { conformanceCommand } from '../../cli/conformanceCommand.js';
import { consumerKeysCommand } from '../../cli/consumerKeysCommand.js';
import { endorserKeysCommand } from '../../cli/endorserKeysCommand.js';
import { importCommand } from '../../cli/importCommand.js';
import { ConfigError } from '../../runtime/config.js';

/** What runCommand would print for how `command` fails. */
async function printedFailure(command: Promise<unknown>): Promise<unknown> {
  return command.then(
    () => {
      throw new Error('the command did not fail');
    },
    (error: unknown) => failureMessage(error),
  );
}

describe('runCommand', () => {
  it('prints a mistake the user can fix as its message, anything else in full', () => {
    expect(failureMessage(new ConfigError('DATABASE_URL', 'is required but not set'))).toBe(
      'Configuration error: DATABASE_URL is required but not set',
    );
    expect(failureMessage(new UsageError('usage: …'))).toBe('usage: …');
    expect(failureMessage(new GraphQLError('input.kind: must be one of …'))).toBe('input.kind: must be one of …');
    const bug = new TypeError('x is undefined');
    expect(failureMessage(bug)).toBe(bug);
  });
});

describe('key listings', () => {
  it('line the columns after the state up, revoked or not, and say so when there is no key', () => {
    const keys = [
      { id: 'a1', revokedAt: null },
      { id: 'b2', revokedAt: new Date('2026-12-01T10:00:00Z') },
    ];
    const listing = keyListing(keys, 'No keys.', (key, state) => `${key.id}  ${state}  label`);
    expect(listing).toEqual({
      exitCode: 0,
      // A revoked key's state fills the 32 characters; an active one's is padded to them.
      stdout: [`a1  active${' '.repeat(26)}  label`, 'b2  revoked 2026-12-01T10:00:00.000Z  label'],
      stderr: [],
    });
    expect(keyListing([], 'No keys.', () => 'never')).toEqual({ exitCode: 0, stdout: ['No keys.'], stderr: [] });
  });
});

describe('a wrong call is refused before any database is opened', () => {
  it('endorser-keys', async () => {
    expect(await printedFailure(endorserKeysCommand([], {}))).toMatch(/^usage: npm run endorser-keys -- register /);
    expect(await printedFailure(endorserKeysCommand(['list', 'more'], {}))).toMatch(/^usage: /);
    expect(await printedFailure(endorserKeysCommand(['list', '--colour', 'red'], {}))).toMatch(
      /^Unknown option '--colour'/,
    );
    expect(await printedFailure(endorserKeysCommand(['list'], {}))).toBe(
      'Configuration error: DATABASE_URL is required but not set',
    );
  });

  it('consumer-keys', async () => {
    expect(await printedFailure(consumerKeysCommand(['rotate'], {}))).toMatch(
      /^usage: npm run consumer-keys -- issue /,
    );
    expect(await printedFailure(consumerKeysCommand(['list'], { DATABASE_URL: 'mysql://db/framework' }))).toMatch(
      /^Configuration error: DATABASE_URL must use postgres: or postgresql:/,
    );
  });

  it('api-keys', async () => {
    expect(await printedFailure(apiKeysCommand(['rotate', '--institution', 'humber'], {}))).toMatch(
      /^usage: npm run api-keys -- create\|list\|revoke /,
    );
    expect(await printedFailure(apiKeysCommand(['list', '--institution', 'Humber College'], {}))).toMatch(
      /^--institution must be an institution code like "humber"\nusage: /,
    );
  });

  it('import', async () => {
    expect(await printedFailure(importCommand(['catalogue.csv'], {}))).toMatch(/^usage: npm run import -- /);
    expect(await printedFailure(importCommand(['--institution', 'humber', 'catalogue.xlsx'], {}))).toMatch(
      /^the file must end in \.csv or \.json\nusage: /,
    );
  });

  it('conformance, with exit code 2', async () => {
    const usage = /^usage: npm run conformance -- --url URL --institution CODE/;
    expect(await conformanceCommand(['--institution', 'humber'])).toEqual({
      exitCode: 2,
      stdout: [],
      stderr: [expect.stringMatching(usage)],
    });
    expect(await conformanceCommand(['--url', 'ftp://x', '--institution', 'humber'])).toMatchObject({ exitCode: 2 });
    expect(
      await conformanceCommand(['--url', 'http://x', '--institution', 'humber', '--contract', 'latest']),
    ).toMatchObject({ exitCode: 2 });
    const unknown = await conformanceCommand(['--verbose']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr[0]).toMatch(/^Unknown option '--verbose'.*\nusage: /s);
  });
});

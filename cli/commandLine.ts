/**
 * What every one-off command (`npm run api-keys`, `consumer-keys`, `endorser-keys`, `import`)
 * does with its outcome, in one place: a mistake the user can fix (a UsageError, an unknown
 * option, a configuration error, a refused write) prints just its message; anything else
 * prints in full, since it is a bug or an outage worth the stack. Either way the exit code is 1.
 */
import { parseArgs } from 'node:util';
import { GraphQLError } from 'graphql';
import { type CommandOutcome, succeeded } from '../runtime/commandOutcome.js';
import { ConfigError } from '../runtime/config.js';

/** The command was called wrongly; its message says how to call it. */
export class UsageError extends Error {}

/** A command's logic: its arguments (after the script's name) and environment in, what to print out. */
export type Command = (args: string[], environment: Record<string, string | undefined>) => Promise<CommandOutcome>;

/**
 * `args` as positionals and `--name value` options, every option a string: the positionals in
 * order and the options given. An option not in `names` is refused (runCommand prints why).
 */
export function parseCommandLine<const Name extends string>(
  args: string[],
  names: readonly Name[],
): { positionals: string[]; values: Partial<Record<Name, string>> } {
  const options = Object.fromEntries(names.map((name) => [name, { type: 'string' as const }]));
  const parsed = parseArgs({ args, allowPositionals: true, options });
  const values: Partial<Record<Name, string>> = {};
  for (const name of names) {
    const value = parsed.values[name];
    if (typeof value === 'string') values[name] = value;
  }
  return { positionals: parsed.positionals, values };
}

/** The only positional argument, when it names one of `subcommands`; otherwise a UsageError showing `usage`. */
export function subcommandOf<const Subcommand extends string>(
  positionals: string[],
  subcommands: readonly Subcommand[],
  usage: string,
): Subcommand {
  const [first, ...rest] = positionals;
  const subcommand = subcommands.find((candidate) => candidate === first);
  if (!subcommand || rest.length > 0) throw new UsageError(usage);
  return subcommand;
}

/**
 * A key listing: one line per key, given the key's state (`active`, or when it was revoked, padded
 * so the columns after it line up), or `none` when there are no keys.
 */
export function keyListing<Key extends { revokedAt: Date | null }>(
  keys: readonly Key[],
  none: string,
  line: (key: Key, state: string) => string,
): CommandOutcome {
  if (keys.length === 0) return succeeded(none);
  const stateOf = (key: Key) => (key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'active').padEnd(32);
  return succeeded(...keys.map((key) => line(key, stateOf(key))));
}

/**
 * Runs `main`: a command that returns an exit code exits with it at once; one that returns
 * nothing ends when its work does. Whatever it throws exits with 1.
 */
export function runCommand(main: () => Promise<unknown>): void {
  main().then(
    (code) => {
      if (typeof code === 'number') process.exit(code);
    },
    (error: unknown) => {
      console.error(failureMessage(error));
      process.exit(1);
    },
  );
}

/** What runCommand prints for what a command threw. */
export function failureMessage(error: unknown): unknown {
  if (error instanceof ConfigError) return `Configuration error: ${error.message}`;
  if (error instanceof UsageError || error instanceof GraphQLError) return error.message;
  if ((error as { code?: string } | undefined)?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    return (error as Error).message;
  return error;
}

/**
 * What every one-off command (`npm run api-keys`, `consumer-keys`, `endorser-keys`, `import`)
 * does with its outcome, in one place: a mistake the user can fix (a UsageError, an unknown
 * option, a configuration error, a refused write) prints just its message; anything else
 * prints in full, since it is a bug or an outage worth the stack. Either way the exit code is 1.
 */
import { GraphQLError } from 'graphql';
import { ConfigError } from '../runtime/config.js';

/** The command was called wrongly; its message says how to call it. */
export class UsageError extends Error {}

/**
 * What a command has to say and the code it exits with. A command's logic returns one
 * (and throws what runCommand describes), so tests call it in-process; its file in cli/
 * only passes it argv and the environment and prints the outcome.
 */
export interface CommandOutcome {
  /** 0 for success; 1 for a failure; a command may tell more apart (conformance: 2 for a usage error). */
  exitCode: number;
  stdout: string[];
  stderr: string[];
}

/** A successful outcome printing `lines`. */
export function succeeded(...lines: string[]): CommandOutcome {
  return { exitCode: 0, stdout: lines, stderr: [] };
}

/** Prints an outcome, returning its exit code for runCommand. */
export function printed(outcome: CommandOutcome): number {
  for (const line of outcome.stdout) console.log(line);
  for (const line of outcome.stderr) console.error(line);
  return outcome.exitCode;
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

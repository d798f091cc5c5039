/**
 * What a one-off command has to say and the code it exits with: the commands in cli/ and the
 * search subgraph's `npm run reindex`. A command's logic returns one, so tests call it in-process
 * and read what it would print; its entry file only passes it argv and the environment and prints
 * the outcome.
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

/** Prints an outcome, returning its exit code. */
export function printed(outcome: CommandOutcome): number {
  for (const line of outcome.stdout) console.log(line);
  for (const line of outcome.stderr) console.error(line);
  return outcome.exitCode;
}

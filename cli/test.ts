/**
 * `npm test`: the type check (tsc --noEmit) and the suite (vitest run) side by
 * side instead of one after the other. TypeScript 7's native compiler checks
 * the project in a few seconds of CPU (TypeScript 5's took about twenty);
 * vitest's integration files spend much of their time waiting on servers, so
 * the two share the machine well. Fails when either fails.
 *
 * tsc's report is held back and printed when it ends, so it never interleaves
 * with vitest's. Arguments go to vitest (`npm test -- test/gateway`).
 */
import { spawn } from 'node:child_process';

function run(command: string, args: string[], captureOutput: boolean): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: ['ignore', captureOutput ? 'pipe' : 'inherit', captureOutput ? 'pipe' : 'inherit'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

const typecheck = run('node_modules/.bin/tsc', ['--noEmit'], true).then((result) => {
  process.stdout.write(
    result.code === 0 ? 'Type check (tsc --noEmit) passed.\n' : `Type check (tsc --noEmit) FAILED:\n${result.output}`,
  );
  return result.code;
});
const suite = run('node_modules/.bin/vitest', ['run', ...process.argv.slice(2)], false).then((result) => result.code);

const [typecheckCode, suiteCode] = await Promise.all([typecheck, suite]);
process.exitCode = typecheckCode !== 0 ? typecheckCode : suiteCode;

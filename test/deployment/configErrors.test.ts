/**
 * A missing or invalid setting stops a process at start-up with exit code 1 and one line naming
 * the variable, before it touches any server. configErrors.unit.test.ts checks every case
 * in-process; here one case per role (and the database one-off) runs as a real process through
 * the image's command, to show the message reaches stderr alone and the exit code is 1.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cases, compose, environmentOf, image, launcherCases } from './support/configCases.js';
import { repoRoot } from './support/deploymentFiles.js';

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string[], environment: Record<string, string | undefined>): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, command.slice(1), {
      cwd: repoRoot,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...image.environment, ...environment },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const all = [...cases, ...launcherCases];
const onePerService = all.filter(([service], index) => all.findIndex(([other]) => other === service) === index);
const databaseCases = launcherCases.filter(([service]) => service === 'databases');
const processCases = [...onePerService, ...databaseCases.filter((c) => !onePerService.includes(c))];

describe('a missing or invalid setting stops the process with one message naming it', () => {
  it.concurrent.each(processCases)('%s: %s (image command)', async (service, _what, changes, message) => {
    const command = compose.services.get(service)?.command ?? image.command;
    const outcome = await run(command, environmentOf(service, changes));
    expect(outcome.code).toBe(1);
    const lines = outcome.stderr.trim().split('\n');
    expect(lines, outcome.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(outcome.stdout).toBe('');
  });
});

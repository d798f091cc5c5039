/**
 * Ctrl-C on `npm start` ends with its last line, "Stopped. Data is kept for
 * the next start.", every time. The terminal sends SIGINT to npm and to the
 * directory alike; run through the tsx command line, the signal reached the
 * directory by tsx's relay, which kills a child with SIGKILL when it does not
 * acknowledge the signal within 30 ms, as a busy shutdown may not: the line
 * was sometimes lost. `npm start` therefore runs Node itself with tsx as a
 * loader. The test runs package.json's own start command on a stand-in for
 * cli/start.ts that shuts down as busily, as a terminal would signal it. The
 * stand-in keeps its event loop occupied until the signal, so one run is enough
 * for the signal to find it busy (with tsx's relay put back, it lost the line in
 * five runs out of five; the earlier stand-in, busy 50 ms in every 60, in two).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from './support/deploymentFiles.js';

const startCommand: string = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).scripts.start;

/** Runs the start command on the stand-in, in a process group of its own, and presses Ctrl-C once it is up. */
function startAndInterrupt(): Promise<string> {
  const command = startCommand.replace('cli/start.ts', 'test/deployment/support/busyShutdown.ts');
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], { cwd: repoRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let interrupted = false;
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
      // As the terminal does: the signal goes to the whole foreground process group.
      if (interrupted || !output.includes('Press Ctrl-C to stop.')) return;
      interrupted = true;
      process.kill(-child.pid!, 'SIGINT');
    });
    child.once('error', reject);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(output);
    });
  });
}

it('prints its last line after Ctrl-C, even when the signal finds it busy', async () => {
  expect(startCommand).toContain('cli/start.ts');
  const output = await startAndInterrupt();
  expect(output.trim().split('\n').at(-1)).toBe('Stopped. Data is kept for the next start.');
});

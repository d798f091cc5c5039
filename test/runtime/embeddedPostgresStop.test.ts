/**
 * A terminal's Ctrl-C reaches the whole process group, so under `npm start` PostgreSQL stops on its
 * own while the directory is still shutting down. Stopping the cluster afterwards must return, not
 * wait for an exit that already happened (which left npm start's shutdown unfinished).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it, onTestFinished } from 'vitest';
import { startEmbeddedPostgres } from '../../runtime/postgres.js';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

it('stops a cluster whose PostgreSQL already stopped on its own', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'pg-stop-'));
  onTestFinished(() => rm(dataDir, { recursive: true, force: true }));
  const cluster = await startEmbeddedPostgres({ dataDir, nonDurable: true });
  // The postmaster's pid is the first line of postmaster.pid; SIGINT is what Ctrl-C sends it.
  const pid = Number((await readFile(join(cluster.dataDir ?? dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  process.kill(pid, 'SIGINT');
  await expect.poll(() => isRunning(pid), { timeout: 20_000, interval: 100 }).toBe(false);
  // Without the check, this waited forever (the test's own timeout would fail it).
  await cluster.stop();
  expect(isRunning(pid)).toBe(false);
}, 60_000);

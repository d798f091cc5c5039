/**
 * Start-up refuses what could never work, at once and in one line, before
 * anything is started: a port Node's fetch refuses to call. And as root, a
 * checkout the `postgres` user cannot enter still gets its embedded
 * PostgreSQL, run from where that user can reach it.
 */
import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { ConfigError, httpPort, url } from '../../runtime/config.js';
import postgres from 'postgres';
import { firstClosedAncestor, startEmbeddedPostgres } from '../../runtime/postgres.js';
import { repoRoot } from '../deployment/support/deploymentFiles.js';

const scratch: string[] = [];
afterAll(async () => {
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
});

function run(script: string, environment: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn('node', ['--import', 'tsx', script], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...environment },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 40_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('ports that Node fetch refuses', () => {
  it('are refused as listening ports and in URLs, naming the variable', () => {
    expect(() => httpPort({ GATEWAY_PORT: '6000' }, 'GATEWAY_PORT', 4000)).toThrow(
      /^GATEWAY_PORT is 6000: Node's fetch refuses it/,
    );
    expect(() => url({ FRAMEWORK_URL: 'http://framework:6667/graphql' }, 'FRAMEWORK_URL', ['http:'])).toThrow(
      ConfigError,
    );
    expect(httpPort({ GATEWAY_PORT: '6001' }, 'GATEWAY_PORT', 4000)).toBe(6001);
    expect(httpPort({}, 'GATEWAY_PORT', 0)).toBe(0);
  });

  it('stop npm start at once with one line, before PostgreSQL or any service starts', async () => {
    const outcome = await run('cli/start.ts', { GATEWAY_PORT: '6000' });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^Configuration error: GATEWAY_PORT is 6000: Node's fetch refuses it/),
    ]);
    expect(outcome.stdout).toBe('');
  });
});

describe('a checkout the postgres user cannot enter', () => {
  it('is found on the way to a path', async () => {
    const closed = await mkdtemp(join(tmpdir(), 'closed-'));
    scratch.push(closed);
    await mkdir(join(closed, 'open'), { mode: 0o755 });
    await chmod(closed, 0o700);
    // Neither owner nor root: may not enter `closed`, whatever is inside it.
    expect(await firstClosedAncestor(join(closed, 'open', 'data'), 54_321)).toBe(closed);
    // Its owner may.
    expect(await firstClosedAncestor(join(closed, 'open', 'data'), process.getuid!())).toBeUndefined();
  });

  it.runIf(process.getuid?.() === 0)(
    'runs embedded PostgreSQL from where the postgres user can reach it, keeping the data between starts',
    async () => {
      const closed = await mkdtemp(join(tmpdir(), 'closed-'));
      scratch.push(closed);
      await chmod(closed, 0o700);
      const dataDir = join(closed, 'postgres', 'data');
      const first = await startEmbeddedPostgres({ dataDir });
      let firstRunning = true;
      onTestFinished(async () => {
        if (firstRunning) await first.stop();
      });
      expect(first.dataDir).not.toContain(closed);
      scratch.push(first.dataDir!);
      const write = postgres(first.databaseUrl('postgres'), { max: 1, onnotice: () => {} });
      await write`create table kept (note text)`;
      await write`insert into kept values ('still here')`;
      await write.end();
      await first.stop();
      firstRunning = false;

      const second = await startEmbeddedPostgres({ dataDir });
      onTestFinished(() => second.stop());
      expect(second.dataDir).toBe(first.dataDir);
      const read = postgres(second.databaseUrl('postgres'), { max: 1 });
      const rows = await read`select note from kept`;
      await read.end();
      expect(rows.map((row) => row.note)).toEqual(['still here']);
    },
  );
});

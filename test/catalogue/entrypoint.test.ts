/**
 * The catalogue subgraph's entry point as a process: it migrates, serves and stops on SIGTERM.
 * Refusing a bad setting (an INSTITUTION_CODE that is no code among them) is a case of
 * test/deployment/support/configCases.ts: checked in-process by configErrors.unit.test.ts, while
 * configErrors.test.ts runs the entry points' shared refusal (runService) as real processes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createTestDatabase } from '../support/databases.js';
import { graphql } from '../support/graphql.js';

function startEntryPoint(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'subgraphs/catalogue/index.ts'], {
    env: { PATH: process.env.PATH, APOLLO_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Whatever the test's outcome, the process does not outlive it (a no-op once it has exited).
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

async function waitFor(pattern: RegExp, output: () => string, child: ChildProcess): Promise<RegExpMatchArray> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const match = output().match(pattern);
    if (match) return match;
    if (child.exitCode !== null) throw new Error(`exited early:\n${output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('subgraphs/catalogue/index.ts', () => {
  it('migrates an empty database, serves the institution, and stops cleanly on SIGTERM', async () => {
    const databaseUrl = await createTestDatabase('entrypoint');
    const { child, output } = startEntryPoint({ INSTITUTION_CODE: 'cambrian', DATABASE_URL: databaseUrl, PORT: '0' });
    try {
      const [, url] = await waitFor(/at (http:\/\/\S+\/graphql)/, output, child);
      const result = await graphql(url!, `{ changes(institution: "cambrian") { cursor hasMore changes { kind } } }`);
      expect(result).toEqual({ data: { changes: { cursor: null, hasMore: false, changes: [] } } });
      const health = await fetch(url!.replace(/\/graphql$/, '/health'));
      expect(await health.json()).toEqual({ status: 'UP', institution: 'cambrian' });
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(output()).toContain('SIGTERM: stopping catalogue subgraph for cambrian');
  });
});

/**
 * `npm run reindex` against a real HTTP server standing in for the search
 * subgraph's admin endpoint: a rebuild's report is printed, and a reply that
 * is not a JSON object ends in one line on stderr and exit code 1 rather than
 * a crash. Every kind of reply is checked in-process (requestRebuild); one
 * run of the command itself shows it prints that outcome and exits with it.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestRebuild } from '../../subgraphs/search/rebuildRequest.js';

const run = promisify(execFile);

/** What the stand-in admin endpoint answers next: status and raw body. */
let next = { status: 200, body: '' };
let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(next.status, { 'content-type': 'application/json' }).end(next.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function rebuildAnswered(status: number, body: string) {
  next = { status, body };
  return requestRebuild(url, undefined);
}

describe('npm run reindex', () => {
  it('prints the report of a rebuild and exits 0, as a process', async () => {
    next = { status: 200, body: JSON.stringify({ kind: 'rebuild', failedInstitutions: [] }) };
    const env = { ...process.env, SEARCH_ADMIN_URL: url, SEARCH_ADMIN_TOKEN: '' };
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'subgraphs/search/reindex.ts'], { env });
    expect(stderr).toBe('');
    expect(stdout).toContain(`rebuilding the search index at ${url} ...`);
    expect(stdout).toContain('"kind": "rebuild"');
    expect(stdout).toMatch(/done in \d+\.\d s/);
  });

  it('fails when an institution failed', async () => {
    const outcome = await rebuildAnswered(200, JSON.stringify({ kind: 'rebuild', failedInstitutions: ['humber'] }));
    expect(outcome.exitCode).toBe(1);
    expect(outcome.stdout[0]).toContain('"humber"');
  });

  it.each(['null', '[]', 'not json'])('reports a reply of %s in one line and exits 1', async (body) => {
    expect(await rebuildAnswered(200, body)).toEqual({
      exitCode: 1,
      stdout: [],
      stderr: [`rebuild answered HTTP 200 without a JSON object: ${JSON.stringify(body)}`],
    });
  });

  it('reports a refusal with its error, or without one when the reply is not an object', async () => {
    expect(await rebuildAnswered(401, JSON.stringify({ error: 'admin token required' }))).toEqual({
      exitCode: 1,
      stdout: [],
      stderr: ['rebuild refused (HTTP 401): admin token required'],
    });
    expect((await rebuildAnswered(500, 'null')).stderr).toEqual(['rebuild refused (HTTP 500): ']);
  });

  it('names the address it could not reach', async () => {
    const outcome = await requestRebuild('http://127.0.0.1:9', undefined);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.stderr).toEqual([
      expect.stringMatching(/^search subgraph unreachable at http:\/\/127\.0\.0\.1:9: /),
    ]);
  });
});

/**
 * `npm run reindex` as a real process against a real HTTP server standing in
 * for the search subgraph's admin endpoint: a rebuild's report is printed, and
 * a reply that is not a JSON object ends in one line on stderr and exit code 1
 * rather than a crash.
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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

async function reindex(status: number, body: string) {
  next = { status, body };
  const env = { ...process.env, SEARCH_ADMIN_URL: url, SEARCH_ADMIN_TOKEN: '' };
  return run(process.execPath, ['--import', 'tsx', 'subgraphs/search/reindex.ts'], { env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('npm run reindex', () => {
  it('prints the report of a rebuild, and fails when an institution failed', async () => {
    const done = await reindex(200, JSON.stringify({ kind: 'rebuild', failedInstitutions: [] }));
    expect(done).toMatchObject({ code: 0, stderr: '' });
    expect(done.stdout).toContain('"kind": "rebuild"');
    expect(done.stdout).toMatch(/done in \d+\.\d s/);
    expect(await reindex(200, JSON.stringify({ kind: 'rebuild', failedInstitutions: ['humber'] }))).toMatchObject({
      code: 1,
    });
  });

  it.each(['null', '[]', 'not json'])('reports a reply of %s in one line and exits 1', async (body) => {
    const outcome = await reindex(200, body);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr.trim().split('\n')).toEqual([
      `rebuild answered HTTP 200 without a JSON object: ${JSON.stringify(body)}`,
    ]);
  });

  it('reports a refusal with its error, or without one when the reply is not an object', async () => {
    const refused = await reindex(401, JSON.stringify({ error: 'admin token required' }));
    expect(refused).toMatchObject({ code: 1, stderr: 'rebuild refused (HTTP 401): admin token required\n' });
    expect(await reindex(500, 'null')).toMatchObject({ code: 1, stderr: 'rebuild refused (HTTP 500): \n' });
  });
});

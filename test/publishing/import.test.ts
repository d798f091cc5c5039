import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeysCommand } from '../../cli/apiKeysCommand.js';
import { importCommand } from '../../cli/importCommand.js';
import { startCatalogueHarness, type CatalogueHarness } from '../catalogue/harness.js';
import { toCsv } from './catalogueCsv.js';
import { apiKeyFor, asCaller, sampleInputs } from './support.js';

const run = promisify(execFile);
/** Runs a CLI as `npm run` would, without npm's own start-up time. */
const cli = (args: string[], options: { env: NodeJS.ProcessEnv }) =>
  run(process.execPath, ['--import', 'tsx', ...args], options);
let conestoga: CatalogueHarness;
let key: string;
let folder: string;
const inputs = sampleInputs('conestoga', 12, 5);

beforeAll(async () => {
  conestoga = await startCatalogueHarness('conestoga');
  key = await apiKeyFor(conestoga.databaseUrl, 'conestoga');
  folder = await mkdtemp(join(tmpdir(), 'catalogue-import-'));
});
afterAll(async () => {
  await conestoga?.stop();
  if (folder) await rm(folder, { recursive: true, force: true });
});

const importMutation = `mutation ($format: ImportFormat!, $content: String!) {
  importCatalogue(institution: "conestoga", format: $format, content: $content) {
    created updated unchanged problems { code path message line } warnings { code line }
  }
}`;

async function importFile(format: 'CSV' | 'JSON', content: string) {
  const result = await asCaller(conestoga.server.url, key)(importMutation, { format, content });
  expect(result.errors).toBeUndefined();
  return result.data.importCatalogue;
}

async function stored() {
  return conestoga.sql<
    { slug: string; title: string; version: number }[]
  >`select slug, title, version from micro_credentials order by slug`;
}

describe('import', () => {
  const batch = inputs.slice(0, 4);

  it('writes nothing when one row is bad, naming each bad row by line and field', async () => {
    const badRow = { ...batch[1]!, occupations: [{ nocCode: '99', title: 'Bad' }], courseOutlineUrl: 'outline.pdf' };
    const csv = toCsv([batch[0]!, badRow, batch[2]!, { ...batch[3]!, instructionalHours: 'lots' }]);
    const result = await importFile('CSV', csv);
    expect(result.created).toEqual([]);
    expect(
      result.problems.map((p: { line: number; code: string; path: unknown[] }) => [p.line, p.code, p.path]),
    ).toEqual([
      [3, 'INVALID_NOC_CODE', ['occupations', 0, 'nocCode']],
      [3, 'INVALID_URL', ['courseOutlineUrl']],
      [5, 'NOT_A_NUMBER', ['instructionalHours']],
    ]);
    expect(await stored()).toEqual([]);
  });

  it('refuses unknown columns, broken CSV and non-array JSON with a clear code', async () => {
    const unknown = await importFile('CSV', `externalCode,title,colour\nX-1,Title,blue\n`);
    expect(unknown.problems).toEqual([
      { code: 'UNKNOWN_COLUMN', path: ['colour'], message: '"colour" is not an import column', line: 1 },
    ]);
    const broken = await importFile('CSV', `externalCode,title\nX-1,"never closed\n`);
    expect(broken.problems.map((p: { code: string; line: number }) => [p.code, p.line])).toEqual([['INVALID_CSV', 2]]);
    const notArray = await importFile('JSON', '{"externalCode":"X-1"}');
    expect(notArray.problems[0].code).toBe('NOT_A_LIST');
    expect(await stored()).toEqual([]);
  });

  it('creates, then is idempotent by external code, then updates what changed', async () => {
    const csv = toCsv(batch);
    const first = await importFile('CSV', csv);
    expect(first.problems).toEqual([]);
    expect(first.created).toHaveLength(4);
    const afterFirst = await stored();
    expect(afterFirst.map((row) => row.slug)).toEqual(batch.map((entry) => entry.slug).sort());

    const again = await importFile('CSV', csv);
    expect(again).toMatchObject({ created: [], updated: [], problems: [] });
    expect(again.unchanged).toHaveLength(4);
    expect(await stored()).toEqual(afterFirst);

    // A re-export that lost the slug column still finds entries by external code.
    const renamed = batch.map((entry, index) => ({
      ...entry,
      slug: undefined,
      title: index === 0 ? 'Retitled by the registrar' : entry.title,
    }));
    const third = await importFile('JSON', JSON.stringify(renamed.map((entry) => ({ ...entry, status: 'ACTIVE' }))));
    expect(third.problems).toEqual([]);
    expect(third.updated).toEqual([`conestoga:${batch[0]!.slug}`]);
    const rows = await stored();
    expect(rows).toHaveLength(4);
    expect(rows.find((row) => row.slug === batch[0]!.slug)).toMatchObject({
      title: 'Retitled by the registrar',
      version: 2,
    });
  });

  it('runs from the command line with the same rules, and the CLI makes working API keys', async () => {
    const env = { DATABASE_URL: conestoga.databaseUrl };
    const file = join(folder, 'catalogue.csv');
    const badFile = join(folder, 'bad.csv');
    await writeFile(badFile, toCsv([inputs[5]!, { ...inputs[6]!, cip: { code: '1.2', title: 'x' } }]));
    await writeFile(file, toCsv([inputs[5]!, inputs[6]!]));
    // One run of each command shows it passes argv and DATABASE_URL on, prints the outcome and exits with its code;
    // the two run side by side, as neither depends on the other.
    const [failed, created] = await Promise.all([
      cli(['cli/import.ts', '--institution', 'conestoga', badFile], { env: { ...process.env, ...env } }).catch(
        (error: { code: number; stdout: string; stderr: string }) => error,
      ),
      cli(['cli/apiKeys.ts', 'create', '--institution', 'conestoga', '--label', 'registrar'], {
        env: { ...process.env, ...env },
      }),
    ]);
    expect(failed).toMatchObject({ code: 1, stdout: '' });
    expect(failed.stderr).toContain('line 3, cip.code: INVALID_CIP_CODE');
    expect((await stored()).map((row) => row.slug)).not.toContain(inputs[5]!.slug);
    // The same refusal in-process, line by line.
    const refused = await importCommand(['--institution', 'conestoga', badFile], env);
    expect(refused).toMatchObject({ exitCode: 1, stdout: [] });
    expect(refused.stderr[0]).toBe('Nothing imported into conestoga: 1 problem(s).');
    expect(refused.stderr[1]).toMatch(/^ {2}line 3, cip\.code: INVALID_CIP_CODE /);
    expect(refused.stderr).toHaveLength(2);

    const imported = await importCommand(['--institution', 'conestoga', file], env);
    expect(imported).toEqual({
      exitCode: 0,
      stdout: ['Imported into conestoga: 2 created, 0 updated, 0 unchanged.'],
      stderr: [],
    });

    expect(created.stderr).toBe('');
    const createdLines = created.stdout.trim().split('\n');
    const newKey = createdLines.at(-1)!;
    expect(newKey).toMatch(/^mck_conestoga_[0-9a-f]{8}_/);
    const prefix = newKey.split('_')[2]!;
    expect(createdLines).toEqual([
      `Created API key ${prefix} for conestoga. It is shown only now; store it safely:`,
      newKey,
    ]);
    const audit = `{ auditLog(institution: "conestoga", first: 10) { entries { actor action } } }`;
    const withKey = await asCaller(conestoga.server.url, newKey)(audit);
    expect(withKey.data.auditLog.entries).toContainEqual({ actor: 'cli', action: 'IMPORTED' });

    expect((await apiKeysCommand(['list', '--institution', 'conestoga'], env)).stdout).toContainEqual(
      expect.stringMatching(new RegExp(`^${prefix}\\s+active\\s+created \\S+\\s+registrar$`)),
    );
    expect(await apiKeysCommand(['revoke', '--institution', 'conestoga', '--key', prefix], env)).toEqual({
      exitCode: 0,
      stdout: [`Revoked API key ${prefix} of conestoga.`],
      stderr: [],
    });
    const revoked = await asCaller(conestoga.server.url, newKey)(audit);
    expect(revoked.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    // Only the hash is stored.
    const rows = await conestoga.sql`select key_hash from api_keys where prefix = ${prefix}`;
    expect(rows[0]!.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.key_hash).not.toContain(newKey.split('_')[2]);
  }, 60_000);
});

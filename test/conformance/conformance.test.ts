/**
 * The conformance kit (`npm run conformance`) passes against the reference
 * catalogue and the example server, and fails, with a message saying what to
 * fix, against servers broken on purpose: one per check. The broken servers
 * are the example server behind a proxy that breaks exactly one rule. The
 * report is checked in-process (conformanceCommand); one run of the command
 * itself, against a broken server, shows it prints the report and exits 1.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conformanceCommand } from '../../cli/conformanceCommand.js';
import { loadExampleCatalogue, startExampleInstitution } from '../../examples/minimal-institution/server.js';
import { runConformance, type ConformanceReport } from '../../gateway/conformance/institutionChecks.js';
import { generateCatalogue } from '../../seed/catalogue.js';
import { startCatalogueHarness, type CatalogueHarness } from '../catalogue/harness.js';
import { startNonConformingInstitution, startRecordingProxy, type Tamper } from '../support/hostileInstitution.js';

const run = promisify(execFile);
const conformanceCli = (url: string, institution: string) =>
  run(process.execPath, ['--import', 'tsx', 'cli/conformance.ts', '--url', url, '--institution', institution]).then(
    (output) => ({ code: 0, ...output }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

let reference: CatalogueHarness;
let example: { url: string; stop(): Promise<void> };
const stops: Array<() => Promise<void>> = [];

beforeAll(async () => {
  reference = await startCatalogueHarness('humber', generateCatalogue('humber', 14));
  example = await startExampleInstitution({ institution: 'examplecollege', entries: loadExampleCatalogue(), port: 0 });
});
afterAll(async () => {
  for (const stop of stops) await stop();
  await example?.stop();
  await reference?.stop();
});

async function broken(tamper: Tamper): Promise<string> {
  const proxy = await startRecordingProxy(example.url, tamper);
  stops.push(() => proxy.stop());
  return proxy.url;
}

const failed = (report: ConformanceReport) =>
  report.checks.filter((check) => check.problems.length > 0).map((check) => check.name);
const problemsOf = (report: ConformanceReport, name: string) =>
  report.checks.find((check) => check.name === name)?.problems.join('\n') ?? '';
const when =
  (needle: string, change: (answer: any, variables: any) => unknown): Tamper =>
  (request, answer) =>
    request.body.query?.includes(needle) ? (change(answer, request.body.variables ?? {}) ?? answer) : answer;

describe('npm run conformance', () => {
  it('passes against the reference catalogue, and prints a report', async () => {
    const result = await conformanceCommand(['--url', reference.server.url, '--institution', 'humber']);
    expect(result).toMatchObject({ exitCode: 0, stderr: [] });
    const stdout = result.stdout.join('\n');
    expect(stdout).toContain('All checks passed.');
    expect(stdout).toContain('(catalogue contract 1.1)');
    for (const name of ['contract', 'change feed', 'listing', 'entities', 'drafts invisible', 'sunset resolvable']) {
      expect(stdout).toMatch(new RegExp(`PASS  ${name}:`));
    }
  }, 30_000);

  it('passes against the example server written on another stack', async () => {
    const report = await runConformance({ url: example.url, institution: 'examplecollege' });
    expect(failed(report)).toEqual([]);
    // It implements 1.0: every check ran against 1.0, with the kit's queries cut down to it.
    expect(report.contractVersion).toBe('1.0');
    expect(report.checks.find((check) => check.name === 'sunset resolvable')?.skipped).toBeUndefined();
  });

  it('fails, exiting 1, naming the check and what to fix', async () => {
    const url = await broken(when('changes(', (answer) => void answer.data.changes.changes.reverse()));
    const result = await conformanceCli(url, 'examplecollege');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/FAIL {2}change feed:.*\n\s+- changes are not oldest first/);
    expect(result.stdout).toContain('check(s) failed. See docs/implementing-an-institution.md.');
  }, 30_000);

  it('fails the contract check when a server claims a version its SDL does not serve', async () => {
    const report = await runConformance({ url: example.url, institution: 'examplecollege', claimedVersion: '1.1' });
    expect(failed(report)).toEqual(['contract']);
    expect(problemsOf(report, 'contract')).toContain('it claims catalogue contract 1.1, but its SDL matches 1.0.');
    expect(report.contractVersion).toBe('1.0');
  });

  it('fails when the institution is registered under another code than its ids', async () => {
    const report = await runConformance({ url: example.url, institution: 'othercode' });
    expect(failed(report)).toContain('change feed');
  });

  const brokenServers: Array<{ check: string; breaks: string; tamper: Tamper; message: RegExp }> = [
    {
      check: 'change feed',
      breaks: 'an empty page resets the cursor',
      tamper: when('changes(', (answer) => {
        if (answer.data.changes.changes.length === 0) answer.data.changes.cursor = null;
      }),
      message: /an empty page must give back the cursor/,
    },
    {
      check: 'change feed',
      breaks: 'a page cursor that is not its last change',
      tamper: when('changes(', (answer) => {
        if (answer.data.changes.changes.length > 0) answer.data.changes.cursor = '0';
      }),
      message: /a page's cursor must be its last change's cursor/,
    },
    {
      check: 'change feed',
      breaks: 'answers slower than the deadline',
      tamper: when('changes(', async (answer) => {
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        return answer;
      }),
      message: /did not answer in time.*answer within the deadline/,
    },
    {
      check: 'listing',
      breaks: 'pages longer than `first`',
      tamper: when('microCredentials(', (answer) => {
        const connection = answer.data._entities[0]?.microCredentials;
        if (connection?.edges.length) connection.edges = Array.from({ length: 20 }, () => connection.edges[0]);
      }),
      message: /answered 20 items where at most 2 were asked for/,
    },
    {
      check: 'entities',
      breaks: "answers for another institution's id",
      tamper: when('_entities', (answer, variables) => {
        const entities = answer.data._entities;
        const own = entities.find((e: any) => e?._shardType === 'MicroCredential');
        variables.representations.forEach((representation: any, i: number) => {
          if (entities[i] === null && representation.id?.startsWith('othercollege:')) {
            entities[i] = { ...own, id: representation.id, _shardKey: representation.id };
          }
        });
      }),
      message: /does not own/,
    },
    {
      check: 'entities',
      breaks: 'a value of the wrong type',
      tamper: when('_entities', (answer) => {
        for (const entity of answer.data._entities)
          if (entity?.instructionalHours) entity.instructionalHours = '36 hours';
      }),
      message: /answered a string where field "instructionalHours" is a Float/,
    },
    {
      check: 'entities',
      breaks: 'an unknown enum value',
      tamper: when('_entities', (answer) => {
        for (const entity of answer.data._entities) if (entity?.deliveryMode) entity.deliveryMode = 'CORRESPONDENCE';
      }),
      message: /not a DeliveryMode/,
    },
    {
      check: 'entities',
      breaks: 'sends a field its contract version (1.0) lacks',
      tamper: when('_entities', (answer) => {
        for (const entity of answer.data._entities) if (entity) entity.audience = 'Everyone';
      }),
      message: /answered a field "audience" that was not asked for/,
    },
    {
      check: 'drafts invisible',
      breaks: 'shows drafts to an anonymous caller',
      tamper: when('myMicroCredential', (answer, variables) => {
        answer.data = {
          myMicroCredential: { id: variables.id, _shardKey: variables.id, _shardType: 'MicroCredential' },
        };
        delete answer.errors;
      }),
      message: /myMicroCredential without a key must fail with UNAUTHENTICATED/,
    },
    {
      check: 'sunset resolvable',
      breaks: 'a sunset entry no longer resolves',
      tamper: when('expiryDate', (answer) => {
        answer.data.microCredential = null;
      }),
      message: /must resolve the sunset entry/,
    },
  ];

  it.each(brokenServers)('fails the $check check when the server $breaks', async ({ check, tamper, message }) => {
    const report = await runConformance({ url: await broken(tamper), institution: 'examplecollege', timeoutMs: 1_000 });
    expect(report.passed).toBe(false);
    expect(failed(report)).toContain(check);
    expect(problemsOf(report, check)).toMatch(message);
  });

  it('fails the contract check for a server on an altered schema, naming the difference', async () => {
    const stale = await startNonConformingInstitution('stalecollege', 'courseOutlineUrl');
    stops.push(() => stale.stop());
    const report = await runConformance({ url: stale.url, institution: 'stalecollege' });
    expect(failed(report)).toEqual(['contract']);
    expect(problemsOf(report, 'contract')).toContain('courseOutlineUrl');
  });
});

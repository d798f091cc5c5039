/**
 * The logic of `npm run conformance` (cli/conformance.ts): its arguments in, the report to
 * print and the exit code out (0 when every check passes, 1 when one fails, 2 on a usage
 * error). Kept apart from the command so its report is tested in-process.
 */
import { parseArgs } from 'node:util';
import { type ConformanceReport, runConformance } from '../gateway/conformance/institutionChecks.js';
import { isInstitutionCode } from '../runtime/config.js';
import type { CommandOutcome } from '../runtime/commandOutcome.js';

const usage = 'usage: npm run conformance -- --url URL --institution CODE [--timeout-ms 3000] [--contract MAJOR.MINOR]';

const usageError = (line: string): CommandOutcome => ({ exitCode: 2, stdout: [], stderr: [line] });

export async function conformanceCommand(args: string[]): Promise<CommandOutcome> {
  let values: { url?: string; institution?: string; 'timeout-ms'?: string; contract?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        url: { type: 'string' },
        institution: { type: 'string' },
        'timeout-ms': { type: 'string' },
        contract: { type: 'string' },
      },
    }));
  } catch (error) {
    return usageError(`${(error as Error).message}\n${usage}`);
  }
  const { url, institution } = values;
  const timeoutMs = Number(values['timeout-ms'] ?? 3_000);
  const claimedVersion = values.contract;
  const validClaim = claimedVersion === undefined || /^\d+\.\d+$/.test(claimedVersion);
  if (
    !url ||
    !/^https?:\/\//.test(url) ||
    !institution ||
    !isInstitutionCode(institution) ||
    !(timeoutMs > 0) ||
    !validClaim
  )
    return usageError(usage);
  const report = await runConformance({ url, institution, timeoutMs, claimedVersion });
  return { exitCode: report.passed ? 0 : 1, stdout: [formatReport(report)], stderr: [] };
}

function formatReport(report: ConformanceReport): string {
  const version = report.contractVersion ? `catalogue contract ${report.contractVersion}` : 'no known contract version';
  const lines = [`Conformance of "${report.institution}" at ${report.url} (${version})`, ''];
  for (const check of report.checks) {
    const state = check.problems.length > 0 ? 'FAIL' : check.skipped ? 'SKIP' : 'PASS';
    lines.push(`${state}  ${check.name}: ${check.rule}`);
    if (check.skipped && check.problems.length === 0) lines.push(`      skipped: ${check.skipped}`);
    for (const problem of check.problems) lines.push(`      - ${problem}`);
  }
  const failed = report.checks.filter((check) => check.problems.length > 0).length;
  lines.push(
    '',
    report.passed ? 'All checks passed.' : `${failed} check(s) failed. See docs/implementing-an-institution.md.`,
  );
  return lines.join('\n');
}

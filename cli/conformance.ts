/**
 * Runs the gateway's checks against an institution's catalogue server, before
 * (or after) the province registers it, and prints what to fix:
 *
 *   npm run conformance -- --url https://catalogue.example.ca/graphql --institution examplecollege [--timeout-ms 3000] [--contract 1.0]
 *
 * The server is checked against the catalogue contract version its SDL
 * matches (printed); `--contract` states the version it is meant to implement.
 *
 * Exits 0 when every check passes, 1 when one fails, 2 on a usage error.
 */
import { parseArgs } from 'node:util';
import { isInstitutionCode } from '../runtime/config.js';
import { runConformance, type ConformanceReport } from '../gateway/conformance/institutionChecks.js';

const usage = 'usage: npm run conformance -- --url URL --institution CODE [--timeout-ms 3000] [--contract MAJOR.MINOR]';

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

async function main(): Promise<number> {
  let values: { url?: string; institution?: string; 'timeout-ms'?: string; contract?: string };
  try {
    ({ values } = parseArgs({
      options: {
        url: { type: 'string' },
        institution: { type: 'string' },
        'timeout-ms': { type: 'string' },
        contract: { type: 'string' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
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
  ) {
    console.error(usage);
    return 2;
  }
  const report = await runConformance({ url, institution, timeoutMs, claimedVersion });
  console.log(formatReport(report));
  return report.passed ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`conformance: ${(error as Error).message}`);
    process.exit(1);
  },
);

/**
 * Initial registry content for development and the all-in-one launcher.
 *
 * Two separate steps, because they answer different questions:
 * - seedFrameworkIfEmpty: a brand-new directory gets the sample institutions.
 *   A registry that has any institution is the province's to manage and is
 *   left alone (institutions it removed stay removed).
 * - syncInstitutionUrls: the launcher starts catalogue subgraphs on ports
 *   that may differ from the last run; this points institutions that are
 *   still registered at where their catalogues are now, without touching
 *   anything else and without re-adding removed institutions.
 */
import { moveSubgraphUrls, countInstitutions, insertInstitution } from './db/institutionStore.js';
import { openFrameworkDatabase } from './db/connection.js';
import { checkInstitutionCode, parseNewInstitution, type NewInstitution } from './institutionInput.js';
import type { InputProblem } from './errors.js';
import { checkUrl, frameworkChecker } from './inputChecks.js';
import { fieldName } from '../../runtime/problemPath.js';

export type InstitutionSeed = NewInstitution;

/** Registers `institutions` when the registry is empty. Returns whether it did. Invalid seed data throws, writing nothing. */
export async function seedFrameworkIfEmpty(
  databaseUrl: string,
  institutions: readonly InstitutionSeed[],
): Promise<boolean> {
  const check = frameworkChecker();
  const parsed = check.parsed(
    institutions.map((institution, index) => parseNewInstitution(institution, ['institutions', index], check).value!),
  );
  if (!parsed.ok) throw invalid(parsed.problems, 'seed institutions');
  const rows = parsed.value;
  const { db, close } = openFrameworkDatabase(databaseUrl, { maxConnections: 1 });
  try {
    return await db.transaction(async (tx) => {
      if ((await countInstitutions(tx)) > 0) return false;
      for (const row of rows) await insertInstitution(tx, row);
      return true;
    });
  } finally {
    await close();
  }
}

/**
 * Points each listed institution that is registered at its given subgraph
 * URL. Unregistered codes are ignored. Returns the codes whose URL changed;
 * their `updatedAt` moves, so the gateway sees the move on its next poll.
 */
export async function syncInstitutionUrls(
  databaseUrl: string,
  institutions: ReadonlyArray<{ code: string; subgraphUrl: string }>,
): Promise<string[]> {
  const check = frameworkChecker();
  institutions.forEach(({ code, subgraphUrl }, index) => {
    checkInstitutionCode(check, ['institutions', index, 'code'], code);
    checkUrl(check, ['institutions', index, 'subgraphUrl'], subgraphUrl);
  });
  if (check.problems.length > 0) throw invalid(check.problems, 'institution URLs');
  const { db, close } = openFrameworkDatabase(databaseUrl, { maxConnections: 1 });
  try {
    return await db.transaction((tx) => moveSubgraphUrls(tx, institutions));
  } finally {
    await close();
  }
}

function invalid(problems: readonly InputProblem[], what: string): Error {
  return new Error(
    `Invalid ${what}: ${problems.map((problem) => `${fieldName(problem.path)} ${problem.message}`).join('; ')}`,
  );
}

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
import { checkInstitutionCode, checkNewInstitution, type NewInstitution } from './institutionInput.js';
import type { InputProblem } from './errors.js';
import { httpUrlProblem } from './formats.js';

export type InstitutionSeed = NewInstitution;

/** Registers `institutions` when the registry is empty. Returns whether it did. Invalid seed data throws, writing nothing. */
export async function seedFrameworkIfEmpty(
  databaseUrl: string,
  institutions: readonly InstitutionSeed[],
): Promise<boolean> {
  const problems: InputProblem[] = [];
  const rows = institutions.map((institution, index) => {
    const checked = checkNewInstitution(institution, `institutions[${index}]`);
    problems.push(...checked.problems);
    return checked.values;
  });
  throwIfAny(problems, 'seed institutions');
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
  const problems: InputProblem[] = [];
  institutions.forEach(({ code, subgraphUrl }, index) => {
    checkInstitutionCode(code, `institutions[${index}].code`, problems);
    const problem = httpUrlProblem(subgraphUrl);
    if (problem) problems.push({ field: `institutions[${index}].subgraphUrl`, message: problem });
  });
  throwIfAny(problems, 'institution URLs');
  const { db, close } = openFrameworkDatabase(databaseUrl, { maxConnections: 1 });
  try {
    return await db.transaction((tx) => moveSubgraphUrls(tx, institutions));
  } finally {
    await close();
  }
}

function throwIfAny(problems: InputProblem[], what: string): void {
  if (problems.length === 0) return;
  throw new Error(`Invalid ${what}: ${problems.map((problem) => `${problem.field} ${problem.message}`).join('; ')}`);
}

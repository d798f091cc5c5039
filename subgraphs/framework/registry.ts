/**
 * The province's writes to the institution registry: validated in full
 * before anything is written, and each a single transaction. The gateway
 * picks up every change on its next registry read (see institutionRegistry
 * in resolvers), so none needs a restart.
 */
import type { FrameworkDatabase } from './db/connection.js';
import {
  deleteInstitution,
  insertInstitution,
  institutionExists,
  listRegistryRows,
  updateInstitutionRow,
} from './db/institutionStore.js';
import type { InstitutionRow } from './db/schema.js';
import { badUserInput } from '../../runtime/graphqlErrors.js';
import { inputRefused, type InputProblem } from './errors.js';
import { frameworkChecker } from './inputChecks.js';
import {
  checkInstitutionCode,
  parseInstitutionChanges,
  parseNewInstitution,
  type InstitutionChanges,
  type NewInstitution,
} from './institutionInput.js';
import { isInstitutionCode } from '../../runtime/config.js';

export async function registerInstitution(db: FrameworkDatabase, input: NewInstitution): Promise<InstitutionRow> {
  const parsed = parseNewInstitution(input);
  return db.transaction(async (tx) => {
    const taken = isInstitutionCode(input.code) && (await institutionExists(tx, input.code));
    if (taken)
      throw inputRefused([alreadyRegistered(input.code), ...parsed.problems], 'INSTITUTION_ALREADY_REGISTERED');
    if (!parsed.ok) throw inputRefused(parsed.problems);
    const row = await insertInstitution(tx, parsed.value);
    // Registered by someone else between the check and the insert.
    if (!row) throw inputRefused([alreadyRegistered(input.code)], 'INSTITUTION_ALREADY_REGISTERED');
    return row;
  });
}

function alreadyRegistered(code: string): InputProblem {
  return {
    path: ['input', 'code'],
    code: 'ALREADY_REGISTERED',
    message: `is already registered (${JSON.stringify(code)}); use updateInstitution to change it`,
  };
}

export async function updateInstitution(
  db: FrameworkDatabase,
  code: string,
  input: InstitutionChanges,
): Promise<InstitutionRow> {
  const parsed = parseInstitutionChanges(input);
  const codeCheck = frameworkChecker();
  checkInstitutionCode(codeCheck, ['code'], code);
  return db.transaction(async (tx) => {
    const known = isInstitutionCode(code) && (await institutionExists(tx, code));
    const notFound = isInstitutionCode(code) && !known;
    const problems = [...(notFound ? [unknownInstitution(code)] : []), ...parsed.problems, ...codeCheck.problems];
    if (!parsed.ok || problems.length > 0) throw inputRefused(problems, notFound ? 'INSTITUTION_NOT_FOUND' : undefined);
    const row = await updateInstitutionRow(tx, code, parsed.value);
    if (!row)
      throw inputRefused(
        [{ path: ['code'], code: 'UNKNOWN_REFERENCE', message: 'was removed while being updated' }],
        'INSTITUTION_NOT_FOUND',
      );
    return row;
  });
}

function unknownInstitution(code: string): InputProblem {
  return {
    path: ['code'],
    code: 'UNKNOWN_REFERENCE',
    message: `names no registered institution (${JSON.stringify(code)})`,
  };
}

/** False when no institution has this code. */
export async function removeInstitution(db: FrameworkDatabase, code: string): Promise<boolean> {
  if (!isInstitutionCode(code)) {
    throw badUserInput(`code must be a lower-case institution code like "humber", got ${JSON.stringify(code)}`, 'code');
  }
  return deleteInstitution(db, code);
}

export interface RegistryListing {
  code: string;
  subgraphUrl: string;
  updatedAt: string;
}

export async function readRegistry(db: FrameworkDatabase): Promise<RegistryListing[]> {
  const rows = await listRegistryRows(db);
  return rows.map((row) => ({ code: row.code, subgraphUrl: row.subgraphUrl, updatedAt: row.updatedAt.toISOString() }));
}

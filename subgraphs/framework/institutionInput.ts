/**
 * Validation of registry input, shared by the mutations and the seed. Every
 * problem is collected (never just the first), each with a code and a path,
 * and the result is the exact row content to write, so nothing unchecked
 * reaches the database.
 */
import { isInstitutionCode } from '../../runtime/config.js';
import type { Parsed } from '../../runtime/checker.js';
import type { Path } from '../../runtime/problemPath.js';
import { institutionTypes, regions, type NewInstitutionRow } from './db/schema.js';
import {
  checkChoice,
  checkLanguages,
  checkText,
  checkUrl,
  type FrameworkChecker,
  frameworkChecker,
} from './inputChecks.js';
import type { FrameworkProblemCode } from './problemCodes.js';

export type InstitutionType = (typeof institutionTypes)[number];
export type Region = (typeof regions)[number];

/** What registering an institution takes; GraphQL's InstitutionInput and seed data both fit. */
export interface NewInstitution {
  code: string;
  name: string;
  nameFr?: string | null;
  type: string;
  region: string;
  website: string;
  languages: readonly string[];
  subgraphUrl: string;
}

/** Fields to change; undefined leaves a field as it is, null is only meaningful for nameFr. */
export interface InstitutionChanges {
  name?: string | null;
  nameFr?: string | null;
  type?: string | null;
  region?: string | null;
  website?: string | null;
  languages?: readonly string[] | null;
  subgraphUrl?: string | null;
}

export type InstitutionValues = Omit<NewInstitutionRow, 'createdAt' | 'updatedAt'>;
export type InstitutionUpdate = Partial<Omit<InstitutionValues, 'code'>>;

export const maxNameLength = 200;

export function checkInstitutionCode(check: FrameworkChecker, path: Path, code: string): boolean {
  if (isInstitutionCode(code)) return true;
  return check.problem(
    path,
    'INVALID_INSTITUTION_CODE',
    `must be a lower-case code of 2 to 32 characters (a letter, then letters, digits or "-"), e.g. "humber"; got ${JSON.stringify(code)}`,
  );
}

/** The row to insert, or every problem; `at` is where the input sits in the request (e.g. `['input']`). */
export function parseNewInstitution(
  input: NewInstitution,
  at: Path = ['input'],
  check: FrameworkChecker = frameworkChecker(),
): Parsed<InstitutionValues, FrameworkProblemCode> {
  checkInstitutionCode(check, [...at, 'code'], input.code);
  const nameFr = input.nameFr;
  return check.parsed({
    code: input.code,
    name: checkText(check, [...at, 'name'], input.name, maxNameLength),
    nameFr: nameFr == null ? null : checkText(check, [...at, 'nameFr'], nameFr, maxNameLength),
    type: checkChoice(check, [...at, 'type'], input.type, institutionTypes),
    region: checkChoice(check, [...at, 'region'], input.region, regions),
    website: checkUrl(check, [...at, 'website'], input.website),
    languages: checkLanguages(check, [...at, 'languages'], input.languages),
    subgraphUrl: checkUrl(check, [...at, 'subgraphUrl'], input.subgraphUrl),
  });
}

/** The columns to change, or every problem. */
export function parseInstitutionChanges(
  input: InstitutionChanges,
  check: FrameworkChecker = frameworkChecker(),
): Parsed<InstitutionUpdate, FrameworkProblemCode> {
  const at = (field: keyof InstitutionChanges): Path => ['input', field];
  const changes: InstitutionUpdate = {};
  const given = <K extends keyof InstitutionChanges>(key: K): NonNullable<InstitutionChanges[K]> | undefined => {
    const value = input[key];
    if (value === undefined) return undefined;
    if (value === null) {
      check.problem(at(key), 'REQUIRED', 'cannot be null; leave it out to keep the current value');
      return undefined;
    }
    return value as NonNullable<InstitutionChanges[K]>;
  };
  const name = given('name');
  if (name !== undefined) changes.name = checkText(check, at('name'), name, maxNameLength);
  if (input.nameFr === null) changes.nameFr = null;
  else if (input.nameFr !== undefined) changes.nameFr = checkText(check, at('nameFr'), input.nameFr, maxNameLength);
  const type = given('type');
  if (type !== undefined) changes.type = checkChoice(check, at('type'), type, institutionTypes);
  const region = given('region');
  if (region !== undefined) changes.region = checkChoice(check, at('region'), region, regions);
  const website = given('website');
  if (website !== undefined) changes.website = checkUrl(check, at('website'), website);
  const languages = given('languages');
  if (languages !== undefined) changes.languages = checkLanguages(check, at('languages'), languages);
  const subgraphUrl = given('subgraphUrl');
  if (subgraphUrl !== undefined) changes.subgraphUrl = checkUrl(check, at('subgraphUrl'), subgraphUrl);
  if (Object.keys(input).every((key) => input[key as keyof InstitutionChanges] === undefined)) {
    check.problem(['input'], 'NO_CHANGE', 'names no field to change');
  }
  return check.parsed(changes);
}

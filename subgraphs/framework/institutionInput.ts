/**
 * Validation of registry input, shared by the mutations and the seed. Every
 * problem is collected (never just the first) and the result is the exact
 * row content to write, so nothing unchecked reaches the database.
 */
import { isInstitutionCode } from '../../runtime/config.js';
import type { InputProblem } from './errors.js';
import { httpUrlProblem, languageCodeProblem } from './formats.js';
import { institutionTypes, regions, type NewInstitutionRow } from './db/schema.js';
import { checkChoice, checkText } from './inputChecks.js';

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

export function checkInstitutionCode(code: string, field: string, problems: InputProblem[]): void {
  if (!isInstitutionCode(code)) {
    problems.push({
      field,
      message: `must be a lower-case code of 2 to 32 characters (a letter, then letters, digits or "-"), e.g. "humber"; got ${JSON.stringify(code)}`,
    });
  }
}

export function checkNewInstitution(
  input: NewInstitution,
  prefix = 'input',
): { values: InstitutionValues; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const at = (field: string) => `${prefix}.${field}`;
  checkInstitutionCode(input.code, at('code'), problems);
  const values: InstitutionValues = {
    code: input.code,
    name: checkText(input.name, at('name'), problems, maxNameLength),
    nameFr: input.nameFr == null ? null : checkText(input.nameFr, at('nameFr'), problems, maxNameLength),
    type: checkChoice(input.type, institutionTypes, at('type'), problems),
    region: checkChoice(input.region, regions, at('region'), problems),
    website: checkUrl(input.website, at('website'), problems),
    languages: checkLanguages(input.languages, at('languages'), problems),
    subgraphUrl: checkUrl(input.subgraphUrl, at('subgraphUrl'), problems),
  };
  return { values, problems };
}

export function checkInstitutionChanges(
  input: InstitutionChanges,
  prefix = 'input',
): { changes: InstitutionUpdate; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const at = (field: string) => `${prefix}.${field}`;
  const changes: InstitutionUpdate = {};
  const given = <K extends keyof InstitutionChanges>(key: K): NonNullable<InstitutionChanges[K]> | undefined => {
    const value = input[key];
    if (value === undefined) return undefined;
    if (value === null) {
      problems.push({ field: at(key), message: 'cannot be null; leave it out to keep the current value' });
      return undefined;
    }
    return value as NonNullable<InstitutionChanges[K]>;
  };
  const name = given('name');
  if (name !== undefined) changes.name = checkText(name, at('name'), problems, maxNameLength);
  if (input.nameFr === null) changes.nameFr = null;
  else if (input.nameFr !== undefined) changes.nameFr = checkText(input.nameFr, at('nameFr'), problems, maxNameLength);
  const type = given('type');
  if (type !== undefined) changes.type = checkChoice(type, institutionTypes, at('type'), problems);
  const region = given('region');
  if (region !== undefined) changes.region = checkChoice(region, regions, at('region'), problems);
  const website = given('website');
  if (website !== undefined) changes.website = checkUrl(website, at('website'), problems);
  const languages = given('languages');
  if (languages !== undefined) changes.languages = checkLanguages(languages, at('languages'), problems);
  const subgraphUrl = given('subgraphUrl');
  if (subgraphUrl !== undefined) changes.subgraphUrl = checkUrl(subgraphUrl, at('subgraphUrl'), problems);
  if (Object.keys(input).every((key) => input[key as keyof InstitutionChanges] === undefined)) {
    problems.push({ field: prefix, message: 'names no field to change' });
  }
  return { changes, problems };
}

function checkUrl(value: string, field: string, problems: InputProblem[]): string {
  const problem = httpUrlProblem(value);
  if (problem) problems.push({ field, message: problem });
  return value;
}

function checkLanguages(values: readonly string[], field: string, problems: InputProblem[]): string[] {
  if (values.length === 0) problems.push({ field, message: 'must list at least one language' });
  const seen = new Set<string>();
  values.forEach((value, index) => {
    const problem = languageCodeProblem(value);
    if (problem) problems.push({ field: `${field}[${index}]`, message: problem });
    else if (seen.has(value))
      problems.push({ field: `${field}[${index}]`, message: `repeats ${JSON.stringify(value)}` });
    seen.add(value);
  });
  return [...values];
}

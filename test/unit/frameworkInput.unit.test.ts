/**
 * The framework's write inputs on the shared checker, pure (no database): every problem at once, each
 * with a framework problem code and a path, the typed row only when nothing is wrong, and the GraphQL
 * error a client receives.
 */
import { describe, expect, it } from 'vitest';
import { inputRefused } from '../../subgraphs/framework/errors.js';
import { parseInstitutionChanges, parseNewInstitution } from '../../subgraphs/framework/institutionInput.js';
import { frameworkProblemCodes } from '../../subgraphs/framework/problemCodes.js';
import { parseCommonCoreEntry, parseIndustryCredential } from '../../subgraphs/framework/recognition/writes.js';

const humber = {
  code: 'humber',
  name: 'Humber Polytechnic',
  type: 'PUBLIC_COLLEGE',
  region: 'TORONTO',
  website: 'https://humber.ca',
  languages: ['en'],
  subgraphUrl: 'https://catalogue.humber.ca/graphql',
};
const codesAndPaths = (problems: ReadonlyArray<{ code: string; path: ReadonlyArray<string | number> }>) =>
  problems.map((problem) => [problem.code, problem.path]);

describe('institution input', () => {
  it('parses a valid institution into the row to insert', () => {
    const parsed = parseNewInstitution(humber);
    expect(parsed.ok).toBe(true);
    expect(parsed.value).toEqual({ ...humber, nameFr: null });
  });

  it('reports every problem with its code and path, and gives no row', () => {
    const parsed = parseNewInstitution({
      ...humber,
      code: 'Humber College',
      name: ' ',
      type: 'ACADEMY',
      languages: ['en', 'en', 'eng'],
      subgraphUrl: 'http://user:secret@catalogue.humber.ca',
    });
    expect(parsed.value).toBeUndefined();
    expect(codesAndPaths(parsed.problems)).toEqual([
      ['INVALID_INSTITUTION_CODE', ['input', 'code']],
      ['REQUIRED', ['input', 'name']],
      ['UNKNOWN_ENUM_VALUE', ['input', 'type']],
      ['DUPLICATE', ['input', 'languages', 1]],
      ['INVALID_LANGUAGE_CODE', ['input', 'languages', 2]],
      ['INVALID_URL', ['input', 'subgraphUrl']],
    ]);
  });

  it('places seed problems where the seed has them', () => {
    const parsed = parseNewInstitution({ ...humber, website: 'humber.ca' }, ['institutions', 3]);
    expect(codesAndPaths(parsed.problems)).toEqual([['INVALID_URL', ['institutions', 3, 'website']]]);
  });

  it('changes: null for a required field, an empty list, and an empty change are each named', () => {
    expect(codesAndPaths(parseInstitutionChanges({ name: null, languages: [] }).problems)).toEqual([
      ['REQUIRED', ['input', 'name']],
      ['TOO_FEW_ITEMS', ['input', 'languages']],
    ]);
    expect(codesAndPaths(parseInstitutionChanges({}).problems)).toEqual([['NO_CHANGE', ['input']]]);
    expect(parseInstitutionChanges({ nameFr: null, region: 'NORTHERN' })).toMatchObject({
      ok: true,
      value: { nameFr: null, region: 'NORTHERN' },
    });
  });
});

describe('recognition input', () => {
  const entry = {
    code: 'CC-DATA',
    title: 'Data analytics',
    description: 'Common core',
    sectorArea: 'DIGITAL_SKILLS',
    requiredCompetencies: ['SQL', 'Statistics'],
    minimumHours: 40,
    endorsingBodies: ['Sector council'],
  };

  it('parses a common-core entry, treating blank French as absent', () => {
    const parsed = parseCommonCoreEntry({ ...entry, titleFr: ' ' });
    expect(parsed.ok && parsed.value).toMatchObject({ code: 'CC-DATA', titleFr: null, requiredCompetenciesFr: [] });
  });

  it('reports every problem of a common-core entry at once', () => {
    const parsed = parseCommonCoreEntry({
      ...entry,
      code: 'cc-data',
      sectorArea: 'FARMING',
      requiredCompetencies: ['SQL', 'SQL'],
      requiredCompetenciesFr: ['SQL'],
      minimumHours: 0,
      endorsingBodies: [],
    });
    expect(codesAndPaths(parsed.problems)).toEqual([
      ['INVALID_ID', ['input', 'code']],
      ['UNKNOWN_ENUM_VALUE', ['input', 'sectorArea']],
      ['DUPLICATE', ['input', 'requiredCompetencies']],
      ['INCONSISTENT', ['input', 'requiredCompetenciesFr']],
      ['TOO_FEW_ITEMS', ['input', 'endorsingBodies']],
      ['OUT_OF_RANGE', ['input', 'minimumHours']],
    ]);
  });

  it('checks an industry credential’s code, texts and URL', () => {
    const parsed = parseIndustryCredential({ code: 'CompTIA', name: 'Security+', issuer: '', url: 'ftp://x' });
    expect(codesAndPaths(parsed.problems)).toEqual([
      ['INVALID_ID', ['input', 'code']],
      ['REQUIRED', ['input', 'issuer']],
      ['INVALID_URL', ['input', 'url']],
    ]);
  });
});

describe('the refusal a client receives', () => {
  it('lists each problem with field, path, code and message, and counts them in the message', () => {
    const error = inputRefused(parseNewInstitution({ ...humber, name: '', website: 'x' }).problems);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.problems).toEqual([
      { field: 'input.name', path: ['input', 'name'], code: 'REQUIRED', message: 'must not be blank' },
      { field: 'input.website', path: ['input', 'website'], code: 'INVALID_URL', message: expect.any(String) },
    ]);
    expect(error.message).toMatch(/^The input has 2 problems, nothing was written: input\.name must not be blank; /);
  });

  it('uses codes from one list, each once', () => {
    expect(new Set(frameworkProblemCodes).size).toBe(frameworkProblemCodes.length);
  });
});

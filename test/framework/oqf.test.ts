import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeServices } from '@apollo/composition';
import { loadSchemaDocument } from '../../runtime/schemaFiles.js';
import { graphql } from '../support/graphql.js';
import { startTestFramework, type TestFramework } from './startFramework.js';

let framework: TestFramework;

beforeAll(async () => {
  framework = await startTestFramework('framework_oqf');
});
afterAll(async () => {
  await framework?.server.stop();
});

const alignmentFields = 'band hours explanation comparableLevel { number name }';

describe('OQF levels', () => {
  it('lists the 13 categories in framework order with their names', async () => {
    const result = await graphql(
      framework.url,
      `{ oqfLevels { number name typicalDuration typicalHoursMin typicalHoursMax awardedBy credential } }`,
    );
    expect(result.errors).toBeUndefined();
    const levels = result.data.oqfLevels;
    expect(levels.map((level: any) => level.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(levels.map((level: any) => level.name)).toEqual([
      'Certificate I',
      'Certificate II',
      'Certificate of Apprenticeship',
      'Certificate of Qualification',
      'Certificate III',
      'Diploma I',
      'Diploma II',
      'Advanced Diploma',
      'Post-Diploma Certificate',
      "Baccalaureate/Bachelor's Degree",
      "Baccalaureate/Bachelor's Degree: Honours",
      "Master's Degree",
      'Doctoral Degree',
    ]);
    expect(levels[0]).toMatchObject({
      typicalHoursMin: 40,
      typicalHoursMax: null,
      awardedBy: ['CAREER_COLLEGE', 'INDIGENOUS_INSTITUTE'],
    });
    expect(levels[1]).toMatchObject({ typicalHoursMin: 240, typicalHoursMax: 500 });
    expect(levels[6]).toMatchObject({ credential: 'Ontario College Diploma', awardedBy: ['PUBLIC_COLLEGE'] });
  });

  it('answers one level by number, and null outside 1 to 13', async () => {
    const result = await graphql(
      framework.url,
      `{ five: oqfLevel(number: 5) { name typicalSemesters credential } none: oqfLevel(number: 14) { name } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.five).toEqual({
      name: 'Certificate III',
      typicalSemesters: '2',
      credential: 'Ontario College Certificate',
    });
    expect(result.data.none).toBeNull();
  });
});

const boundaries: Array<[number, string, number | null]> = [
  [39, 'BELOW_CERTIFICATE_I', null],
  [40, 'CERTIFICATE_I', 1],
  [239, 'CERTIFICATE_I', 1],
  [239.5, 'CERTIFICATE_I', 1],
  [240, 'CERTIFICATE_II', 2],
  [500, 'CERTIFICATE_II', 2],
  [501, 'ABOVE_CERTIFICATE_II', 2],
];

describe('oqfAlignmentForHours', () => {
  it.each(boundaries)('%s hours align to %s', async (hours, band, level) => {
    const result = await graphql(
      framework.url,
      `query($hours: Float!) { oqfAlignmentForHours(hours: $hours) { ${alignmentFields} } }`,
      { hours },
    );
    expect(result.errors).toBeUndefined();
    const alignment = result.data.oqfAlignmentForHours;
    expect(alignment.band).toBe(band);
    expect(alignment.hours).toBe(hours);
    expect(alignment.comparableLevel?.number ?? null).toBe(level);
    expect(alignment.explanation).toContain('not an OQF classification');
  });

  it.each([0, -40])('refuses %s hours with BAD_USER_INPUT', async (hours) => {
    const result = await graphql(
      framework.url,
      `query($hours: Float!) { oqfAlignmentForHours(hours: $hours) { band } }`,
      { hours },
    );
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/greater than 0/);
  });
});

describe('MicroCredential.oqfAlignment from the gateway representation', () => {
  const entitiesQuery = `query($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on MicroCredential { id oqfAlignment { ${alignmentFields} } } }
  }`;

  it('aligns each entry by its instructionalHours, in order', async () => {
    const representations = boundaries.map(([hours], index) => ({
      __typename: 'MicroCredential',
      id: `humber:entry-${index}`,
      instructionalHours: hours,
    }));
    const result = await graphql(framework.url, entitiesQuery, { representations });
    expect(result.errors).toBeUndefined();
    result.data._entities.forEach((entity: any, index: number) => {
      const [hours, band, level] = boundaries[index]!;
      expect(entity.id).toBe(`humber:entry-${index}`);
      expect(entity.oqfAlignment).toMatchObject({ band, hours });
      expect(entity.oqfAlignment.comparableLevel?.number ?? null).toBe(level);
    });
  });

  it('fails only the entries whose hours are not a positive number', async () => {
    const hours: unknown[] = [60, '60', 0, -3, null, undefined, 300, { hours: 60 }];
    const representations = hours.map((value, index) => ({
      __typename: 'MicroCredential',
      id: `seneca:entry-${index}`,
      ...(value === undefined ? {} : { instructionalHours: value }),
    }));
    const result = await graphql(framework.url, entitiesQuery, { representations });
    const entities = result.data._entities;
    expect(entities.map((entity: any) => entity.id)).toEqual(representations.map((r) => r.id));
    expect(entities[0].oqfAlignment.band).toBe('CERTIFICATE_I');
    expect(entities[6].oqfAlignment.band).toBe('CERTIFICATE_II');
    const bad = [1, 2, 3, 4, 5, 7];
    for (const index of bad) expect(entities[index].oqfAlignment).toBeNull();
    expect(result.errors).toHaveLength(bad.length);
    for (const error of result.errors!) {
      expect(error.extensions?.code).toBe('INVALID_INSTRUCTIONAL_HOURS');
      expect(error.message).toMatch(
        /^Cannot align seneca:entry-\d to the OQF: its instructional hours must be a finite number greater than 0, got /,
      );
    }
    expect(result.errors!.map((error) => error.path)).toEqual(bad.map((index) => ['_entities', index, 'oqfAlignment']));
    expect(result.errors![0]!.message).toContain('got "60" (string)');
  });

  it('needs no database: alignment is computed from the representation alone', async () => {
    const before = framework.statements.length;
    await graphql(framework.url, entitiesQuery, {
      representations: [{ __typename: 'MicroCredential', id: 'humber:x', instructionalHours: 45 }],
    });
    expect(framework.statements.length).toBe(before);
  });
});

describe('composition', () => {
  it('composes with the catalogue contract, exposing oqfAlignment and hiding the private registry', () => {
    const result = composeServices([
      { name: 'catalogue', url: 'http://catalogue.invalid/graphql', typeDefs: loadSchemaDocument('catalogue') },
      { name: 'framework', url: 'http://framework.invalid/graphql', typeDefs: loadSchemaDocument('framework') },
    ]);
    expect(result.errors).toBeUndefined();
    const api = result.schema!.toAPISchema().toGraphQLJSSchema();
    expect(Object.keys(api.getQueryType()!.getFields())).not.toContain('institutionRegistry');
    expect(api.getType('RegistryEntry')).toBeUndefined();
    const microCredential = api.getType('MicroCredential') as any;
    expect(Object.keys(microCredential.getFields())).toContain('oqfAlignment');
  });
});

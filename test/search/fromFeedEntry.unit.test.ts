/**
 * The indexer's parse of an institution's change-feed entry (pure logic, no
 * servers): a typed document when nothing is wrong, otherwise every problem at
 * once, each with its path and code, as the catalogue parses its entries.
 */
import { describe, expect, it } from 'vitest';
import { describeFeedEntryProblems } from '../../subgraphs/search/documents/feedEntryProblems.js';
import { parseFeedEntry } from '../../subgraphs/search/documents/fromFeedEntry.js';

const entry = {
  id: 'humber:data-analytics',
  url: 'https://directory.example/credentials/humber:data-analytics',
  title: 'Data\u0001 analytics',
  titleFr: '',
  description: 'SQL and dashboards for the workplace.',
  descriptionFr: null,
  languages: ['en', 'fr', 'en'],
  skills: [
    { framework: 'ESCO', code: 'http://data.europa.eu/esco/skill/1cc07ed5-3489-4174-b80b-2c9550ec83fa', label: 'SQL' },
    { framework: 'LOCAL', code: 'dash', label: 'dashboards' },
  ],
  occupations: [{ nocCode: '21211', title: 'Data scientists' }],
  instructionalHours: 36,
  durationWeeks: 6,
  creditBearing: false,
  deliveryMode: 'ONLINE_ASYNCHRONOUS',
  osapEligible: true,
  status: 'ACTIVE',
  updatedAt: '2026-05-20T09:30:00-04:00',
  offerings: [
    { startDate: '2026-01-10', priceCad: 50 },
    { startDate: '2026-09-01', priceCad: 700 },
    { startDate: '2026-07-15', priceCad: 300 },
  ],
  partners: [{ kind: 'EMPLOYER' }],
  stackability: { kind: 'STANDALONE' },
  oqfAlignment: { band: 'BELOW_CERTIFICATE_I' },
  commonCoreMemberships: [{ entry: { code: 'CC-DATA-1' } }],
  trustMarks: {
    osapApproved: true,
    verifiedQualityAssurance: false,
    employerEndorsed: false,
    carriesTransferCredit: true,
    stacksIntoProgram: false,
  },
  institution: {
    code: 'humber',
    name: 'Humber Polytechnic',
    nameFr: null,
    type: 'PUBLIC_COLLEGE',
    region: 'TORONTO',
    languages: ['en'],
  },
};

const codesAndPaths = (value: unknown) =>
  parseFeedEntry(value, 'humber', '2026-06-01').problems.map((problem) => [problem.path, problem.code]);

describe('a change-feed entry parsed for the index', () => {
  // The document the mapping gave this entry before it was rewritten with the shared checker.
  it('gives a valid entry the same document as before', () => {
    expect(parseFeedEntry(entry, 'humber', '2026-06-01')).toEqual({
      ok: true,
      problems: [],
      value: {
        id: 'humber:data-analytics',
        institution: 'humber',
        institutionName: 'Humber Polytechnic',
        institutionNameFr: null,
        institutionType: 'PUBLIC_COLLEGE',
        region: 'TORONTO',
        title: 'Data analytics',
        titleFr: null,
        description: 'SQL and dashboards for the workplace.',
        descriptionFr: null,
        skills: ['SQL', 'dashboards'],
        skillsFr: ['SQL'],
        occupations: ['21211'],
        occupationTitles: ['Data scientists'],
        occupationTitlesFr: ['Scientifiques de données'],
        languages: ['en', 'fr'],
        deliveryMode: 'ONLINE_ASYNCHRONOUS',
        oqfBand: 'BELOW_CERTIFICATE_I',
        osapEligible: true,
        creditBearing: false,
        employerPartnered: true,
        stackable: false,
        verifiedQualityAssurance: false,
        transferCredit: true,
        osapApproved: true,
        commonCore: ['CC-DATA-1'],
        hours: 36,
        weeks: 6,
        cost: 300,
        maxCost: 700,
        nextStartDate: '2026-07-15',
        status: 'ACTIVE',
        updatedAt: '2026-05-20T13:30:00.000Z',
        url: 'https://directory.example/credentials/humber:data-analytics',
      },
    });
  });

  it('falls back to the institution’s languages, and has no band or marks the feed leaves out', () => {
    const { trustMarks: _, ...withoutMarks } = entry;
    const parsed = parseFeedEntry({ ...withoutMarks, languages: [], oqfAlignment: null }, 'humber', '2026-06-01');
    expect(parsed.ok && [parsed.value.languages, parsed.value.oqfBand, parsed.value.osapApproved]).toEqual([
      ['en'],
      null,
      false,
    ]);
  });

  it('reports every problem at once, each with its path and code, and gives no document', () => {
    const broken = {
      ...entry,
      id: 'seneca:data-analytics',
      title: '  ',
      deliveryMode: 'BY_POST',
      instructionalHours: -3,
      offerings: [{ startDate: '2026-02-30', priceCad: 'free' }, null],
      occupations: [{ nocCode: '21211' }],
      trustMarks: { ...entry.trustMarks, osapApproved: 'yes' },
      institution: { ...entry.institution, code: 'seneca' },
      updatedAt: 'yesterday',
      url: 'javascript:alert(1)',
    };
    const parsed = parseFeedEntry(broken, 'humber', '2026-06-01');
    expect(parsed.ok).toBe(false);
    expect(parsed.value).toBeUndefined();
    expect(codesAndPaths(broken)).toEqual([
      [['id'], 'WRONG_INSTITUTION'],
      [['institution', 'code'], 'WRONG_INSTITUTION'],
      [['offerings', 0, 'startDate'], 'INVALID_DATE'],
      [['offerings', 0, 'priceCad'], 'NOT_A_NUMBER'],
      [['offerings', 1], 'REQUIRED'],
      [['occupations', 0, 'title'], 'REQUIRED'],
      [['title'], 'REQUIRED'],
      [['deliveryMode'], 'UNKNOWN_ENUM_VALUE'],
      [['trustMarks', 'osapApproved'], 'NOT_A_BOOLEAN'],
      [['instructionalHours'], 'OUT_OF_RANGE'],
      [['updatedAt'], 'INVALID_INSTANT'],
      [['url'], 'INVALID_URL'],
    ]);
  });

  it('describes every problem for the indexer’s log, each as path and code', () => {
    const parsed = parseFeedEntry(
      { ...entry, title: '', offerings: [{ startDate: 'soon', priceCad: 10 }] },
      'humber',
      '',
    );
    expect(describeFeedEntryProblems(parsed.problems)).toBe(
      'offerings[0].startDate INVALID_DATE (must be a date YYYY-MM-DD, got "soon"); title REQUIRED (must be a non-empty string)',
    );
  });

  it('refuses anything that is not an object as a whole', () => {
    expect(codesAndPaths(null)).toEqual([[[], 'REQUIRED']]);
    expect(codesAndPaths(['humber:data-analytics'])).toEqual([[[], 'NOT_AN_OBJECT']]);
  });
});

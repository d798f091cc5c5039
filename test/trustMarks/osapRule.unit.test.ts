/** The OSAP for Micro-credentials rule as pure logic, and how a province exception lifts it. */
import { describe, expect, it } from 'vitest';
import {
  osapClaimCheck,
  osapRuleBreaches,
  type OsapClaim,
  type OsapExceptionLookup,
} from '../../subgraphs/catalogue/osapClaim.js';

const within: OsapClaim = {
  osapEligible: true,
  durationWeeks: 8,
  instructionalHours: 36,
  cip: { code: '30.7101' },
  occupations: [{ nocCode: '21211' }],
};

describe('osapRuleBreaches', () => {
  it('accepts a claim within the rules, and any entry that does not claim OSAP', () => {
    expect(osapRuleBreaches(within)).toEqual([]);
    expect(osapRuleBreaches({ ...within, osapEligible: false, instructionalHours: 400, durationWeeks: 30 })).toEqual(
      [],
    );
  });

  it('holds each limit exactly: under 12 weeks, 5 to 300 hours, a CIP code, at most 3 NOC codes', () => {
    expect(osapRuleBreaches({ ...within, durationWeeks: 11.9 })).toEqual([]);
    expect(osapRuleBreaches({ ...within, durationWeeks: 12 }).map((b) => b.path)).toEqual([['durationWeeks']]);
    expect(osapRuleBreaches({ ...within, instructionalHours: 5 })).toEqual([]);
    expect(osapRuleBreaches({ ...within, instructionalHours: 300 })).toEqual([]);
    expect(osapRuleBreaches({ ...within, instructionalHours: 4.5 }).map((b) => b.path)).toEqual([
      ['instructionalHours'],
    ]);
    expect(osapRuleBreaches({ ...within, instructionalHours: 400 }).map((b) => b.path)).toEqual([
      ['instructionalHours'],
    ]);
    expect(osapRuleBreaches({ ...within, cip: null }).map((b) => b.path)).toEqual([['cip', 'code']]);
    expect(osapRuleBreaches({ ...within, cip: { code: '' } }).map((b) => b.path)).toEqual([['cip', 'code']]);
    expect(osapRuleBreaches({ ...within, occupations: [1, 2, 3] })).toEqual([]);
    expect(osapRuleBreaches({ ...within, occupations: [1, 2, 3, 4] }).map((b) => b.path)).toEqual([['occupations']]);
  });

  it('lists every breach at once', () => {
    const all = osapRuleBreaches({ ...within, durationWeeks: 14, instructionalHours: 420, occupations: [1, 2, 3, 4] });
    expect(all.map((b) => b.path[0])).toEqual(['durationWeeks', 'instructionalHours', 'occupations']);
  });
});

describe('osapClaimCheck', () => {
  const asked: string[][] = [];
  const lookup =
    (exceptions: Record<string, string>): OsapExceptionLookup =>
    async (ids) => {
      asked.push([...ids]);
      return new Map(
        ids.filter((id) => id in exceptions).map((id) => [id, { reference: 'OSAP-X', ruleException: exceptions[id]! }]),
      );
    };

  it('never asks the province about entries within the rules', async () => {
    asked.length = 0;
    const check = osapClaimCheck('humber', lookup({}));
    expect(await check([{ slug: 'fine', entry: within }])).toEqual([]);
    expect(asked).toEqual([]);
  });

  it('blocks a claim outside the rules with OSAP_RULE_NOT_MET, unless the province attested an exception', async () => {
    asked.length = 0;
    const check = osapClaimCheck('humber', lookup({ 'humber:excepted': 'clinical placement' }));
    const long = { ...within, instructionalHours: 400 };
    const problems = await check([
      { slug: 'excepted', entry: long },
      { slug: 'not-excepted', entry: long, line: 7 },
    ]);
    expect(asked).toEqual([['humber:excepted', 'humber:not-excepted']]);
    expect(problems).toEqual([
      expect.objectContaining({ code: 'OSAP_RULE_NOT_MET', path: ['instructionalHours'], line: 7 }),
    ]);
    expect(problems[0]!.message).toContain('humber:not-excepted');
  });

  it('fails closed with OSAP_EXCEPTION_UNCONFIRMED when the province cannot be asked', async () => {
    const check = osapClaimCheck('humber', async () => {
      throw new Error('this catalogue has no PROVINCE_GRAPHQL_URL to read them from');
    });
    const problems = await check([{ slug: 'long', entry: { ...within, durationWeeks: 20 } }]);
    expect(problems).toEqual([expect.objectContaining({ code: 'OSAP_EXCEPTION_UNCONFIRMED', path: ['osapEligible'] })]);
    expect(problems[0]!.message).toContain('PROVINCE_GRAPHQL_URL');
  });
});

/** The shared checker (runtime/checker.ts): every problem at once, each with a code and an array path, and typed results. */
import { describe, expect, it } from 'vitest';
import { Checker, type Format } from '../../runtime/checker.js';
import { fieldName } from '../../runtime/problemPath.js';

type Code = 'INVALID_SLUG';
const slug: Format<Code> = { code: 'INVALID_SLUG', test: (value) => /^[a-z-]+$/.test(value) };
const codesAndPaths = (check: Checker<Code>) => check.problems.map((problem) => [problem.code, problem.path]);

describe('the checker', () => {
  it('reports every problem of an input at once, each at its own path', () => {
    const check = new Checker<Code>();
    const input: Record<string, unknown> = {
      title: '  ',
      hours: 'ten',
      weeks: 2.5,
      online: 'yes',
      mode: 'BY_POST',
      slug: 'Not A Slug',
      tags: ['ok', 'x'.repeat(11), 3],
      price: 10.005,
    };
    check.text(['title'], input.title, 100);
    check.number(['hours'], input.hours, { min: 0, max: 10 });
    check.number(['weeks'], input.weeks, { min: 0, max: 10, integer: true });
    check.boolean(['online'], input.online);
    check.oneOf(['mode'], input.mode, ['ONLINE', 'IN_PERSON']);
    check.format(['slug'], input.slug, slug, 'a lower-case slug');
    check.list(['tags'], input.tags, { min: 1, max: 5 }, (path, tag) => check.text(path, tag, 10));
    check.amount(['price'], input.price);
    check.record(['address'], input.address);
    expect(codesAndPaths(check)).toEqual([
      ['REQUIRED', ['title']],
      ['NOT_A_NUMBER', ['hours']],
      ['NOT_A_WHOLE_NUMBER', ['weeks']],
      ['NOT_A_BOOLEAN', ['online']],
      ['UNKNOWN_ENUM_VALUE', ['mode']],
      ['INVALID_SLUG', ['slug']],
      ['TOO_LONG', ['tags', 1]],
      ['REQUIRED', ['tags', 2]],
      ['TOO_MANY_DECIMALS', ['price']],
      ['REQUIRED', ['address']],
    ]);
    expect(check.problems[5]!.message).toBe('must be a lower-case slug, got "Not A Slug"');
  });

  it('tells lists that are too short, too long, not lists, or repeat an item', () => {
    const check = new Checker<never>();
    check.list(['a'], [], { min: 1, max: 2 }, () => true);
    check.list(['b'], [1, 2, 3], { min: 1, max: 2 }, () => true);
    check.list(['c'], 'one', { min: 1, max: 2 }, () => true);
    check.distinct(['d'], ['x', 'y', 'x']);
    expect(check.problems.map((problem) => problem.code)).toEqual([
      'TOO_FEW_ITEMS',
      'TOO_MANY_ITEMS',
      'NOT_A_LIST',
      'DUPLICATE',
    ]);
  });

  it('counts: anything but a whole number in range, text included, is refused', () => {
    const check = new Checker<never>();
    expect(check.wholeNumber(['n'], 'many', { min: 0, max: 10 })).toBe(false);
    expect(check.wholeNumber(['n'], 11, { min: 0, max: 10 })).toBe(false);
    expect(check.wholeNumber(['n'], 7, { min: 0, max: 10 })).toBe(true);
    expect(check.problems.map((problem) => problem.code)).toEqual(['NOT_A_WHOLE_NUMBER', 'OUT_OF_RANGE']);
  });

  it('explains a format with the check’s own words', () => {
    const check = new Checker<'INVALID_URL'>();
    const problemOf = (value: string) => (value.startsWith('https://') ? undefined : 'must use https');
    expect(check.explained(['website'], 'https://humber.ca', 'INVALID_URL', problemOf)).toBe(true);
    expect(check.explained(['website'], 'ftp://x', 'INVALID_URL', problemOf)).toBe(false);
    expect(check.problems).toEqual([{ path: ['website'], code: 'INVALID_URL', message: 'must use https' }]);
  });

  it('returns the typed value only when nothing is wrong', () => {
    const good = new Checker<Code>();
    good.text(['title'], 'Data', 10);
    expect(good.parsed({ title: 'Data' })).toEqual({ ok: true, value: { title: 'Data' }, problems: [] });
    const bad = new Checker<Code>();
    bad.text(['title'], '', 10);
    const parsed = bad.parsed({ title: '' });
    expect(parsed.ok).toBe(false);
    expect(parsed.value).toBeUndefined();
    expect(parsed.problems).toHaveLength(1);
  });

  it('holds callers to their own code union', () => {
    const check = new Checker<Code>();
    check.problem(['slug'], 'INVALID_SLUG', 'fine');
    check.problem(['slug'], 'DUPLICATE', 'the checker’s own codes are in every union');
    // @ts-expect-error: a code outside the caller's union does not compile.
    check.problem(['slug'], 'INVALID_NOC_CODE', 'not one of this caller’s codes');
    expect(check.problems).toHaveLength(3);
  });

  it('names a path for people as well', () => {
    expect(fieldName(['offerings', 0, 'schedule', 'timeZone'])).toBe('offerings[0].schedule.timeZone');
    expect(fieldName(['input', 'languages', 2])).toBe('input.languages[2]');
    expect(fieldName([])).toBe('');
  });
});

/**
 * The one checker every write input is validated with (catalogue entries,
 * outcome reports, the framework's registry, recognition and trust-mark
 * writes). It collects every problem at once, each with a code and a path,
 * and each check is a type guard, so later checks see the narrowed value and
 * a validator can return the typed value it has checked (`parsed`) rather
 * than casting what it was given. README "Validation" says why this is
 * hand-written rather than zod.
 *
 * `Code` is the caller's union of problem codes (the catalogue's
 * problemCodes.ts, the framework's problemCodes.ts): tsc refuses any code
 * outside it. Every such union includes the codes the checker reports itself.
 */
import type { Path } from './problemPath.js';

/** What the checker's own checks report; every code union of a checked input includes them. */
export const checkerProblemCodes = [
  'REQUIRED',
  'TOO_LONG',
  'TOO_FEW_ITEMS',
  'TOO_MANY_ITEMS',
  'NOT_AN_OBJECT',
  'NOT_A_LIST',
  'NOT_A_NUMBER',
  'NOT_A_WHOLE_NUMBER',
  'NOT_A_BOOLEAN',
  'OUT_OF_RANGE',
  'TOO_MANY_DECIMALS',
  'UNKNOWN_ENUM_VALUE',
  'DUPLICATE',
] as const;
export type CheckerProblemCode = (typeof checkerProblemCodes)[number];

/** One thing wrong with one field, machine-readable (`code`, `path`) and readable (`message`). */
export interface Problem<Code extends string> {
  path: Path;
  code: Code;
  message: string;
}

/** A checked input: the typed value when nothing is wrong, otherwise every problem and no value. */
export type Parsed<T, Code extends string> =
  | { ok: true; value: T; problems: readonly [] }
  | { ok: false; value?: never; problems: Array<Problem<Code>> };

/** A string format with the code its failure reports, e.g. `{ code: 'INVALID_URL', test: isHttpUrl }`. */
export interface Format<Code extends string> {
  code: Code;
  test(value: string): boolean;
}

/** Collects problems with their path and code. Each check returns whether the value passed. */
export class Checker<Code extends string> {
  readonly problems: Array<Problem<Code | CheckerProblemCode>> = [];

  problem(path: Path, code: Code | CheckerProblemCode, message: string): false {
    this.problems.push({ path: [...path], code, message });
    return false;
  }

  /** The value, typed, if no check failed; otherwise every problem. */
  parsed<T>(value: T): Parsed<T, Code | CheckerProblemCode> {
    return this.problems.length === 0 ? { ok: true, value, problems: [] } : { ok: false, problems: this.problems };
  }

  /** Reports a missing value; true when it was missing. */
  missing(path: Path, value: unknown, expected: string): value is null | undefined {
    if (value !== null && value !== undefined) return false;
    this.problem(path, 'REQUIRED', `is required: ${expected}`);
    return true;
  }

  /** A string with something in it besides white space, at most `maxLength` characters. */
  text(path: Path, value: unknown, maxLength: number): value is string {
    if (typeof value !== 'string' || value.trim() === '')
      return this.problem(path, 'REQUIRED', 'must be a non-empty string');
    if (value.length > maxLength) return this.problem(path, 'TOO_LONG', `must be at most ${maxLength} characters`);
    return true;
  }

  optionalText(path: Path, value: unknown, maxLength: number): value is string | null | undefined {
    return value === null || value === undefined || this.text(path, value, maxLength);
  }

  format(path: Path, value: unknown, format: Format<Code>, expected: string): value is string {
    if (this.missing(path, value, expected)) return false;
    if (typeof value === 'string' && format.test(value)) return true;
    return this.problem(path, format.code, `must be ${expected}, got ${JSON.stringify(value) ?? 'nothing'}`);
  }

  /** A string format whose check explains itself: `problemOf` returns what is wrong, or undefined. */
  explained(path: Path, value: unknown, code: Code, problemOf: (value: string) => string | undefined): value is string {
    if (this.missing(path, value, 'a string')) return false;
    if (typeof value !== 'string') return this.problem(path, code, `must be a string, got ${JSON.stringify(value)}`);
    const problem = problemOf(value);
    return problem === undefined || this.problem(path, code, problem);
  }

  number(path: Path, value: unknown, range: { min: number; max: number; integer?: boolean }): value is number {
    if (this.missing(path, value, 'a number')) return false;
    if (typeof value !== 'number' || !Number.isFinite(value))
      return this.problem(path, 'NOT_A_NUMBER', 'must be a number');
    if (range.integer && !Number.isInteger(value))
      return this.problem(path, 'NOT_A_WHOLE_NUMBER', 'must be a whole number');
    if (value < range.min || value > range.max)
      return this.problem(path, 'OUT_OF_RANGE', `must be between ${range.min} and ${range.max}, got ${value}`);
    return true;
  }

  /** A count: anything that is not a whole number (text included) is NOT_A_WHOLE_NUMBER. */
  wholeNumber(path: Path, value: unknown, range: { min: number; max: number }, what = 'whole number'): value is number {
    if (this.missing(path, value, `a ${what}`)) return false;
    if (typeof value !== 'number' || !Number.isInteger(value))
      return this.problem(path, 'NOT_A_WHOLE_NUMBER', `must be a ${what}, got ${JSON.stringify(value)}`);
    if (value < range.min || value > range.max)
      return this.problem(path, 'OUT_OF_RANGE', `must be from ${range.min} to ${range.max}, got ${value}`);
    return true;
  }

  /** An amount of money: not negative, at most two decimal places. */
  amount(path: Path, value: unknown): value is number {
    if (!this.number(path, value, { min: 0, max: 99_999_999.99 })) return false;
    const cents = value * 100;
    if (Math.abs(cents - Math.round(cents)) > 1e-6)
      return this.problem(path, 'TOO_MANY_DECIMALS', 'must have at most two decimal places');
    return true;
  }

  boolean(path: Path, value: unknown): value is boolean {
    if (this.missing(path, value, 'true or false')) return false;
    return typeof value === 'boolean' || this.problem(path, 'NOT_A_BOOLEAN', 'must be true or false');
  }

  oneOf<T extends string>(path: Path, value: unknown, allowed: readonly T[]): value is T {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return true;
    if (this.missing(path, value, `one of ${allowed.join(', ')}`)) return false;
    return this.problem(
      path,
      'UNKNOWN_ENUM_VALUE',
      `must be one of ${allowed.join(', ')}, got ${JSON.stringify(value) ?? 'nothing'}`,
    );
  }

  record(path: Path, value: unknown): value is Record<string, unknown> {
    if (this.missing(path, value, 'an object')) return false;
    return isRecord(value) || this.problem(path, 'NOT_AN_OBJECT', 'must be an object');
  }

  /** A list of `min` to `max` items; each item is checked at its own path (`[...path, index]`). */
  list(
    path: Path,
    value: unknown,
    size: { min: number; max: number },
    checkItem: (path: Path, item: unknown) => unknown,
  ): value is unknown[] {
    if (this.missing(path, value, 'a list')) return false;
    if (!Array.isArray(value)) return this.problem(path, 'NOT_A_LIST', 'must be a list');
    if (value.length < size.min || value.length > size.max) {
      const code = value.length < size.min ? 'TOO_FEW_ITEMS' : 'TOO_MANY_ITEMS';
      return this.problem(path, code, `must have ${size.min} to ${size.max} items, got ${value.length}`);
    }
    value.forEach((item, index) => {
      checkItem([...path, index], item);
    });
    return true;
  }

  /** Reports DUPLICATE when a list repeats an item; true when every item is different. */
  distinct(path: Path, values: readonly unknown[], message = 'must not repeat an item'): boolean {
    return new Set(values).size === values.length || this.problem(path, 'DUPLICATE', message);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The checker every catalogue entry check writes with: it collects problems
 * with their field path and code, all at once, and each check returns whether
 * the value passed (a type guard, so later checks see the narrowed value).
 * Paths are arrays from the start (`['occupations', 0, 'nocCode']`), as clients receive them.
 * README "Validation" says why this is hand-written rather than zod.
 */
import { isCalendarDate, isHttpUrl } from '../../runtime/stringFormats.js';
import type { EntryProblem, ProblemCode } from './catalogueEntry.js';

/** Where in the entry: field names and list positions, e.g. `['occupations', 0, 'nocCode']`. */
export type Path = ReadonlyArray<string | number>;
import {
  isCipCode,
  isClockTime,
  isCountryCode,
  isCurrencyCode,
  isEmailAddress,
  isEscoSkillUri,
  isLanguageCode,
  isNocCode,
  isOfferingCode,
  isSctCode,
  isSlug,
  isTimeZone,
} from './formats.js';

/** Which problem code a failed format check reports. */
const formatCodes = new Map<(value: string) => boolean, ProblemCode>([
  [isSlug, 'INVALID_SLUG'],
  [isLanguageCode, 'INVALID_LANGUAGE_CODE'],
  [isNocCode, 'INVALID_NOC_CODE'],
  [isCipCode, 'INVALID_CIP_CODE'],
  [isEscoSkillUri, 'INVALID_ESCO_URI'],
  [isSctCode, 'INVALID_SCT_CODE'],
  [isHttpUrl, 'INVALID_URL'],
  [isEmailAddress, 'INVALID_EMAIL'],
  [isCalendarDate, 'INVALID_DATE'],
  [isOfferingCode, 'INVALID_OFFERING_CODE'],
  [isCurrencyCode, 'INVALID_CURRENCY'],
  [isClockTime, 'INVALID_TIME'],
  [isTimeZone, 'INVALID_TIME_ZONE'],
  [isCountryCode, 'INVALID_COUNTRY_CODE'],
]);

/** Collects problems with their field path and code. Each check returns whether the value passed. */
export class Checker {
  constructor(
    private readonly label: string,
    private readonly entryIndex: number,
    private readonly problems: Array<EntryProblem & { label: string }>,
  ) {}

  problem(field: Path, code: ProblemCode, message: string): false {
    this.problems.push({ label: this.label, entryIndex: this.entryIndex, path: [...field], code, message });
    return false;
  }

  private missing(field: Path, value: unknown, expected: string): boolean {
    if (value !== null && value !== undefined) return false;
    this.problem(field, 'REQUIRED', `is required: ${expected}`);
    return true;
  }

  text(field: Path, value: unknown, maxLength: number): value is string {
    if (value === null || value === undefined || value === '')
      return this.problem(field, 'REQUIRED', 'must be a non-empty string');
    if (typeof value !== 'string' || value.trim() === '')
      return this.problem(field, 'REQUIRED', 'must be a non-empty string');
    if (value.length > maxLength) return this.problem(field, 'TOO_LONG', `must be at most ${maxLength} characters`);
    return true;
  }

  optionalText(field: Path, value: unknown, maxLength: number): boolean {
    return value === null || value === undefined || this.text(field, value, maxLength);
  }

  format(field: Path, value: unknown, test: (value: string) => boolean, expected: string): value is string {
    if (this.missing(field, value, expected)) return false;
    if (typeof value !== 'string' || !test(value)) {
      return this.problem(
        field,
        formatCodes.get(test) ?? 'INCONSISTENT',
        `must be ${expected}, got ${JSON.stringify(value) ?? 'nothing'}`,
      );
    }
    return true;
  }

  number(field: Path, value: unknown, range: { min: number; max: number; integer?: boolean }): value is number {
    if (this.missing(field, value, 'a number')) return false;
    if (typeof value !== 'number' || !Number.isFinite(value))
      return this.problem(field, 'NOT_A_NUMBER', 'must be a number');
    if (range.integer && !Number.isInteger(value))
      return this.problem(field, 'NOT_A_WHOLE_NUMBER', 'must be a whole number');
    if (value < range.min || value > range.max) {
      return this.problem(field, 'OUT_OF_RANGE', `must be between ${range.min} and ${range.max}, got ${value}`);
    }
    return true;
  }

  /** An amount of money: not negative, at most two decimal places. */
  amount(field: Path, value: unknown): value is number {
    if (!this.number(field, value, { min: 0, max: 99_999_999.99 })) return false;
    const cents = value * 100;
    if (Math.abs(cents - Math.round(cents)) > 1e-6) {
      return this.problem(field, 'TOO_MANY_DECIMALS', 'must have at most two decimal places');
    }
    return true;
  }

  boolean(field: Path, value: unknown): value is boolean {
    if (this.missing(field, value, 'true or false')) return false;
    return typeof value === 'boolean' || this.problem(field, 'NOT_A_BOOLEAN', 'must be true or false');
  }

  oneOf<T extends string>(field: Path, value: unknown, allowed: readonly T[]): value is T {
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return true;
    if (this.missing(field, value, `one of ${allowed.join(', ')}`)) return false;
    return this.problem(
      field,
      'UNKNOWN_ENUM_VALUE',
      `must be one of ${allowed.join(', ')}, got ${JSON.stringify(value) ?? 'nothing'}`,
    );
  }

  record(field: Path, value: unknown): value is Record<string, unknown> {
    if (this.missing(field, value, 'an object')) return false;
    return isRecord(value) || this.problem(field, 'NOT_AN_OBJECT', 'must be an object');
  }

  list(
    field: Path,
    value: unknown,
    size: { min: number; max: number },
    checkItem: (field: Path, item: unknown) => unknown,
  ): boolean {
    if (this.missing(field, value, 'a list')) return false;
    if (!Array.isArray(value)) return this.problem(field, 'NOT_A_LIST', 'must be a list');
    if (value.length < size.min || value.length > size.max) {
      const code = value.length < size.min ? 'TOO_FEW_ITEMS' : 'TOO_MANY_ITEMS';
      return this.problem(field, code, `must have ${size.min} to ${size.max} items, got ${value.length}`);
    }
    value.forEach((item, index) => {
      checkItem([...field, index], item);
    });
    return true;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The field checks the framework's write inputs share (registry, recognition
 * and trust-mark writes, keys), on the shared checker (runtime/checker.ts)
 * with the framework's problem codes. Each records a problem and returns the
 * value to use, so a caller collects every problem of an input before
 * refusing it (errors.ts `inputRefused`).
 */
import { Checker } from '../../runtime/checker.js';
import { fieldName, type Path } from '../../runtime/problemPath.js';
import { isCalendarDate } from '../../runtime/stringFormats.js';
import { httpUrlProblem, languageCodeProblem } from './formats.js';
import type { FrameworkProblemCode } from './problemCodes.js';

export type FrameworkChecker = Checker<FrameworkProblemCode>;

export function frameworkChecker(): FrameworkChecker {
  return new Checker<FrameworkProblemCode>();
}

/** Surrounding white space is dropped; what remains must say something, in at most `max` characters. */
export function checkText(check: FrameworkChecker, path: Path, value: string, max = 2000): string {
  const text = value.trim();
  if (text === '') check.problem(path, 'REQUIRED', 'must not be blank');
  else if (text.length > max) check.problem(path, 'TOO_LONG', `must be at most ${max} characters, got ${text.length}`);
  return text;
}

/** Absent is null; otherwise as checkText. */
export function checkOptionalText(
  check: FrameworkChecker,
  path: Path,
  value: string | null | undefined,
  max?: number,
): string | null {
  return value == null ? null : checkText(check, path, value, max);
}

/** One of the schema enum's values; the message lists them. */
export function checkChoice<T extends string>(
  check: FrameworkChecker,
  path: Path,
  value: string,
  choices: readonly T[],
): T {
  if (!(choices as readonly string[]).includes(value))
    check.problem(path, 'UNKNOWN_ENUM_VALUE', `must be one of ${choices.join(', ')}; got ${JSON.stringify(value)}`);
  return value as T;
}

export function checkUrl(check: FrameworkChecker, path: Path, value: string): string {
  check.explained(path, value, 'INVALID_URL', httpUrlProblem);
  return value;
}

/** At least one ISO 639 code, none repeated. */
export function checkLanguages(check: FrameworkChecker, path: Path, values: readonly string[]): string[] {
  if (values.length === 0) check.problem(path, 'TOO_FEW_ITEMS', 'must list at least one language');
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (!check.explained([...path, index], value, 'INVALID_LANGUAGE_CODE', languageCodeProblem)) return;
    if (seen.has(value)) check.problem([...path, index], 'DUPLICATE', `repeats ${JSON.stringify(value)}`);
    seen.add(value);
  });
  return [...values];
}

/** A calendar date, or null when absent. */
export function checkDate(check: FrameworkChecker, path: Path, value: string | null | undefined): string | null {
  if (value == null) return null;
  if (!isCalendarDate(value))
    check.problem(path, 'INVALID_DATE', `must be a calendar date YYYY-MM-DD, got ${JSON.stringify(value)}`);
  return value;
}

/**
 * `earlier` must come strictly before `later` (or on the same day when
 * `allowSameDay`); reported at `later`. Either missing or malformed: nothing to compare.
 */
export function checkOrder(
  check: FrameworkChecker,
  earlier: { path: Path | string; value: string | null },
  later: { path: Path; value: string | null },
  allowSameDay = false,
): void {
  if (earlier.value === null || later.value === null) return;
  if (!isCalendarDate(earlier.value) || !isCalendarDate(later.value)) return;
  if (later.value < earlier.value || (!allowSameDay && later.value === earlier.value)) {
    const name = typeof earlier.path === 'string' ? earlier.path : fieldName(earlier.path);
    check.problem(
      later.path,
      'DATES_OUT_OF_ORDER',
      `must be ${allowSameDay ? 'on or ' : ''}after ${name} (${earlier.value}), got ${later.value}`,
    );
  }
}

/** A key's label: 1 to 200 characters once trimmed; `example` shows the kind of label meant. */
export function checkKeyLabel(check: FrameworkChecker, path: Path, value: string, example: string): string {
  const label = value.trim();
  if (label === '' || label.length > 200)
    check.problem(
      path,
      label === '' ? 'REQUIRED' : 'TOO_LONG',
      `must be 1 to 200 characters, e.g. ${JSON.stringify(example)}`,
    );
  return label;
}

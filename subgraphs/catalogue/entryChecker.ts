/**
 * What the catalogue adds to the shared checker (runtime/checker.ts) for
 * entries: the entry's problem codes, and its string formats each with the
 * code a failure reports. The checks themselves (paths, every problem at
 * once, type guards) are the runtime checker's, shared with the framework.
 */
import type { Checker, Format } from '../../runtime/checker.js';
import { isCalendarDate, isHttpUrl } from '../../runtime/stringFormats.js';
import type { EntryProblemCode } from './problemCodes.js';
import type { Path } from '../../runtime/problemPath.js';
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

export { isRecord } from '../../runtime/checker.js';
export type { Path };

/** The checker entry checks write with: tsc refuses a code outside EntryProblemCode. */
export type EntryChecker = Checker<EntryProblemCode>;

/** The entry's string formats, each with the code its failure reports. */
export const entryFormats = {
  slug: { code: 'INVALID_SLUG', test: isSlug },
  language: { code: 'INVALID_LANGUAGE_CODE', test: isLanguageCode },
  noc: { code: 'INVALID_NOC_CODE', test: isNocCode },
  cip: { code: 'INVALID_CIP_CODE', test: isCipCode },
  esco: { code: 'INVALID_ESCO_URI', test: isEscoSkillUri },
  sct: { code: 'INVALID_SCT_CODE', test: isSctCode },
  url: { code: 'INVALID_URL', test: isHttpUrl },
  email: { code: 'INVALID_EMAIL', test: isEmailAddress },
  date: { code: 'INVALID_DATE', test: isCalendarDate },
  offeringCode: { code: 'INVALID_OFFERING_CODE', test: isOfferingCode },
  currency: { code: 'INVALID_CURRENCY', test: isCurrencyCode },
  time: { code: 'INVALID_TIME', test: isClockTime },
  timeZone: { code: 'INVALID_TIME_ZONE', test: isTimeZone },
  country: { code: 'INVALID_COUNTRY_CODE', test: isCountryCode },
} as const satisfies Record<string, Format<EntryProblemCode>>;

/**
 * A checked list's items as each was parsed; an item or a list that failed
 * leaves its problems in `check` and a placeholder (or no item) behind, which
 * `check.parsed` never hands out.
 */
export function listOf<T>(
  check: EntryChecker,
  path: Path,
  value: unknown,
  size: { min: number; max: number },
  parseItem: (path: Path, item: unknown) => T,
): T[] {
  const items: T[] = [];
  check.list(path, value, size, (field, item) => items.push(parseItem(field, item)));
  return items;
}

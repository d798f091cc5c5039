/**
 * Every code a publishing problem or warning can carry, grouped by what it is
 * about. The one source is the contract's PublishingProblemCode enum
 * (schema/catalogue.graphql, generated into generated/enums.ts): each group
 * only lists values of it, and `everyCodeGrouped` below fails to compile when
 * the enum has a value no group lists. So each producer (entry validation, the
 * publishing store, imports) is held to the contract by the type checker.
 */
import { checkerProblemCodes } from '../../runtime/checker.js';
import type { PublishingProblemCode as ContractProblemCode } from './generated/enums.js';

/** What is wrong with one field of an entry: what the checker reports itself, and the entry's own formats and rules. */
export const entryProblemCodes = [
  ...checkerProblemCodes,
  'INVALID_SLUG',
  'INVALID_LANGUAGE_CODE',
  'INVALID_NOC_CODE',
  'INVALID_CIP_CODE',
  'INVALID_ESCO_URI',
  'INVALID_SCT_CODE',
  'INVALID_URL',
  'INVALID_EMAIL',
  'INVALID_DATE',
  'INVALID_OFFERING_CODE',
  'DATES_OUT_OF_ORDER',
  'INCONSISTENT',
  'EXTERNAL_CODE_TAKEN',
  'INVALID_CURRENCY',
  'INVALID_TIME',
  'INVALID_TIME_ZONE',
  'INVALID_COUNTRY_CODE',
  /** Claims OSAP eligibility outside the OSAP micro-credential rules with no provincial exception (osapClaim.ts). */
  'OSAP_RULE_NOT_MET',
] as const satisfies readonly ContractProblemCode[];
export type EntryProblemCode = (typeof entryProblemCodes)[number];

/** What is wrong with a request as a whole: a missing or stale entry, an unreadable import file. */
export const requestProblemCodes = [
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'VERSION_CONFLICT',
  'NOT_A_DRAFT',
  'NOT_ACTIVE',
  'NOTHING_TO_PUBLISH',
  'INVALID_CSV',
  'INVALID_JSON',
  'UNKNOWN_COLUMN',
  /** The province's OSAP approvals could not be read, so an exception could not be confirmed. */
  'OSAP_EXCEPTION_UNCONFIRMED',
] as const satisfies readonly ContractProblemCode[];
export type RequestProblemCode = (typeof requestProblemCodes)[number];

/** What is wrong with an outcome report (outcomes/): a malformed period, a period that overlaps another, an entry not here, a key for another institution. */
export const outcomeProblemCodes = [
  'INVALID_FORMAT',
  'OVERLAPPING_PERIOD',
  'UNKNOWN_ENTRY',
  'FORBIDDEN',
] as const satisfies readonly ContractProblemCode[];
export type OutcomeProblemCode = (typeof outcomeProblemCodes)[number];

/** Quality advice about a complete entry; never blocks publication. */
export const warningCodes = [
  'NO_EMPLOYER_PARTNER',
  'NO_SUMMATIVE_ASSESSMENT',
  'OUTSIDE_OSAP_GUIDELINE',
  'FRENCH_TEXT_MISSING',
] as const satisfies readonly ContractProblemCode[];
export type WarningCode = (typeof warningCodes)[number];

export type PublishingProblemCode = EntryProblemCode | RequestProblemCode | OutcomeProblemCode | WarningCode;

/** Compiles only while every value of the contract's enum is in a group above (the groups list nothing else). */
const everyCodeGrouped: Exclude<ContractProblemCode, PublishingProblemCode> extends never ? true : never = true;
void everyCodeGrouped;

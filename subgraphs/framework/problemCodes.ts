/**
 * Every code a problem with a framework write can carry (the `code` of each
 * item of `extensions.problems`), in one place, so every write is held to the
 * list by the type checker (runtime/checker.ts is generic over it) and clients
 * can rely on it. The GraphQL error's own `extensions.code` says what kind of
 * fix the whole refusal needs (BAD_USER_INPUT, INSTITUTION_ALREADY_REGISTERED,
 * MICRO_CREDENTIAL_NOT_FOUND, ...); these say what is wrong with each field.
 */
import { checkerProblemCodes } from '../../runtime/checker.js';

/** String formats: a URL, a language, a date, an institution code, or an identifier of the wrong shape. */
export const formatProblemCodes = [
  'INVALID_URL',
  'INVALID_LANGUAGE_CODE',
  'INVALID_DATE',
  'INVALID_INSTITUTION_CODE',
  /** A micro-credential, course, credit-block, program, common-core, industry-credential or endorser id of the wrong shape. */
  'INVALID_ID',
] as const;

/** What a field names or claims, against what the framework holds. */
export const referenceProblemCodes = [
  /** Names nothing registered or recorded: an institution, agreement, program, common-core entry, endorser. */
  'UNKNOWN_REFERENCE',
  /** The micro-credential is not published or sunset at its institution (checked through the gateway). */
  'MICRO_CREDENTIAL_NOT_FOUND',
  /** The micro-credential's institution did not answer, so it could not be confirmed; worth retrying. */
  'MICRO_CREDENTIAL_UNCONFIRMED',
  'ALREADY_REGISTERED',
  'ALREADY_ENDORSED',
  /** Must be (or belong to) the recording, receiving or a party institution, and is not. */
  'WRONG_INSTITUTION',
] as const;

/** Fields that are each well formed but do not fit together. */
export const ruleProblemCodes = [
  'DATES_OUT_OF_ORDER',
  /** E.g. a bilateral agreement with three parties, stacking rules granting more credits than the program. */
  'INCONSISTENT',
  /** An update that names no field to change. */
  'NO_CHANGE',
] as const;

export const frameworkProblemCodes = [
  ...checkerProblemCodes,
  ...formatProblemCodes,
  ...referenceProblemCodes,
  ...ruleProblemCodes,
] as const;
export type FrameworkProblemCode = (typeof frameworkProblemCodes)[number];

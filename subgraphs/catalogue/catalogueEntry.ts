/**
 * A catalogue entry as an institution submits it (seed, import, mutations),
 * and the checks every entry passes before anything is written. Input may come
 * from a file or a client, so nothing about its shape is trusted.
 */
import {
  assessmentTypes,
  awardTypes,
  deliveryModes,
  microCredentialStatuses,
  partnerKinds,
  qualityAssuranceTypes,
  skillFrameworks,
  stackabilityKinds,
  supervisions,
  type Assessment,
  type Award,
  type Contact,
  type DeliveryMode,
  type InstructionalProgram,
  type MicroCredentialStatus,
  type Occupation,
  type Partner,
  type QualityAssurance,
  type Skill,
  type Stackability,
  type Supervision,
} from './entryParts.js';
import type { EntryProblemCode as ProblemCode, WarningCode } from './problemCodes.js';
import {
  checkContact,
  checkCriticalInformation,
  checkOfferingDetails,
  frenchTextWarnings,
} from './criticalInformationChecks.js';
import { Checker } from '../../runtime/checker.js';
import { fieldName } from '../../runtime/problemPath.js';
import { type EntryChecker, entryFormats, isRecord, type Path } from './entryChecker.js';
import type { CriticalInformation, OfficialLanguage, OfferingDetails } from './criticalInformation.js';

export interface OfferingInput extends OfferingDetails {
  /** The institution's own code for the intake, unique within the micro-credential. */
  code: string;
  startDate: string;
  endDate: string;
  location: string;
  online: boolean;
  priceCad: number;
  registrationUrl: string;
}

export interface CatalogueEntryInput extends CriticalInformation {
  slug: string;
  externalCode: string | null;
  title: string;
  titleFr: string | null;
  description: string;
  descriptionFr: string | null;
  languages: string[];
  learningOutcomes: string[];
  skills: Skill[];
  occupations: Occupation[];
  cip: InstructionalProgram;
  instructionalHours: number;
  durationWeeks: number;
  creditBearing: boolean;
  credits: number | null;
  deliveryMode: DeliveryMode;
  assessment: Assessment;
  supervision: Supervision;
  prerequisites: string[];
  /** Contract 1.1; optional so entries written before it stay valid. */
  audience?: string | null;
  audienceFr?: string | null;
  qualityAssurance: QualityAssurance;
  awards: Award[];
  stackability: Stackability;
  offerings: OfferingInput[];
  osapEligible: boolean;
  partners: Partner[];
  transferContact: Contact;
  courseOutlineUrl: string;
  status: MicroCredentialStatus;
  effectiveDate: string;
  expiryDate: string | null;
  /** Optional so entries written before review dates existed (and the seed) stay valid. */
  reviewDate?: string | null;
  sunsetReason?: string | null;
}

/**
 * One problem with one field, machine-readable: `path` is where in the entry
 * (e.g. `["occupations", 0, "nocCode"]`), `code` what is wrong (see
 * problemCodes), `entryIndex` which entry of the batch.
 */
export interface EntryProblem {
  entryIndex: number;
  path: Array<string | number>;
  code: ProblemCode;
  message: string;
}

export { entryProblemCodes as problemCodes, warningCodes } from './problemCodes.js';
export type { ProblemCode, WarningCode };

/** Quality advice about a complete entry; never blocks publication. */
export interface EntryWarning extends Omit<EntryProblem, 'code'> {
  code: WarningCode;
}

/** Codes a draft may still have: missing or too-few items are fine until publication. */
const incompleteness: readonly ProblemCode[] = ['REQUIRED', 'TOO_FEW_ITEMS'];

export class CatalogueEntryError extends Error {
  /** Human-readable, one line per problem: `entry "slug": field problem`. */
  readonly problems: string[];
  constructor(readonly details: EntryProblem[]) {
    const problems = details.map(describeProblem);
    const shown = problems.slice(0, 20).map((problem) => `- ${problem}`);
    if (problems.length > shown.length) shown.push(`- ...and ${problems.length - shown.length} more`);
    super(`Invalid catalogue entries:\n${shown.join('\n')}`);
    this.name = 'CatalogueEntryError';
    this.problems = problems;
  }
}

export { fieldName };

function describeProblem(problem: EntryProblem & { label?: string }): string {
  const field = fieldName(problem.path);
  return `${problem.label ?? `entry #${problem.entryIndex + 1}`}: ${field ? `${field} ` : ''}${problem.message}`;
}

export interface ValidationOptions {
  /** A working copy: missing fields and too-few items are fine; what is there must be well formed. */
  draft?: boolean;
  /**
   * A change to a stored entry that does not republish its content (sunset, an
   * offering edit): the fields 1.1 made required are not demanded, so entries
   * published under 1.0 stay maintainable. Everything present is still checked.
   */
  maintenance?: boolean;
}

/** Every problem of every entry; nothing thrown. `draft` accepts incomplete entries but still checks what is there. */
export function findEntryProblems(entries: readonly unknown[], options: ValidationOptions = {}): EntryProblem[] {
  const problems: Array<EntryProblem & { label: string }> = [];
  const slugs = new Set<string>();
  const externalCodes = new Set<string>();
  entries.forEach((entry, index) => {
    const label = isRecord(entry) && typeof entry.slug === 'string' ? `entry "${entry.slug}"` : `entry #${index + 1}`;
    const check: EntryChecker = new Checker();
    checkEntry(entry, check);
    if (isRecord(entry)) checkBatchEntry(entry, check, options, { slugs, externalCodes });
    for (const { path, code, message } of check.problems)
      problems.push({ label, entryIndex: index, path: [...path], code, message });
  });
  return options.draft ? problems.filter((problem) => !incompleteness.includes(problem.code)) : problems;
}

/** The 1.1 critical information, and what must be unique across the batch. */
function checkBatchEntry(
  entry: Record<string, unknown>,
  check: EntryChecker,
  options: ValidationOptions,
  seen: { slugs: Set<string>; externalCodes: Set<string> },
): void {
  const { slugs, externalCodes } = seen;
  checkCriticalInformation(entry, check, { requireFrom11: !options.maintenance });
  if (typeof entry.slug === 'string') {
    if (slugs.has(entry.slug)) check.problem(['slug'], 'DUPLICATE', 'appears more than once in this batch');
    slugs.add(entry.slug);
  }
  if (typeof entry.externalCode === 'string') {
    if (externalCodes.has(entry.externalCode))
      check.problem(['externalCode'], 'DUPLICATE', 'is used by another entry in this batch');
    externalCodes.add(entry.externalCode);
  }
}

/**
 * Quality warnings: they never block publication, but tell the institution
 * what evaluators, learners and employers will miss.
 */
export function findEntryWarnings(
  entry: CatalogueEntryInput,
  entryIndex = 0,
  institutionLanguages: readonly OfficialLanguage[] = ['EN'],
): EntryWarning[] {
  const warnings: EntryWarning[] = [];
  const warn = (path: Array<string | number>, code: WarningCode, message: string) =>
    warnings.push({ entryIndex, path, code, message });
  if (!entry.partners.some((partner) => partner.kind === 'EMPLOYER')) {
    warn(['partners'], 'NO_EMPLOYER_PARTNER', 'no employer partner is named; employers look for one');
  }
  if (!entry.assessment.summativeDescription?.trim()) {
    warn(['assessment', 'summativeDescription'], 'NO_SUMMATIVE_ASSESSMENT', 'no summative assessment is described');
  }
  if (entry.durationWeeks >= 12) {
    warn(['durationWeeks'], 'OUTSIDE_OSAP_GUIDELINE', 'OSAP for Micro-credentials expects under 12 weeks');
  }
  if (entry.instructionalHours < 5 || entry.instructionalHours > 300) {
    warn(['instructionalHours'], 'OUTSIDE_OSAP_GUIDELINE', 'OSAP for Micro-credentials expects 5 to 300 hours');
  }
  if (institutionLanguages.includes('FR')) {
    for (const path of frenchTextWarnings(entry)) {
      warn(path, 'FRENCH_TEXT_MISSING', 'is empty; the institution teaches in French, so learners expect French text');
    }
  }
  return warnings;
}

/** Throws a CatalogueEntryError listing every problem, naming entry and field; returns the entries typed. */
export function validateCatalogueEntries(entries: readonly unknown[]): CatalogueEntryInput[] {
  const problems = findEntryProblems(entries);
  if (problems.length > 0) throw new CatalogueEntryError(problems);
  return entries as CatalogueEntryInput[];
}

function checkEntry(entry: unknown, check: EntryChecker): void {
  if (!isRecord(entry)) {
    check.problem([], 'NOT_AN_OBJECT', 'must be an object');
    return;
  }
  check.format(
    ['slug'],
    entry.slug,
    entryFormats.slug,
    'a lower-case slug like "data-analytics-fundamentals" (at most 100 characters)',
  );
  check.optionalText(['externalCode'], entry.externalCode, 60);
  check.text(['title'], entry.title, 200);
  check.optionalText(['titleFr'], entry.titleFr, 200);
  check.text(['description'], entry.description, 5000);
  check.optionalText(['descriptionFr'], entry.descriptionFr, 5000);
  check.list(['languages'], entry.languages, { min: 1, max: 10 }, (field, value) =>
    check.format(field, value, entryFormats.language, 'an ISO 639 code like "en", "fr" or "oj"'),
  );
  check.list(['learningOutcomes'], entry.learningOutcomes, { min: 1, max: 30 }, (field, value) =>
    check.text(field, value, 1000),
  );
  check.list(['skills'], entry.skills, { min: 1, max: 50 }, (field, value) => checkSkill(field, value, check));
  check.list(['occupations'], entry.occupations, { min: 1, max: 3 }, (field, value) => {
    if (!check.record(field, value)) return;
    check.format(
      [...field, 'nocCode'],
      value.nocCode,
      entryFormats.noc,
      'a NOC 2021 unit group of five digits, e.g. "21211"',
    );
    check.text([...field, 'title'], value.title, 200);
  });
  if (check.record(['cip'], entry.cip)) {
    check.format(['cip', 'code'], entry.cip.code, entryFormats.cip, 'a CIP 2021 code "NN.NNNN", e.g. "30.7101"');
    check.text(['cip', 'title'], entry.cip.title, 200);
  }
  check.number(['instructionalHours'], entry.instructionalHours, { min: 0.5, max: 5000 });
  check.number(['durationWeeks'], entry.durationWeeks, { min: 0.1, max: 520 });
  check.boolean(['creditBearing'], entry.creditBearing);
  if (entry.credits !== null && entry.credits !== undefined) {
    check.number(['credits'], entry.credits, { min: 0, max: 120 });
    if (entry.creditBearing === false)
      check.problem(['credits'], 'INCONSISTENT', 'must be null when creditBearing is false');
  }
  check.oneOf(['deliveryMode'], entry.deliveryMode, deliveryModes);
  checkAssessment(entry.assessment, check);
  check.oneOf(['supervision'], entry.supervision, supervisions);
  check.list(['prerequisites'], entry.prerequisites, { min: 0, max: 20 }, (field, value) =>
    check.text(field, value, 500),
  );
  check.optionalText(['audience'], entry.audience, 500);
  check.optionalText(['audienceFr'], entry.audienceFr, 500);
  if (check.record(['qualityAssurance'], entry.qualityAssurance)) {
    check.text(['qualityAssurance', 'body'], entry.qualityAssurance.body, 200);
    check.oneOf(['qualityAssurance', 'type'], entry.qualityAssurance.type, qualityAssuranceTypes);
  }
  check.list(['awards'], entry.awards, { min: 1, max: 5 }, (field, value) => {
    if (!check.record(field, value)) return;
    check.oneOf([...field, 'type'], value.type, awardTypes);
    check.text([...field, 'description'], value.description, 500);
    check.optionalText([...field, 'descriptionFr'], value.descriptionFr, 500);
    check.optionalText([...field, 'standard'], value.standard, 100);
  });
  checkStackability(entry.stackability, check);
  checkOfferings(entry.offerings, check, entry.languages);
  check.boolean(['osapEligible'], entry.osapEligible);
  check.list(['partners'], entry.partners, { min: 0, max: 20 }, (field, value) => {
    if (!check.record(field, value)) return;
    check.text([...field, 'name'], value.name, 200);
    check.oneOf([...field, 'kind'], value.kind, partnerKinds);
  });
  checkContact(['transferContact'], entry.transferContact, check);
  check.format(['courseOutlineUrl'], entry.courseOutlineUrl, entryFormats.url, 'an absolute http(s) URL');
  check.oneOf(['status'], entry.status, microCredentialStatuses);
  check.format(['effectiveDate'], entry.effectiveDate, entryFormats.date, 'a date "YYYY-MM-DD"');
  if (entry.expiryDate !== null && entry.expiryDate !== undefined) {
    if (check.format(['expiryDate'], entry.expiryDate, entryFormats.date, 'a date "YYYY-MM-DD" or null')) {
      if (typeof entry.effectiveDate === 'string' && entry.expiryDate < entry.effectiveDate) {
        check.problem(['expiryDate'], 'DATES_OUT_OF_ORDER', 'must not be before effectiveDate');
      }
    }
  }
  if (entry.reviewDate !== null && entry.reviewDate !== undefined) {
    if (check.format(['reviewDate'], entry.reviewDate, entryFormats.date, 'a date "YYYY-MM-DD" or null')) {
      if (typeof entry.effectiveDate === 'string' && entry.reviewDate < entry.effectiveDate) {
        check.problem(['reviewDate'], 'DATES_OUT_OF_ORDER', 'must not be before effectiveDate');
      }
    }
  }
  check.optionalText(['sunsetReason'], entry.sunsetReason, 1000);
}

function checkSkill(field: Path, value: unknown, check: EntryChecker): void {
  if (!check.record(field, value)) return;
  check.oneOf([...field, 'framework'], value.framework, skillFrameworks);
  check.text([...field, 'label'], value.label, 200);
  if (value.framework === 'ESCO') {
    check.format(
      [...field, 'code'],
      value.code,
      entryFormats.esco,
      'an ESCO concept URI "http://data.europa.eu/esco/skill/<uuid>"',
    );
  } else if (value.framework === 'ESDC_SCT') {
    check.format([...field, 'code'], value.code, entryFormats.sct, 'an ESDC SCT code like "A.01.a.01"');
  } else {
    check.text([...field, 'code'], value.code, 200);
  }
}

function checkAssessment(value: unknown, check: EntryChecker): void {
  if (!check.record(['assessment'], value)) return;
  check.list(['assessment', 'types'], value.types, { min: 1, max: assessmentTypes.length }, (field, type) =>
    check.oneOf(field, type, assessmentTypes),
  );
  check.optionalText(['assessment', 'summativeDescription'], value.summativeDescription, 2000);
  check.optionalText(['assessment', 'summativeDescriptionFr'], value.summativeDescriptionFr, 2000);
  if (value.passingThreshold !== null && value.passingThreshold !== undefined) {
    check.number(['assessment', 'passingThreshold'], value.passingThreshold, { min: 0, max: 100 });
  }
  if (value.attemptsAllowed !== null && value.attemptsAllowed !== undefined) {
    check.number(['assessment', 'attemptsAllowed'], value.attemptsAllowed, { min: 1, max: 20, integer: true });
  }
}

function checkStackability(value: unknown, check: EntryChecker): void {
  if (!check.record(['stackability'], value)) return;
  check.oneOf(['stackability', 'kind'], value.kind, stackabilityKinds);
  check.list(['stackability', 'programs'], value.programs, { min: 0, max: 20 }, (field, target) => {
    if (!check.record(field, target)) return;
    check.text([...field, 'name'], target.name, 200);
    check.optionalText([...field, 'programCode'], target.programCode, 40);
    if (target.url !== null && target.url !== undefined) {
      check.format([...field, 'url'], target.url, entryFormats.url, 'an absolute http(s) URL or null');
    }
  });
  if (!Array.isArray(value.programs)) return;
  if ((value.kind === 'STACKABLE' || value.kind === 'INTEGRATED') && value.programs.length === 0) {
    check.problem(
      ['stackability', 'programs'],
      'INCONSISTENT',
      `must name at least one program when kind is ${value.kind}`,
    );
  }
  if (value.kind === 'STANDALONE' && value.programs.length > 0) {
    check.problem(['stackability', 'programs'], 'INCONSISTENT', 'must be empty when kind is STANDALONE');
  }
}

function checkOfferings(value: unknown, check: EntryChecker, entryLanguages: unknown): void {
  const codes = new Set<string>();
  check.list(['offerings'], value, { min: 0, max: 100 }, (field, offering) => {
    if (!check.record(field, offering)) return;
    if (
      check.format(
        [...field, 'code'],
        offering.code,
        entryFormats.offeringCode,
        'a code of letters, digits, ".", "_" or "-"',
      )
    ) {
      if (codes.has(offering.code))
        check.problem([...field, 'code'], 'DUPLICATE', `"${offering.code}" is used by another offering`);
      codes.add(offering.code);
    }
    const { startDate, endDate } = offering;
    const startValid = check.format([...field, 'startDate'], startDate, entryFormats.date, 'a date "YYYY-MM-DD"');
    const endValid = check.format([...field, 'endDate'], endDate, entryFormats.date, 'a date "YYYY-MM-DD"');
    if (startValid && endValid && endDate < startDate) {
      check.problem([...field, 'endDate'], 'DATES_OUT_OF_ORDER', 'must not be before startDate');
    }
    check.text([...field, 'location'], offering.location, 200);
    check.boolean([...field, 'online'], offering.online);
    check.amount([...field, 'priceCad'], offering.priceCad);
    check.format([...field, 'registrationUrl'], offering.registrationUrl, entryFormats.url, 'an absolute http(s) URL');
    checkOfferingDetails(field, offering, check, entryLanguages);
  });
}

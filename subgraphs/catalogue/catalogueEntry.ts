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
  type StackTarget,
  type Supervision,
} from './entryParts.js';
import type { EntryProblemCode as ProblemCode, WarningCode } from './problemCodes.js';
import {
  frenchTextWarnings,
  parseContact,
  parseCriticalInformation,
  parseOfferingDetails,
} from './criticalInformationChecks.js';
import { Checker } from '../../runtime/checker.js';
import { fieldName } from '../../runtime/problemPath.js';
import { type EntryChecker, entryFormats, isRecord, listOf, type Path } from './entryChecker.js';
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

/**
 * Entries parsed: every entry typed when no entry has a problem, otherwise
 * every problem of every entry and no entry. A parsed entry holds exactly the
 * fields of CatalogueEntryInput, each as the checker read it: keys the input
 * had beyond them are dropped, not refused (as they always were at the write).
 */
export type ParsedEntries =
  | { ok: true; entries: CatalogueEntryInput[]; problems: readonly [] }
  | { ok: false; entries?: never; problems: EntryProblem[] };

export function parseCatalogueEntries(
  entries: readonly unknown[],
  options: Omit<ValidationOptions, 'draft'> = {},
): ParsedEntries {
  const problems: EntryProblem[] = [];
  const parsed: CatalogueEntryInput[] = [];
  const seen = { slugs: new Set<string>(), externalCodes: new Set<string>() };
  entries.forEach((entry, index) => {
    const result = parseEntryOfBatch(entry, index, options, seen);
    if (result.ok) parsed.push(result.entry);
    else problems.push(...result.problems);
  });
  return problems.length === 0 ? { ok: true, entries: parsed, problems: [] } : { ok: false, problems };
}

/** One entry typed, or its problems: what a publishing write (one entry at a time) stores. */
export type ParsedEntry = { ok: true; entry: CatalogueEntryInput } | { ok: false; problems: EntryProblem[] };

export function parseCatalogueEntry(entry: unknown, options: Omit<ValidationOptions, 'draft'> = {}): ParsedEntry {
  return parseEntryOfBatch(entry, 0, options, { slugs: new Set(), externalCodes: new Set() });
}

function parseEntryOfBatch(
  entry: unknown,
  entryIndex: number,
  options: Omit<ValidationOptions, 'draft'>,
  seen: { slugs: Set<string>; externalCodes: Set<string> },
): ParsedEntry {
  const label =
    isRecord(entry) && typeof entry.slug === 'string' ? `entry "${entry.slug}"` : `entry #${entryIndex + 1}`;
  const check: EntryChecker = new Checker();
  const result = check.parsed(parseEntry(entry, check, options, seen));
  if (result.ok && result.value !== undefined) return { ok: true, entry: result.value };
  return {
    ok: false,
    problems: check.problems.map(({ path, code, message }) => ({ label, entryIndex, path: [...path], code, message })),
  };
}

/** Every problem of every entry; nothing thrown. `draft` accepts incomplete entries but still checks what is there. */
export function findEntryProblems(entries: readonly unknown[], options: ValidationOptions = {}): EntryProblem[] {
  const parsed = parseCatalogueEntries(entries, options);
  const problems = parsed.ok ? [] : parsed.problems;
  return options.draft ? problems.filter((problem) => !incompleteness.includes(problem.code)) : problems;
}

/** One entry typed, its problems left in `check`: the 1.0 fields, the 1.1 critical information, batch uniqueness. */
function parseEntry(
  entry: unknown,
  check: EntryChecker,
  options: Omit<ValidationOptions, 'draft'>,
  seen: { slugs: Set<string>; externalCodes: Set<string> },
): CatalogueEntryInput | undefined {
  if (!isRecord(entry)) {
    check.problem([], 'NOT_AN_OBJECT', 'must be an object');
    return undefined;
  }
  const fields = parseEntryFields(entry, check);
  const criticalInformation = parseCriticalInformation(entry, check, { requireFrom11: !options.maintenance });
  checkUniqueInBatch(entry, check, seen);
  return Object.assign(fields, criticalInformation);
}

/** The slug and the external code name one entry of the batch each. */
function checkUniqueInBatch(
  entry: Record<string, unknown>,
  check: EntryChecker,
  seen: { slugs: Set<string>; externalCodes: Set<string> },
): void {
  const { slugs, externalCodes } = seen;
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
  const parsed = parseCatalogueEntries(entries);
  if (!parsed.ok) throw new CatalogueEntryError(parsed.problems);
  return parsed.entries;
}

/** The fields of contract 1.0, each as the checker read it typed: a field that failed holds a placeholder. */
type EntryFields = Omit<CatalogueEntryInput, keyof CriticalInformation>;

function parseEntryFields(entry: Record<string, unknown>, check: EntryChecker): EntryFields {
  const optionalText = (field: string, value: unknown, maxLength: number) =>
    check.optionalText([field], value, maxLength) ? (value ?? null) : null;
  const date = (field: string, value: unknown, expected: string) =>
    check.format([field], value, entryFormats.date, expected) ? value : '';
  return {
    slug: check.format(
      ['slug'],
      entry.slug,
      entryFormats.slug,
      'a lower-case slug like "data-analytics-fundamentals" (at most 100 characters)',
    )
      ? entry.slug
      : '',
    externalCode: optionalText('externalCode', entry.externalCode, 60),
    title: check.text(['title'], entry.title, 200) ? entry.title : '',
    titleFr: optionalText('titleFr', entry.titleFr, 200),
    description: check.text(['description'], entry.description, 5000) ? entry.description : '',
    descriptionFr: optionalText('descriptionFr', entry.descriptionFr, 5000),
    languages: listOf(check, ['languages'], entry.languages, { min: 1, max: 10 }, (field, value) =>
      check.format(field, value, entryFormats.language, 'an ISO 639 code like "en", "fr" or "oj"') ? value : '',
    ),
    learningOutcomes: listOf(
      check,
      ['learningOutcomes'],
      entry.learningOutcomes,
      { min: 1, max: 30 },
      (field, value) => (check.text(field, value, 1000) ? value : ''),
    ),
    skills: listOf(check, ['skills'], entry.skills, { min: 1, max: 50 }, (field, value) =>
      parseSkill(field, value, check),
    ),
    occupations: listOf(check, ['occupations'], entry.occupations, { min: 1, max: 3 }, (field, value) =>
      parseOccupation(field, value, check),
    ),
    cip: parseCip(entry.cip, check),
    instructionalHours: check.number(['instructionalHours'], entry.instructionalHours, { min: 0.5, max: 5000 })
      ? entry.instructionalHours
      : 0,
    durationWeeks: check.number(['durationWeeks'], entry.durationWeeks, { min: 0.1, max: 520 })
      ? entry.durationWeeks
      : 0,
    creditBearing: check.boolean(['creditBearing'], entry.creditBearing) ? entry.creditBearing : false,
    credits: parseCredits(entry, check),
    deliveryMode: check.oneOf(['deliveryMode'], entry.deliveryMode, deliveryModes)
      ? entry.deliveryMode
      : deliveryModes[0],
    assessment: parseAssessment(entry.assessment, check),
    supervision: check.oneOf(['supervision'], entry.supervision, supervisions) ? entry.supervision : supervisions[0],
    prerequisites: listOf(check, ['prerequisites'], entry.prerequisites, { min: 0, max: 20 }, (field, value) =>
      check.text(field, value, 500) ? value : '',
    ),
    audience: check.optionalText(['audience'], entry.audience, 500) ? entry.audience : null,
    audienceFr: check.optionalText(['audienceFr'], entry.audienceFr, 500) ? entry.audienceFr : null,
    qualityAssurance: parseQualityAssurance(entry.qualityAssurance, check),
    awards: listOf(check, ['awards'], entry.awards, { min: 1, max: 5 }, (field, value) =>
      parseAward(field, value, check),
    ),
    stackability: parseStackability(entry.stackability, check),
    offerings: parseOfferings(entry.offerings, check, entry.languages),
    osapEligible: check.boolean(['osapEligible'], entry.osapEligible) ? entry.osapEligible : false,
    partners: listOf(check, ['partners'], entry.partners, { min: 0, max: 20 }, (field, value) =>
      parsePartner(field, value, check),
    ),
    transferContact: parseContact(['transferContact'], entry.transferContact, check),
    courseOutlineUrl: check.format(
      ['courseOutlineUrl'],
      entry.courseOutlineUrl,
      entryFormats.url,
      'an absolute http(s) URL',
    )
      ? entry.courseOutlineUrl
      : '',
    status: check.oneOf(['status'], entry.status, microCredentialStatuses) ? entry.status : microCredentialStatuses[0],
    effectiveDate: date('effectiveDate', entry.effectiveDate, 'a date "YYYY-MM-DD"'),
    expiryDate: parseLaterDate('expiryDate', entry, check) ?? null,
    reviewDate: parseLaterDate('reviewDate', entry, check),
    sunsetReason: check.optionalText(['sunsetReason'], entry.sunsetReason, 1000) ? entry.sunsetReason : null,
  };
}

/** A date that may be absent and must not be before effectiveDate (expiry, review). */
function parseLaterDate(
  field: 'expiryDate' | 'reviewDate',
  entry: Record<string, unknown>,
  check: EntryChecker,
): string | null | undefined {
  const value = entry[field];
  if (value === null || value === undefined) return value;
  if (!check.format([field], value, entryFormats.date, 'a date "YYYY-MM-DD" or null')) return null;
  if (typeof entry.effectiveDate === 'string' && value < entry.effectiveDate) {
    check.problem([field], 'DATES_OUT_OF_ORDER', 'must not be before effectiveDate');
  }
  return value;
}

function parseCredits(entry: Record<string, unknown>, check: EntryChecker): number | null {
  const { credits } = entry;
  if (credits === null || credits === undefined) return null;
  const valid = check.number(['credits'], credits, { min: 0, max: 120 });
  if (entry.creditBearing === false)
    check.problem(['credits'], 'INCONSISTENT', 'must be null when creditBearing is false');
  return valid ? credits : null;
}

function parseOccupation(field: Path, value: unknown, check: EntryChecker): Occupation {
  if (!check.record(field, value)) return { nocCode: '', title: '' };
  const { nocCode, title } = value;
  return {
    nocCode: check.format(
      [...field, 'nocCode'],
      nocCode,
      entryFormats.noc,
      'a NOC 2021 unit group of five digits, e.g. "21211"',
    )
      ? nocCode
      : '',
    title: check.text([...field, 'title'], title, 200) ? title : '',
  };
}

function parseCip(value: unknown, check: EntryChecker): InstructionalProgram {
  if (!check.record(['cip'], value)) return { code: '', title: '' };
  const { code, title } = value;
  return {
    code: check.format(['cip', 'code'], code, entryFormats.cip, 'a CIP 2021 code "NN.NNNN", e.g. "30.7101"')
      ? code
      : '',
    title: check.text(['cip', 'title'], title, 200) ? title : '',
  };
}

function parseQualityAssurance(value: unknown, check: EntryChecker): QualityAssurance {
  if (!check.record(['qualityAssurance'], value)) return { body: '', type: qualityAssuranceTypes[0] };
  const { body, type } = value;
  return {
    body: check.text(['qualityAssurance', 'body'], body, 200) ? body : '',
    type: check.oneOf(['qualityAssurance', 'type'], type, qualityAssuranceTypes) ? type : qualityAssuranceTypes[0],
  };
}

function parseAward(field: Path, value: unknown, check: EntryChecker): Award {
  if (!check.record(field, value)) return { type: awardTypes[0], description: '', descriptionFr: null, standard: null };
  const { type, description, descriptionFr, standard } = value;
  return {
    type: check.oneOf([...field, 'type'], type, awardTypes) ? type : awardTypes[0],
    description: check.text([...field, 'description'], description, 500) ? description : '',
    descriptionFr: check.optionalText([...field, 'descriptionFr'], descriptionFr, 500) ? descriptionFr : null,
    standard: check.optionalText([...field, 'standard'], standard, 100) ? (standard ?? null) : null,
  };
}

function parsePartner(field: Path, value: unknown, check: EntryChecker): Partner {
  if (!check.record(field, value)) return { name: '', kind: partnerKinds[0] };
  const { name, kind } = value;
  return {
    name: check.text([...field, 'name'], name, 200) ? name : '',
    kind: check.oneOf([...field, 'kind'], kind, partnerKinds) ? kind : partnerKinds[0],
  };
}

function parseSkill(field: Path, value: unknown, check: EntryChecker): Skill {
  if (!check.record(field, value)) return { framework: skillFrameworks[0], code: '', label: '' };
  const { framework, label, code } = value;
  const frameworkValid = check.oneOf([...field, 'framework'], framework, skillFrameworks);
  const labelValid = check.text([...field, 'label'], label, 200);
  const codeValid =
    framework === 'ESCO'
      ? check.format(
          [...field, 'code'],
          code,
          entryFormats.esco,
          'an ESCO concept URI "http://data.europa.eu/esco/skill/<uuid>"',
        )
      : framework === 'ESDC_SCT'
        ? check.format([...field, 'code'], code, entryFormats.sct, 'an ESDC SCT code like "A.01.a.01"')
        : check.text([...field, 'code'], code, 200);
  return {
    framework: frameworkValid ? framework : skillFrameworks[0],
    code: codeValid && typeof code === 'string' ? code : '',
    label: labelValid ? label : '',
  };
}

function parseAssessment(value: unknown, check: EntryChecker): Assessment {
  const placeholder: Assessment = {
    types: [],
    summativeDescription: null,
    passingThreshold: null,
    attemptsAllowed: null,
  };
  if (!check.record(['assessment'], value)) return placeholder;
  const { types, summativeDescription, summativeDescriptionFr, passingThreshold, attemptsAllowed } = value;
  return {
    types: listOf(check, ['assessment', 'types'], types, { min: 1, max: assessmentTypes.length }, (field, type) =>
      check.oneOf(field, type, assessmentTypes) ? type : assessmentTypes[0],
    ),
    summativeDescription: check.optionalText(['assessment', 'summativeDescription'], summativeDescription, 2000)
      ? (summativeDescription ?? null)
      : null,
    summativeDescriptionFr: check.optionalText(['assessment', 'summativeDescriptionFr'], summativeDescriptionFr, 2000)
      ? summativeDescriptionFr
      : null,
    passingThreshold:
      passingThreshold !== null &&
      passingThreshold !== undefined &&
      check.number(['assessment', 'passingThreshold'], passingThreshold, { min: 0, max: 100 })
        ? passingThreshold
        : null,
    attemptsAllowed:
      attemptsAllowed !== null &&
      attemptsAllowed !== undefined &&
      check.number(['assessment', 'attemptsAllowed'], attemptsAllowed, { min: 1, max: 20, integer: true })
        ? attemptsAllowed
        : null,
  };
}

function parseStackability(value: unknown, check: EntryChecker): Stackability {
  if (!check.record(['stackability'], value)) return { kind: stackabilityKinds[0], programs: [] };
  const { kind, programs } = value;
  const parsed: Stackability = {
    kind: check.oneOf(['stackability', 'kind'], kind, stackabilityKinds) ? kind : stackabilityKinds[0],
    programs: listOf(check, ['stackability', 'programs'], programs, { min: 0, max: 20 }, (field, target) =>
      parseStackTarget(field, target, check),
    ),
  };
  if (!Array.isArray(programs)) return parsed;
  if ((kind === 'STACKABLE' || kind === 'INTEGRATED') && programs.length === 0) {
    check.problem(['stackability', 'programs'], 'INCONSISTENT', `must name at least one program when kind is ${kind}`);
  }
  if (kind === 'STANDALONE' && programs.length > 0) {
    check.problem(['stackability', 'programs'], 'INCONSISTENT', 'must be empty when kind is STANDALONE');
  }
  return parsed;
}

function parseStackTarget(field: Path, target: unknown, check: EntryChecker): StackTarget {
  if (!check.record(field, target)) return { name: '', programCode: null, url: null };
  const { name, programCode, url } = target;
  return {
    name: check.text([...field, 'name'], name, 200) ? name : '',
    programCode: check.optionalText([...field, 'programCode'], programCode, 40) ? (programCode ?? null) : null,
    url:
      url !== null &&
      url !== undefined &&
      check.format([...field, 'url'], url, entryFormats.url, 'an absolute http(s) URL or null')
        ? url
        : null,
  };
}

function parseOfferings(value: unknown, check: EntryChecker, entryLanguages: unknown): OfferingInput[] {
  const codes = new Set<string>();
  return listOf(check, ['offerings'], value, { min: 0, max: 100 }, (field, offering) => {
    if (!check.record(field, offering)) return placeholderOffering;
    const { code, startDate, endDate, location, online, priceCad, registrationUrl } = offering;
    const codeValid = check.format(
      [...field, 'code'],
      code,
      entryFormats.offeringCode,
      'a code of letters, digits, ".", "_" or "-"',
    );
    if (codeValid) {
      if (codes.has(code)) check.problem([...field, 'code'], 'DUPLICATE', `"${code}" is used by another offering`);
      codes.add(code);
    }
    const startValid = check.format([...field, 'startDate'], startDate, entryFormats.date, 'a date "YYYY-MM-DD"');
    const endValid = check.format([...field, 'endDate'], endDate, entryFormats.date, 'a date "YYYY-MM-DD"');
    if (startValid && endValid && endDate < startDate) {
      check.problem([...field, 'endDate'], 'DATES_OUT_OF_ORDER', 'must not be before startDate');
    }
    const parsed: OfferingInput = {
      code: codeValid ? code : '',
      startDate: startValid ? startDate : '',
      endDate: endValid ? endDate : '',
      location: check.text([...field, 'location'], location, 200) ? location : '',
      online: check.boolean([...field, 'online'], online) ? online : false,
      priceCad: check.amount([...field, 'priceCad'], priceCad) ? priceCad : 0,
      registrationUrl: check.format(
        [...field, 'registrationUrl'],
        registrationUrl,
        entryFormats.url,
        'an absolute http(s) URL',
      )
        ? registrationUrl
        : '',
    };
    return Object.assign(parsed, parseOfferingDetails(field, offering, check, entryLanguages));
  });
}

const placeholderOffering: OfferingInput = {
  code: '',
  startDate: '',
  endDate: '',
  location: '',
  online: false,
  priceCad: 0,
  registrationUrl: '',
};

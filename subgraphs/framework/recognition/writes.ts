/**
 * Recognition writes. Each is checked in full first (every problem listed at
 * once), then micro-credential references are confirmed through the gateway,
 * then everything is written in one transaction, so a refused write changes
 * nothing.
 */
import { isInstitutionCode } from '../../../runtime/config.js';
import type { FrameworkDatabase } from '../db/connection.js';
import { findInstitutionsByCodes } from '../db/institutionStore.js';
import {
  commonCoreEntryExists,
  findAgreementsByIds,
  findEquivalency,
  insertAgreement,
  insertEquivalencies,
  listCommonCoreEntries,
  listIndustryCredentials,
  listPrograms,
  replaceCommonCoreMembers,
  saveCommonCoreEntryRow,
  saveIndustryCredentialRow,
  saveProgramRow,
  updateAgreementStatus,
  withdrawEquivalencyRow,
  type NewCommonCoreEntry,
  type NewEquivalency,
  type NewStackingRule,
} from '../db/recognitionStore.js';
import {
  agreementKinds,
  agreementStatuses,
  learningItemKinds,
  sectorAreas,
  transferExtents,
  transferUnits,
  type AgreementRow,
  type CommonCoreEntryRow,
  type EquivalencyRow,
  type IndustryCredentialRow,
  type LearningItemKind,
  type ProgramRow,
} from '../db/recognitionSchema.js';
import { badUserInput } from '../../../runtime/graphqlErrors.js';
import { inputRefused } from '../errors.js';
import type { Parsed } from '../../../runtime/checker.js';
import type { Path } from '../../../runtime/problemPath.js';
import type { FrameworkProblemCode } from '../problemCodes.js';
import type { MicroCredentialCheck } from './gatewayCheck.js';
import { institutionOfItem } from './model.js';
import { institutionOfMicroCredentialId } from '../../../runtime/microCredentialId.js';
import { isUuid } from '../db/isUuid.js';
import {
  checkChoice,
  checkDate,
  checkOrder,
  checkText,
  checkUrl,
  type FrameworkChecker,
  frameworkChecker,
} from '../inputChecks.js';

/** What the write needs beyond its input: the database, the gateway check, and the calling institution. */
export interface WriteContext {
  db: FrameworkDatabase;
  checkMicroCredentials: MicroCredentialCheck;
}

export interface LearningItemInput {
  kind: string;
  ref: string;
  title?: string | null;
}

export interface EquivalencyInput {
  agreementId?: string | null;
  receivingInstitution: string;
  from: LearningItemInput;
  for: LearningItemInput;
  value: number;
  unit: string;
  extent: string;
  minimumGrade?: number | null;
  recencyYears?: number | null;
  conditions?: string | null;
  startDate: string;
  endDate?: string | null;
}

export interface AgreementInput {
  name: string;
  description: string;
  kind: string;
  parties: readonly string[];
  dateSigned?: string | null;
  dateEffective: string;
  expirationDate?: string | null;
  equivalencies: readonly EquivalencyInput[];
}

export interface CommonCoreEntryInput {
  code: string;
  title: string;
  titleFr?: string | null;
  description: string;
  descriptionFr?: string | null;
  sectorArea: string;
  requiredCompetencies: readonly string[];
  requiredCompetenciesFr?: readonly string[] | null;
  minimumHours: number;
  endorsingBodies: readonly string[];
}

export interface ProgramInput {
  id: string;
  title: string;
  titleFr?: string | null;
  credential: string;
  credentialFr?: string | null;
  oqfLevel: number;
  totalCredits: number;
  stackingRules: ReadonlyArray<{
    name: string;
    microCredentialIds: readonly string[];
    commonCoreCodes: readonly string[];
    requiredCount: number;
    creditsGranted: number;
  }>;
}

const microCredentialIdPattern = /^[a-z][a-z0-9-]{1,31}:[a-z0-9][a-z0-9-]*$/;
const commonCoreCodePattern = /^[A-Z][A-Z0-9-]{1,31}$/;
const industryCodePattern = /^[a-z0-9][a-z0-9-]{1,63}$/;

/** What local checks know about the world, read once per write. */
interface Known {
  institutions: Set<string>;
  industryCredentials: Set<string>;
  programs: Set<string>;
  commonCore: Set<string>;
}

async function readKnown(db: FrameworkDatabase, institutionCodes: readonly string[]): Promise<Known> {
  const codes = [...new Set(institutionCodes.filter(isInstitutionCode))];
  const [institutions, industry, programs, entries] = await Promise.all([
    findInstitutionsByCodes(db, codes),
    listIndustryCredentials(db),
    listPrograms(db),
    listCommonCoreEntries(db),
  ]);
  return {
    institutions: new Set(institutions.map((row) => row.code)),
    industryCredentials: new Set(industry.map((row) => row.code)),
    programs: new Set(programs.map((row) => row.id)),
    commonCore: new Set(entries.map((row) => row.code)),
  };
}

// ---------------------------------------------------------------- checks

/** Micro-credential ids a write names, with where (for the gateway check's problems). */
export type MicroCredentialRefs = Map<string, Path>;

function checkTextList(check: FrameworkChecker, path: Path, values: readonly string[]): string[] {
  const list = values.map((value, index) => checkText(check, [...path, index], value, 300));
  if (list.length === 0) check.problem(path, 'TOO_FEW_ITEMS', 'must list at least one');
  check.distinct(path, list);
  return list;
}

/** Optional French text: absent or blank is null (the English serves, see runtime/language.ts); otherwise as checkText. */
function checkTranslation(check: FrameworkChecker, path: Path, value: string | null | undefined, max?: number) {
  return value == null || value.trim() === '' ? null : checkText(check, path, value, max);
}

/** A French list parallel to an English one: absent or empty, or one item for each English item. */
function checkTranslatedList(
  check: FrameworkChecker,
  path: Path,
  values: readonly string[] | null | undefined,
  englishLength: number,
): string[] {
  if (values == null || values.length === 0) return [];
  if (values.length !== englishLength)
    check.problem(
      path,
      'INCONSISTENT',
      `must list one French item for each of the ${englishLength} English items, got ${values.length}`,
    );
  return values.map((value, index) => checkText(check, [...path, index], value, 300));
}

function unregistered(check: FrameworkChecker, path: Path, institution: string): false {
  return check.problem(
    path,
    'UNKNOWN_REFERENCE',
    `names institution ${JSON.stringify(institution)}, which is not registered`,
  );
}

/** The shape, and (given what is known) that its institution is registered. */
function checkMicroCredentialId(check: FrameworkChecker, path: Path, id: string, known?: Known): boolean {
  if (!microCredentialIdPattern.test(id)) {
    return check.problem(
      path,
      'INVALID_ID',
      `must be a micro-credential id "<institution>:<slug>", e.g. "humber:data-analytics-fundamentals"; got ${JSON.stringify(id)}`,
    );
  }
  const institution = institutionOfMicroCredentialId(id) ?? '';
  if (known && !known.institutions.has(institution)) return unregistered(check, path, institution);
  return true;
}

/** Local checks of one item; micro-credential ids are collected for the gateway check. */
function checkItem(
  check: FrameworkChecker,
  path: Path,
  input: LearningItemInput,
  known: Known,
  microCredentials: MicroCredentialRefs,
): void {
  const kind = checkChoice<LearningItemKind>(check, [...path, 'kind'], input.kind, learningItemKinds);
  const ref = input.ref;
  const at: Path = [...path, 'ref'];
  if (input.title != null) checkText(check, [...path, 'title'], input.title, 300);
  switch (kind) {
    case 'MICRO_CREDENTIAL':
      checkMicroCredentialId(check, at, ref, known);
      if (microCredentialIdPattern.test(ref)) microCredentials.set(ref, at);
      return;
    case 'COURSE': {
      const match = /^([a-z][a-z0-9-]{1,31}):([A-Za-z0-9][A-Za-z0-9 .-]{0,31})$/.exec(ref);
      if (!match)
        check.problem(
          at,
          'INVALID_ID',
          `must be a course "<institution>:<course code>", e.g. "seneca:DBS311"; got ${JSON.stringify(ref)}`,
        );
      else if (!known.institutions.has(match[1]!)) unregistered(check, at, match[1]!);
      if (input.title == null)
        check.problem(
          [...path, 'title'],
          'REQUIRED',
          'is needed for a course (the directory does not hold course titles)',
        );
      return;
    }
    case 'INDUSTRY_CREDENTIAL':
      if (!known.industryCredentials.has(ref))
        check.problem(
          at,
          'UNKNOWN_REFERENCE',
          `names no industry credential (${JSON.stringify(ref)}); the province registers them with saveIndustryCredential`,
        );
      return;
    case 'CREDIT_BLOCK': {
      const hash = ref.indexOf('#');
      const program = hash > 0 ? ref.slice(0, hash) : '';
      if (hash <= 0 || hash === ref.length - 1)
        check.problem(
          at,
          'INVALID_ID',
          `must be a credit block "<program id>#<block name>", e.g. "humber:BAN-GC#electives"; got ${JSON.stringify(ref)}`,
        );
      else if (!known.programs.has(program))
        check.problem(at, 'UNKNOWN_REFERENCE', `names program ${JSON.stringify(program)}, which is not recorded`);
      return;
    }
  }
}

/** What an equivalency is recorded under: an agreement's parties and dates, when it belongs to one. */
type AgreementTerms = Pick<AgreementRow, 'parties' | 'dateEffective' | 'expirationDate'>;

function checkEquivalency(
  check: FrameworkChecker,
  path: Path,
  input: EquivalencyInput,
  known: Known,
  microCredentials: MicroCredentialRefs,
  agreement: AgreementTerms | null,
): NewEquivalency {
  const at = (...names: string[]): Path => [...path, ...names];
  checkItem(check, at('from'), input.from, known, microCredentials);
  checkItem(check, at('for'), input.for, known, microCredentials);
  if (input.from.kind === input.for.kind && input.from.ref === input.for.ref) {
    check.problem(
      at('for'),
      'INCONSISTENT',
      `must differ from "from": an item is not an equivalency of itself (${JSON.stringify(input.for.ref)})`,
    );
  }
  const receiving = input.receivingInstitution;
  const forInstitution = institutionOfItem({
    kind: input.for.kind as LearningItemKind,
    ref: input.for.ref,
    title: null,
  });
  if (input.for.kind === 'INDUSTRY_CREDENTIAL') {
    check.problem(
      at('for', 'kind'),
      'INCONSISTENT',
      'must be something the receiving institution grants (a micro-credential, course or credit block), not an industry credential',
    );
  } else if (forInstitution !== null && forInstitution !== receiving) {
    check.problem(
      at('for', 'ref'),
      'WRONG_INSTITUTION',
      `must belong to the receiving institution ${JSON.stringify(receiving)}, got one of ${JSON.stringify(forInstitution)}`,
    );
  }
  if (!(input.value > 0) || !Number.isFinite(input.value))
    check.problem(at('value'), 'OUT_OF_RANGE', `must be a number greater than 0, got ${input.value}`);
  const unit = checkChoice(check, at('unit'), input.unit, transferUnits);
  const extent = checkChoice(check, at('extent'), input.extent, transferExtents);
  if (input.minimumGrade != null && !(input.minimumGrade >= 0 && input.minimumGrade <= 100)) {
    check.problem(at('minimumGrade'), 'OUT_OF_RANGE', `must be a percentage from 0 to 100, got ${input.minimumGrade}`);
  }
  if (input.recencyYears != null)
    check.wholeNumber(at('recencyYears'), input.recencyYears, { min: 1, max: 50 }, 'whole number of years');
  const startDate = checkDate(check, at('startDate'), input.startDate) ?? input.startDate;
  const endDate = checkDate(check, at('endDate'), input.endDate);
  checkOrder(check, { path: at('startDate'), value: startDate }, { path: at('endDate'), value: endDate });
  if (agreement) checkAgreementTerms(check, path, input, agreement, startDate);
  return {
    agreementId: null,
    receivingInstitution: receiving,
    fromKind: input.from.kind as LearningItemKind,
    fromRef: input.from.ref,
    fromTitle: input.from.title?.trim() ?? null,
    forKind: input.for.kind as LearningItemKind,
    forRef: input.for.ref,
    forTitle: input.for.title?.trim() ?? null,
    unit,
    value: input.value,
    extent,
    minimumGrade: input.minimumGrade ?? null,
    recencyYears: input.recencyYears ?? null,
    conditions: input.conditions?.trim() || null,
    startDate,
    endDate,
  };
}

/** An equivalency under an agreement starts once it is in effect, and is between its parties. */
function checkAgreementTerms(
  check: FrameworkChecker,
  path: Path,
  input: EquivalencyInput,
  agreement: AgreementTerms,
  startDate: string,
): void {
  checkOrder(
    check,
    { path: 'the agreement’s dateEffective', value: agreement.dateEffective },
    { path: [...path, 'startDate'], value: startDate },
    true,
  );
  if (!agreement.parties.includes(input.receivingInstitution))
    check.problem(
      [...path, 'receivingInstitution'],
      'WRONG_INSTITUTION',
      `${JSON.stringify(input.receivingInstitution)} is not a party to the agreement`,
    );
  const fromInstitution = institutionOfItem({
    kind: input.from.kind as LearningItemKind,
    ref: input.from.ref,
    title: null,
  });
  if (fromInstitution !== null && !agreement.parties.includes(fromInstitution)) {
    check.problem(
      [...path, 'from', 'ref'],
      'WRONG_INSTITUTION',
      `belongs to ${JSON.stringify(fromInstitution)}, which is not a party to the agreement`,
    );
  }
}

/** Local problems first; only a locally valid write asks the gateway. */
export async function confirmThroughGateway(
  context: WriteContext,
  check: FrameworkChecker,
  microCredentials: MicroCredentialRefs,
): Promise<void> {
  if (check.problems.length > 0) throw inputRefused(check.problems);
  const missing = await context.checkMicroCredentials([...microCredentials.keys()]);
  if (missing.length === 0) return;
  // Not found is the caller's to fix; unconfirmed (an institution is down) is worth retrying.
  const code = missing.every((entry) => entry.status === 'NOT_FOUND')
    ? 'MICRO_CREDENTIAL_NOT_FOUND'
    : 'MICRO_CREDENTIAL_UNCONFIRMED';
  throw inputRefused(
    missing.map(({ id, status, reason }) => ({
      path: microCredentials.get(id) ?? [id],
      code: status === 'NOT_FOUND' ? 'MICRO_CREDENTIAL_NOT_FOUND' : 'MICRO_CREDENTIAL_UNCONFIRMED',
      message: `${JSON.stringify(id)} ${reason}`,
    })),
    code,
  );
}

// ---------------------------------------------------------------- writes

export async function recordEquivalency(context: WriteContext, input: EquivalencyInput): Promise<EquivalencyRow> {
  const { db } = context;
  const check = frameworkChecker();
  const microCredentials: MicroCredentialRefs = new Map();
  const known = await readKnown(db, [input.receivingInstitution, ...itemInstitutions(input)]);
  let agreement: AgreementRow | null = null;
  if (input.agreementId != null) {
    agreement = await findAgreement(db, input.agreementId);
    if (!agreement)
      check.problem(
        ['input', 'agreementId'],
        'UNKNOWN_REFERENCE',
        `names no agreement (${JSON.stringify(input.agreementId)})`,
      );
  }
  const values = checkEquivalency(check, ['input'], input, known, microCredentials, agreement);
  await confirmThroughGateway(context, check, microCredentials);
  return db.transaction(async (tx) => {
    const [row] = await insertEquivalencies(tx, [{ ...values, agreementId: agreement?.id ?? null }]);
    return row!;
  });
}

/** The parties: registered, none repeated, as many as the kind of agreement has, the caller among them. */
function checkParties(check: FrameworkChecker, parties: readonly string[], kind: string, caller: string, known: Known) {
  const path: Path = ['input', 'parties'];
  parties.forEach((party, index) => {
    if (!known.institutions.has(party))
      check.problem(
        [...path, index],
        'UNKNOWN_REFERENCE',
        `names no registered institution (${JSON.stringify(party)})`,
      );
  });
  check.distinct(path, parties, 'must not repeat an institution');
  if (kind === 'BILATERAL' && parties.length !== 2)
    check.problem(path, 'INCONSISTENT', `a BILATERAL agreement has exactly 2 parties, got ${parties.length}`);
  if (kind === 'MULTILATERAL' && parties.length < 3)
    check.problem(path, 'INCONSISTENT', `a MULTILATERAL agreement has at least 3 parties, got ${parties.length}`);
  if (!parties.includes(caller))
    check.problem(path, 'WRONG_INSTITUTION', `must include the recording institution ${JSON.stringify(caller)}`);
}

export async function recordAgreement(
  context: WriteContext,
  caller: string,
  input: AgreementInput,
): Promise<AgreementRow> {
  const { db } = context;
  const check = frameworkChecker();
  const microCredentials: MicroCredentialRefs = new Map();
  const parties = [...input.parties];
  const known = await readKnown(db, [...parties, ...input.equivalencies.flatMap(itemInstitutions)]);
  const name = checkText(check, ['input', 'name'], input.name, 300);
  const description = checkText(check, ['input', 'description'], input.description);
  const kind = checkChoice(check, ['input', 'kind'], input.kind, agreementKinds);
  checkParties(check, parties, kind, caller, known);
  const dateSigned = checkDate(check, ['input', 'dateSigned'], input.dateSigned);
  const dateEffective = checkDate(check, ['input', 'dateEffective'], input.dateEffective) ?? input.dateEffective;
  const expirationDate = checkDate(check, ['input', 'expirationDate'], input.expirationDate);
  checkOrder(
    check,
    { path: ['input', 'dateSigned'], value: dateSigned },
    { path: ['input', 'dateEffective'], value: dateEffective },
    true,
  );
  checkOrder(
    check,
    { path: ['input', 'dateEffective'], value: dateEffective },
    { path: ['input', 'expirationDate'], value: expirationDate },
  );
  const terms = { parties, dateEffective, expirationDate };
  const equivalencyValues = input.equivalencies.map((equivalency, index) => {
    const path: Path = ['input', 'equivalencies', index];
    if (equivalency.receivingInstitution !== caller) {
      check.problem(
        [...path, 'receivingInstitution'],
        'WRONG_INSTITUTION',
        `must be the recording institution ${JSON.stringify(caller)}: each party records its own decisions`,
      );
    }
    if (equivalency.agreementId != null)
      check.problem([...path, 'agreementId'], 'INCONSISTENT', 'must be left out: it is the agreement being recorded');
    return checkEquivalency(check, path, equivalency, known, microCredentials, terms);
  });
  await confirmThroughGateway(context, check, microCredentials);
  return db.transaction(async (tx) => {
    const agreement = await insertAgreement(tx, {
      name,
      description,
      kind,
      ownedBy: caller,
      parties,
      dateSigned,
      dateEffective,
      expirationDate,
    });
    await insertEquivalencies(
      tx,
      equivalencyValues.map((values) => ({ ...values, agreementId: agreement.id })),
    );
    return agreement;
  });
}

/** Null for ids that name no agreement (malformed ones included). */
export async function findAgreement(db: FrameworkDatabase, id: string): Promise<AgreementRow | null> {
  if (!isUuid(id)) return null;
  return (await findAgreementsByIds(db, [id]))[0] ?? null;
}

export async function setAgreementStatus(db: FrameworkDatabase, id: string, status: string): Promise<AgreementRow> {
  const check = frameworkChecker();
  const checked = checkChoice(check, ['status'], status, agreementStatuses);
  if (check.problems.length > 0) throw inputRefused(check.problems);
  const row = await updateAgreementStatus(db, id, checked);
  if (!row) throw badUserInput(`id names no agreement (${JSON.stringify(id)})`, 'id');
  return row;
}

export async function findEquivalencyById(db: FrameworkDatabase, id: string): Promise<EquivalencyRow | null> {
  return isUuid(id) ? findEquivalency(db, id) : null;
}

export async function withdrawEquivalency(db: FrameworkDatabase, id: string): Promise<EquivalencyRow> {
  const row = await withdrawEquivalencyRow(db, id);
  if (!row) throw badUserInput(`id names no equivalency (${JSON.stringify(id)})`, 'id');
  return row;
}

/** The row to save, or every problem. */
export function parseCommonCoreEntry(input: CommonCoreEntryInput): Parsed<NewCommonCoreEntry, FrameworkProblemCode> {
  const check = frameworkChecker();
  const at = (field: keyof CommonCoreEntryInput): Path => ['input', field];
  if (!commonCoreCodePattern.test(input.code)) {
    check.problem(
      at('code'),
      'INVALID_ID',
      `must be upper case, 2 to 32 characters (a letter, then letters, digits or "-"), e.g. "CC-DATA-ANALYTICS"; got ${JSON.stringify(input.code)}`,
    );
  }
  const values = {
    code: input.code,
    title: checkText(check, at('title'), input.title, 300),
    titleFr: checkTranslation(check, at('titleFr'), input.titleFr, 300),
    description: checkText(check, at('description'), input.description),
    descriptionFr: checkTranslation(check, at('descriptionFr'), input.descriptionFr),
    sectorArea: checkChoice(check, at('sectorArea'), input.sectorArea, sectorAreas),
    requiredCompetencies: checkTextList(check, at('requiredCompetencies'), input.requiredCompetencies),
    requiredCompetenciesFr: checkTranslatedList(
      check,
      at('requiredCompetenciesFr'),
      input.requiredCompetenciesFr,
      input.requiredCompetencies.length,
    ),
    minimumHours: input.minimumHours,
    endorsingBodies: checkTextList(check, at('endorsingBodies'), input.endorsingBodies),
  };
  if (!(input.minimumHours > 0 && input.minimumHours <= 2000))
    check.problem(
      at('minimumHours'),
      'OUT_OF_RANGE',
      `must be more than 0 and at most 2000, got ${input.minimumHours}`,
    );
  return check.parsed(values);
}

export async function saveCommonCoreEntry(
  db: FrameworkDatabase,
  input: CommonCoreEntryInput,
): Promise<CommonCoreEntryRow> {
  const parsed = parseCommonCoreEntry(input);
  if (!parsed.ok) throw inputRefused(parsed.problems);
  return db.transaction((tx) => saveCommonCoreEntryRow(tx, parsed.value));
}

export async function setCommonCoreMembers(context: WriteContext, code: string, ids: readonly string[]): Promise<void> {
  const { db } = context;
  const check = frameworkChecker();
  const known = await readKnown(
    db,
    ids.map((id) => institutionOfMicroCredentialId(id) ?? ''),
  );
  if (!known.commonCore.has(code))
    check.problem(['code'], 'UNKNOWN_REFERENCE', `names no common-core entry (${JSON.stringify(code)})`);
  check.distinct(['microCredentialIds'], ids, 'must not repeat a micro-credential');
  const microCredentials: MicroCredentialRefs = new Map();
  ids.forEach((id, index) => {
    const path: Path = ['microCredentialIds', index];
    checkMicroCredentialId(check, path, id, known);
    microCredentials.set(id, path);
  });
  await confirmThroughGateway(context, check, microCredentials);
  await db.transaction(async (tx) => {
    if (!(await commonCoreEntryExists(tx, code)))
      throw inputRefused([{ path: ['code'], code: 'UNKNOWN_REFERENCE', message: 'was removed while being updated' }]);
    await replaceCommonCoreMembers(tx, code, ids);
  });
}

/** The row to save, or every problem. */
export function parseIndustryCredential(
  input: IndustryCredentialRow,
): Parsed<IndustryCredentialRow, FrameworkProblemCode> {
  const check = frameworkChecker();
  if (!industryCodePattern.test(input.code))
    check.problem(
      ['input', 'code'],
      'INVALID_ID',
      `must be lower case letters, digits and "-", e.g. "comptia-security-plus"; got ${JSON.stringify(input.code)}`,
    );
  const url = input.url ?? null;
  return check.parsed({
    code: input.code,
    name: checkText(check, ['input', 'name'], input.name, 300),
    issuer: checkText(check, ['input', 'issuer'], input.issuer, 300),
    url: url === null ? null : checkUrl(check, ['input', 'url'], url),
  });
}

export async function saveIndustryCredential(
  db: FrameworkDatabase,
  input: IndustryCredentialRow,
): Promise<IndustryCredentialRow> {
  const parsed = parseIndustryCredential(input);
  if (!parsed.ok) throw inputRefused(parsed.problems);
  return saveIndustryCredentialRow(db, parsed.value);
}

function checkProgramId(check: FrameworkChecker, id: string, caller: string): void {
  if (!/^[a-z][a-z0-9-]{1,31}:[A-Za-z0-9][A-Za-z0-9-]{0,31}$/.test(id)) {
    check.problem(
      ['input', 'id'],
      'INVALID_ID',
      `must be "<institution>:<program code>", e.g. "humber:BAN-GC"; got ${JSON.stringify(id)}`,
    );
  } else if (institutionOfMicroCredentialId(id) !== caller) {
    check.problem(['input', 'id'], 'WRONG_INSTITUTION', `must start with the recording institution "${caller}:"`);
  }
}

function checkStackingRule(
  check: FrameworkChecker,
  path: Path,
  rule: ProgramInput['stackingRules'][number],
  known: Known,
  microCredentials: MicroCredentialRefs,
): NewStackingRule {
  const at = (field: string): Path => [...path, field];
  rule.microCredentialIds.forEach((id, position) => {
    checkMicroCredentialId(check, [...at('microCredentialIds'), position], id, known);
    microCredentials.set(id, [...at('microCredentialIds'), position]);
  });
  rule.commonCoreCodes.forEach((code, position) => {
    if (!known.commonCore.has(code))
      check.problem(
        [...at('commonCoreCodes'), position],
        'UNKNOWN_REFERENCE',
        `names no common-core entry (${JSON.stringify(code)})`,
      );
  });
  if (!(Number.isInteger(rule.requiredCount) && rule.requiredCount >= 1))
    check.problem(
      at('requiredCount'),
      'OUT_OF_RANGE',
      `must be a whole number of at least 1, got ${rule.requiredCount}`,
    );
  else if (rule.commonCoreCodes.length === 0 && rule.microCredentialIds.length < rule.requiredCount) {
    check.problem(
      at('requiredCount'),
      'INCONSISTENT',
      `asks for ${rule.requiredCount} but the rule lists only ${rule.microCredentialIds.length} micro-credentials and no common-core entry`,
    );
  }
  if (!(rule.creditsGranted >= 0))
    check.problem(at('creditsGranted'), 'OUT_OF_RANGE', `must be 0 or more, got ${rule.creditsGranted}`);
  return {
    name: checkText(check, at('name'), rule.name, 300),
    microCredentialIds: [...new Set(rule.microCredentialIds)],
    commonCoreCodes: [...new Set(rule.commonCoreCodes)],
    requiredCount: rule.requiredCount,
    creditsGranted: rule.creditsGranted,
  };
}

export async function saveProgram(context: WriteContext, caller: string, input: ProgramInput): Promise<ProgramRow> {
  const { db } = context;
  const check = frameworkChecker();
  const microCredentials: MicroCredentialRefs = new Map();
  const allIds = input.stackingRules.flatMap((rule) => rule.microCredentialIds);
  const known = await readKnown(
    db,
    allIds.map((id) => institutionOfMicroCredentialId(id) ?? ''),
  );
  checkProgramId(check, input.id, caller);
  const program: ProgramRow = {
    id: input.id,
    institutionCode: caller,
    title: checkText(check, ['input', 'title'], input.title, 300),
    titleFr: checkTranslation(check, ['input', 'titleFr'], input.titleFr, 300),
    credential: checkText(check, ['input', 'credential'], input.credential, 300),
    credentialFr: checkTranslation(check, ['input', 'credentialFr'], input.credentialFr, 300),
    oqfLevel: input.oqfLevel,
    totalCredits: input.totalCredits,
  };
  check.wholeNumber(['input', 'oqfLevel'], input.oqfLevel, { min: 1, max: 13 }, 'OQF level (a whole number)');
  if (!(input.totalCredits > 0))
    check.problem(['input', 'totalCredits'], 'OUT_OF_RANGE', `must be greater than 0, got ${input.totalCredits}`);
  if (input.stackingRules.length === 0)
    check.problem(['input', 'stackingRules'], 'TOO_FEW_ITEMS', 'must list at least one rule');
  const rules = input.stackingRules.map((rule, index) =>
    checkStackingRule(check, ['input', 'stackingRules', index], rule, known, microCredentials),
  );
  const granted = rules.reduce((total, rule) => total + rule.creditsGranted, 0);
  if (granted > input.totalCredits)
    check.problem(
      ['input', 'stackingRules'],
      'INCONSISTENT',
      `grant ${granted} credits, more than the program's ${input.totalCredits}`,
    );
  await confirmThroughGateway(context, check, microCredentials);
  return db.transaction((tx) => saveProgramRow(tx, program, rules));
}

function itemInstitutions(input: EquivalencyInput): string[] {
  return [input.from, input.for].flatMap((item) => {
    const code = institutionOfItem({ kind: item.kind as LearningItemKind, ref: item.ref, title: null });
    return code ? [code] : [];
  });
}

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
import { inputRefused, type InputProblem } from '../errors.js';
import { httpUrlProblem } from '../formats.js';
import type { MicroCredentialCheck } from './gatewayCheck.js';
import { institutionOfItem } from './model.js';
import { institutionOfMicroCredentialId } from '../../../runtime/microCredentialId.js';
import { checkChoice, checkText } from '../inputChecks.js';

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

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

function checkDate(value: string | null | undefined, field: string, problems: InputProblem[]): string | null {
  if (value == null) return null;
  if (!isIsoDate(value))
    problems.push({ field, message: `must be a calendar date YYYY-MM-DD, got ${JSON.stringify(value)}` });
  return value;
}

/** `earlier` must come strictly before `later` (or on the same day when `allowSameDay`). */
function checkOrder(
  earlier: string | null,
  later: string | null,
  fields: [string, string],
  problems: InputProblem[],
  allowSameDay = false,
): void {
  if (earlier === null || later === null || !isIsoDate(earlier) || !isIsoDate(later)) return;
  if (later < earlier || (!allowSameDay && later === earlier)) {
    problems.push({
      field: fields[1],
      message: `must be ${allowSameDay ? 'on or ' : ''}after ${fields[0]} (${earlier}), got ${later}`,
    });
  }
}

function checkTextList(values: readonly string[], field: string, problems: InputProblem[]): string[] {
  const list = values.map((value, index) => checkText(value, `${field}[${index}]`, problems, 300));
  if (list.length === 0) problems.push({ field, message: 'must list at least one' });
  if (new Set(list).size !== list.length) problems.push({ field, message: 'must not repeat an item' });
  return list;
}

/** Optional French text: absent or blank is null (the English serves, see runtime/language.ts); otherwise as checkText. */
function checkOptionalText(
  value: string | null | undefined,
  field: string,
  problems: InputProblem[],
  max?: number,
): string | null {
  return value == null || value.trim() === '' ? null : checkText(value, field, problems, max);
}

/** A French list parallel to an English one: absent or empty, or one item for each English item. */
function checkTranslatedList(
  values: readonly string[] | null | undefined,
  englishLength: number,
  field: string,
  problems: InputProblem[],
): string[] {
  if (values == null || values.length === 0) return [];
  if (values.length !== englishLength)
    problems.push({
      field,
      message: `must list one French item for each of the ${englishLength} English items, got ${values.length}`,
    });
  return values.map((value, index) => checkText(value, `${field}[${index}]`, problems, 300));
}

function checkMicroCredentialId(id: string, field: string, problems: InputProblem[], known?: Known): void {
  if (!microCredentialIdPattern.test(id)) {
    problems.push({
      field,
      message: `must be a micro-credential id "<institution>:<slug>", e.g. "humber:data-analytics-fundamentals"; got ${JSON.stringify(id)}`,
    });
    return;
  }
  const institution = institutionOfMicroCredentialId(id) ?? '';
  if (known && !known.institutions.has(institution))
    problems.push({ field, message: `names institution ${JSON.stringify(institution)}, which is not registered` });
}

/** Local checks of one item; micro-credential ids are collected for the gateway check. */
function checkItem(
  input: LearningItemInput,
  field: string,
  problems: InputProblem[],
  known: Known,
  microCredentials: Map<string, string>,
): void {
  const kind = checkChoice<LearningItemKind>(input.kind, learningItemKinds, `${field}.kind`, problems);
  const ref = input.ref;
  const at = `${field}.ref`;
  if (input.title != null) checkText(input.title, `${field}.title`, problems, 300);
  switch (kind) {
    case 'MICRO_CREDENTIAL':
      checkMicroCredentialId(ref, at, problems, known);
      if (microCredentialIdPattern.test(ref)) microCredentials.set(ref, at);
      return;
    case 'COURSE': {
      const match = /^([a-z][a-z0-9-]{1,31}):([A-Za-z0-9][A-Za-z0-9 .-]{0,31})$/.exec(ref);
      if (!match)
        problems.push({
          field: at,
          message: `must be a course "<institution>:<course code>", e.g. "seneca:DBS311"; got ${JSON.stringify(ref)}`,
        });
      else if (!known.institutions.has(match[1]!))
        problems.push({ field: at, message: `names institution ${JSON.stringify(match[1])}, which is not registered` });
      if (input.title == null)
        problems.push({
          field: `${field}.title`,
          message: 'is needed for a course (the directory does not hold course titles)',
        });
      return;
    }
    case 'INDUSTRY_CREDENTIAL':
      if (!known.industryCredentials.has(ref))
        problems.push({
          field: at,
          message: `names no industry credential (${JSON.stringify(ref)}); the province registers them with saveIndustryCredential`,
        });
      return;
    case 'CREDIT_BLOCK': {
      const hash = ref.indexOf('#');
      const program = hash > 0 ? ref.slice(0, hash) : '';
      if (hash <= 0 || hash === ref.length - 1)
        problems.push({
          field: at,
          message: `must be a credit block "<program id>#<block name>", e.g. "humber:BAN-GC#electives"; got ${JSON.stringify(ref)}`,
        });
      else if (!known.programs.has(program))
        problems.push({ field: at, message: `names program ${JSON.stringify(program)}, which is not recorded` });
      return;
    }
  }
}

function checkEquivalency(
  input: EquivalencyInput,
  field: string,
  problems: InputProblem[],
  known: Known,
  microCredentials: Map<string, string>,
  agreement: AgreementRow | { parties: string[]; dateEffective: string; expirationDate: string | null } | null,
): NewEquivalency {
  const at = (name: string) => `${field}.${name}`;
  checkItem(input.from, at('from'), problems, known, microCredentials);
  checkItem(input.for, at('for'), problems, known, microCredentials);
  if (input.from.kind === input.for.kind && input.from.ref === input.for.ref) {
    problems.push({
      field: at('for'),
      message: `must differ from "from": an item is not an equivalency of itself (${JSON.stringify(input.for.ref)})`,
    });
  }
  const receiving = input.receivingInstitution;
  const forInstitution = institutionOfItem({
    kind: input.for.kind as LearningItemKind,
    ref: input.for.ref,
    title: null,
  });
  if (input.for.kind === 'INDUSTRY_CREDENTIAL') {
    problems.push({
      field: at('for.kind'),
      message:
        'must be something the receiving institution grants (a micro-credential, course or credit block), not an industry credential',
    });
  } else if (forInstitution !== null && forInstitution !== receiving) {
    problems.push({
      field: at('for.ref'),
      message: `must belong to the receiving institution ${JSON.stringify(receiving)}, got one of ${JSON.stringify(forInstitution)}`,
    });
  }
  if (!(input.value > 0) || !Number.isFinite(input.value))
    problems.push({ field: at('value'), message: `must be a number greater than 0, got ${input.value}` });
  const unit = checkChoice(input.unit, transferUnits, at('unit'), problems);
  const extent = checkChoice(input.extent, transferExtents, at('extent'), problems);
  if (input.minimumGrade != null && !(input.minimumGrade >= 0 && input.minimumGrade <= 100)) {
    problems.push({
      field: at('minimumGrade'),
      message: `must be a percentage from 0 to 100, got ${input.minimumGrade}`,
    });
  }
  if (
    input.recencyYears != null &&
    !(Number.isInteger(input.recencyYears) && input.recencyYears >= 1 && input.recencyYears <= 50)
  ) {
    problems.push({
      field: at('recencyYears'),
      message: `must be a whole number of years from 1 to 50, got ${input.recencyYears}`,
    });
  }
  const startDate = checkDate(input.startDate, at('startDate'), problems) ?? input.startDate;
  const endDate = checkDate(input.endDate, at('endDate'), problems);
  checkOrder(startDate, endDate, [at('startDate'), at('endDate')], problems);
  if (agreement) {
    checkOrder(agreement.dateEffective, startDate, ['the agreement’s dateEffective', at('startDate')], problems, true);
    if (!agreement.parties.includes(receiving))
      problems.push({
        field: at('receivingInstitution'),
        message: `${JSON.stringify(receiving)} is not a party to the agreement`,
      });
    const fromInstitution = institutionOfItem({
      kind: input.from.kind as LearningItemKind,
      ref: input.from.ref,
      title: null,
    });
    if (fromInstitution !== null && !agreement.parties.includes(fromInstitution)) {
      problems.push({
        field: at('from.ref'),
        message: `belongs to ${JSON.stringify(fromInstitution)}, which is not a party to the agreement`,
      });
    }
  }
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

/** Local problems first; only a locally valid write asks the gateway. */
export async function confirmThroughGateway(
  context: WriteContext,
  problems: InputProblem[],
  microCredentials: Map<string, string>,
): Promise<void> {
  if (problems.length > 0) throw inputRefused(problems);
  const missing = await context.checkMicroCredentials([...microCredentials.keys()]);
  if (missing.length === 0) return;
  // Not found is the caller's to fix; unconfirmed (an institution is down) is worth retrying.
  const code = missing.every((entry) => entry.status === 'NOT_FOUND')
    ? 'MICRO_CREDENTIAL_NOT_FOUND'
    : 'MICRO_CREDENTIAL_UNCONFIRMED';
  throw inputRefused(
    missing.map(({ id, reason }) => ({
      field: microCredentials.get(id) ?? id,
      message: `${JSON.stringify(id)} ${reason}`,
    })),
    code,
  );
}

// ---------------------------------------------------------------- writes

export async function recordEquivalency(context: WriteContext, input: EquivalencyInput): Promise<EquivalencyRow> {
  const { db } = context;
  const problems: InputProblem[] = [];
  const microCredentials = new Map<string, string>();
  const known = await readKnown(db, [input.receivingInstitution, ...itemInstitutions(input)]);
  let agreement: AgreementRow | null = null;
  if (input.agreementId != null) {
    agreement = /^[0-9a-f-]{36}$/i.test(input.agreementId)
      ? ((await findAgreementsByIds(db, [input.agreementId]))[0] ?? null)
      : null;
    if (!agreement)
      problems.push({
        field: 'input.agreementId',
        message: `names no agreement (${JSON.stringify(input.agreementId)})`,
      });
  }
  const values = checkEquivalency(input, 'input', problems, known, microCredentials, agreement);
  await confirmThroughGateway(context, problems, microCredentials);
  return db.transaction(async (tx) => {
    const [row] = await insertEquivalencies(tx, [{ ...values, agreementId: agreement?.id ?? null }]);
    return row!;
  });
}

export async function recordAgreement(
  context: WriteContext,
  caller: string,
  input: AgreementInput,
): Promise<AgreementRow> {
  const { db } = context;
  const problems: InputProblem[] = [];
  const microCredentials = new Map<string, string>();
  const parties = [...input.parties];
  const known = await readKnown(db, [...parties, ...input.equivalencies.flatMap(itemInstitutions)]);
  const name = checkText(input.name, 'input.name', problems, 300);
  const description = checkText(input.description, 'input.description', problems);
  const kind = checkChoice(input.kind, agreementKinds, 'input.kind', problems);
  parties.forEach((party, index) => {
    if (!known.institutions.has(party))
      problems.push({
        field: `input.parties[${index}]`,
        message: `names no registered institution (${JSON.stringify(party)})`,
      });
  });
  if (new Set(parties).size !== parties.length)
    problems.push({ field: 'input.parties', message: 'must not repeat an institution' });
  if (kind === 'BILATERAL' && parties.length !== 2)
    problems.push({
      field: 'input.parties',
      message: `a BILATERAL agreement has exactly 2 parties, got ${parties.length}`,
    });
  if (kind === 'MULTILATERAL' && parties.length < 3)
    problems.push({
      field: 'input.parties',
      message: `a MULTILATERAL agreement has at least 3 parties, got ${parties.length}`,
    });
  if (!parties.includes(caller))
    problems.push({
      field: 'input.parties',
      message: `must include the recording institution ${JSON.stringify(caller)}`,
    });
  const dateSigned = checkDate(input.dateSigned, 'input.dateSigned', problems);
  const dateEffective = checkDate(input.dateEffective, 'input.dateEffective', problems) ?? input.dateEffective;
  const expirationDate = checkDate(input.expirationDate, 'input.expirationDate', problems);
  checkOrder(dateSigned, dateEffective, ['input.dateSigned', 'input.dateEffective'], problems, true);
  checkOrder(dateEffective, expirationDate, ['input.dateEffective', 'input.expirationDate'], problems);
  const terms = { parties, dateEffective, expirationDate };
  const equivalencyValues = input.equivalencies.map((equivalency, index) => {
    const field = `input.equivalencies[${index}]`;
    if (equivalency.receivingInstitution !== caller) {
      problems.push({
        field: `${field}.receivingInstitution`,
        message: `must be the recording institution ${JSON.stringify(caller)}: each party records its own decisions`,
      });
    }
    if (equivalency.agreementId != null)
      problems.push({ field: `${field}.agreementId`, message: 'must be left out: it is the agreement being recorded' });
    return checkEquivalency(equivalency, field, problems, known, microCredentials, terms);
  });
  await confirmThroughGateway(context, problems, microCredentials);
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
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  return (await findAgreementsByIds(db, [id]))[0] ?? null;
}

export async function setAgreementStatus(db: FrameworkDatabase, id: string, status: string): Promise<AgreementRow> {
  const problems: InputProblem[] = [];
  const checked = checkChoice(status, agreementStatuses, 'status', problems);
  if (problems.length > 0) throw inputRefused(problems);
  const row = await updateAgreementStatus(db, id, checked);
  if (!row) throw badUserInput(`id names no agreement (${JSON.stringify(id)})`, 'id');
  return row;
}

export async function findEquivalencyById(db: FrameworkDatabase, id: string): Promise<EquivalencyRow | null> {
  return /^[0-9a-f-]{36}$/i.test(id) ? findEquivalency(db, id) : null;
}

export async function withdrawEquivalency(db: FrameworkDatabase, id: string): Promise<EquivalencyRow> {
  const row = await withdrawEquivalencyRow(db, id);
  if (!row) throw badUserInput(`id names no equivalency (${JSON.stringify(id)})`, 'id');
  return row;
}

export async function saveCommonCoreEntry(
  db: FrameworkDatabase,
  input: CommonCoreEntryInput,
): Promise<CommonCoreEntryRow> {
  const problems: InputProblem[] = [];
  if (!commonCoreCodePattern.test(input.code)) {
    problems.push({
      field: 'input.code',
      message: `must be upper case, 2 to 32 characters (a letter, then letters, digits or "-"), e.g. "CC-DATA-ANALYTICS"; got ${JSON.stringify(input.code)}`,
    });
  }
  const values = {
    code: input.code,
    title: checkText(input.title, 'input.title', problems, 300),
    titleFr: checkOptionalText(input.titleFr, 'input.titleFr', problems, 300),
    description: checkText(input.description, 'input.description', problems),
    descriptionFr: checkOptionalText(input.descriptionFr, 'input.descriptionFr', problems),
    sectorArea: checkChoice(input.sectorArea, sectorAreas, 'input.sectorArea', problems),
    requiredCompetencies: checkTextList(input.requiredCompetencies, 'input.requiredCompetencies', problems),
    requiredCompetenciesFr: checkTranslatedList(
      input.requiredCompetenciesFr,
      input.requiredCompetencies.length,
      'input.requiredCompetenciesFr',
      problems,
    ),
    minimumHours: input.minimumHours,
    endorsingBodies: checkTextList(input.endorsingBodies, 'input.endorsingBodies', problems),
  };
  if (!(input.minimumHours > 0 && input.minimumHours <= 2000))
    problems.push({
      field: 'input.minimumHours',
      message: `must be more than 0 and at most 2000, got ${input.minimumHours}`,
    });
  if (problems.length > 0) throw inputRefused(problems);
  return db.transaction((tx) => saveCommonCoreEntryRow(tx, values));
}

export async function setCommonCoreMembers(context: WriteContext, code: string, ids: readonly string[]): Promise<void> {
  const { db } = context;
  const problems: InputProblem[] = [];
  const known = await readKnown(
    db,
    ids.map((id) => institutionOfMicroCredentialId(id) ?? ''),
  );
  if (!known.commonCore.has(code))
    problems.push({ field: 'code', message: `names no common-core entry (${JSON.stringify(code)})` });
  if (new Set(ids).size !== ids.length)
    problems.push({ field: 'microCredentialIds', message: 'must not repeat a micro-credential' });
  const microCredentials = new Map<string, string>();
  ids.forEach((id, index) => {
    const field = `microCredentialIds[${index}]`;
    checkMicroCredentialId(id, field, problems, known);
    microCredentials.set(id, field);
  });
  await confirmThroughGateway(context, problems, microCredentials);
  await db.transaction(async (tx) => {
    if (!(await commonCoreEntryExists(tx, code)))
      throw inputRefused([{ field: 'code', message: 'was removed while being updated' }]);
    await replaceCommonCoreMembers(tx, code, ids);
  });
}

export async function saveIndustryCredential(
  db: FrameworkDatabase,
  input: IndustryCredentialRow,
): Promise<IndustryCredentialRow> {
  const problems: InputProblem[] = [];
  if (!industryCodePattern.test(input.code))
    problems.push({
      field: 'input.code',
      message: `must be lower case letters, digits and "-", e.g. "comptia-security-plus"; got ${JSON.stringify(input.code)}`,
    });
  const values = {
    code: input.code,
    name: checkText(input.name, 'input.name', problems, 300),
    issuer: checkText(input.issuer, 'input.issuer', problems, 300),
    url: input.url ?? null,
  };
  const urlProblem = values.url === null ? undefined : httpUrlProblem(values.url);
  if (urlProblem) problems.push({ field: 'input.url', message: urlProblem });
  if (problems.length > 0) throw inputRefused(problems);
  return saveIndustryCredentialRow(db, values);
}

export async function saveProgram(context: WriteContext, caller: string, input: ProgramInput): Promise<ProgramRow> {
  const { db } = context;
  const problems: InputProblem[] = [];
  const microCredentials = new Map<string, string>();
  const allIds = input.stackingRules.flatMap((rule) => rule.microCredentialIds);
  const known = await readKnown(
    db,
    allIds.map((id) => institutionOfMicroCredentialId(id) ?? ''),
  );
  if (!/^[a-z][a-z0-9-]{1,31}:[A-Za-z0-9][A-Za-z0-9-]{0,31}$/.test(input.id)) {
    problems.push({
      field: 'input.id',
      message: `must be "<institution>:<program code>", e.g. "humber:BAN-GC"; got ${JSON.stringify(input.id)}`,
    });
  } else if (institutionOfMicroCredentialId(input.id) !== caller) {
    problems.push({ field: 'input.id', message: `must start with the recording institution "${caller}:"` });
  }
  const program: ProgramRow = {
    id: input.id,
    institutionCode: caller,
    title: checkText(input.title, 'input.title', problems, 300),
    titleFr: checkOptionalText(input.titleFr, 'input.titleFr', problems, 300),
    credential: checkText(input.credential, 'input.credential', problems, 300),
    credentialFr: checkOptionalText(input.credentialFr, 'input.credentialFr', problems, 300),
    oqfLevel: input.oqfLevel,
    totalCredits: input.totalCredits,
  };
  if (!(Number.isInteger(input.oqfLevel) && input.oqfLevel >= 1 && input.oqfLevel <= 13))
    problems.push({ field: 'input.oqfLevel', message: `must be an OQF level from 1 to 13, got ${input.oqfLevel}` });
  if (!(input.totalCredits > 0))
    problems.push({ field: 'input.totalCredits', message: `must be greater than 0, got ${input.totalCredits}` });
  if (input.stackingRules.length === 0)
    problems.push({ field: 'input.stackingRules', message: 'must list at least one rule' });
  const rules: NewStackingRule[] = input.stackingRules.map((rule, index) => {
    const at = (name: string) => `input.stackingRules[${index}].${name}`;
    rule.microCredentialIds.forEach((id, position) => {
      checkMicroCredentialId(id, `${at('microCredentialIds')}[${position}]`, problems, known);
      microCredentials.set(id, `${at('microCredentialIds')}[${position}]`);
    });
    rule.commonCoreCodes.forEach((code, position) => {
      if (!known.commonCore.has(code))
        problems.push({
          field: `${at('commonCoreCodes')}[${position}]`,
          message: `names no common-core entry (${JSON.stringify(code)})`,
        });
    });
    if (!(Number.isInteger(rule.requiredCount) && rule.requiredCount >= 1))
      problems.push({
        field: at('requiredCount'),
        message: `must be a whole number of at least 1, got ${rule.requiredCount}`,
      });
    else if (rule.commonCoreCodes.length === 0 && rule.microCredentialIds.length < rule.requiredCount) {
      problems.push({
        field: at('requiredCount'),
        message: `asks for ${rule.requiredCount} but the rule lists only ${rule.microCredentialIds.length} micro-credentials and no common-core entry`,
      });
    }
    if (!(rule.creditsGranted >= 0))
      problems.push({ field: at('creditsGranted'), message: `must be 0 or more, got ${rule.creditsGranted}` });
    return {
      name: checkText(rule.name, at('name'), problems, 300),
      microCredentialIds: [...new Set(rule.microCredentialIds)],
      commonCoreCodes: [...new Set(rule.commonCoreCodes)],
      requiredCount: rule.requiredCount,
      creditsGranted: rule.creditsGranted,
    };
  });
  const granted = rules.reduce((total, rule) => total + rule.creditsGranted, 0);
  if (granted > input.totalCredits)
    problems.push({
      field: 'input.stackingRules',
      message: `grant ${granted} credits, more than the program's ${input.totalCredits}`,
    });
  await confirmThroughGateway(context, problems, microCredentials);
  return db.transaction((tx) => saveProgramRow(tx, program, rules));
}

function itemInstitutions(input: EquivalencyInput): string[] {
  return [input.from, input.for].flatMap((item) => {
    const code = institutionOfItem({ kind: item.kind as LearningItemKind, ref: item.ref, title: null });
    return code ? [code] : [];
  });
}

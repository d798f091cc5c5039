/**
 * Trust-mark writes. Each input is checked in full first (every problem at
 * once), then the micro-credential is confirmed through the gateway (it must
 * be published or sunset at its institution), then written in one statement
 * or transaction, so a refused write changes nothing.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import { isCalendarDate } from '../../../runtime/stringFormats.js';
import { institutionOfMicroCredentialId } from '../../../runtime/microCredentialId.js';
import { forbidden } from '../../../runtime/graphqlErrors.js';
import {
  endorserKinds,
  endorsements,
  endorsers,
  osapApprovals,
  qualityAssuranceBodies,
  qualityAssuranceVerifications,
  type EndorsementRow,
  type EndorserRow,
  type OsapApprovalRow,
  type QualityAssuranceVerificationRow,
} from '../db/trustMarkSchema.js';
import { inputRefused, type InputProblem } from '../errors.js';
import { isUuid } from '../db/isUuid.js';
import { institutionExists } from '../db/institutionStore.js';
import { httpUrlProblem } from '../formats.js';
import { checkChoice, checkText } from '../inputChecks.js';
import { confirmThroughGateway, type WriteContext } from '../recognition/writes.js';

export interface OsapApprovalInput {
  microCredentialId: string;
  reference: string;
  attestedBy: string;
  validFrom: string;
  validUntil?: string | null;
  ruleException?: string | null;
}

export interface QualityAssuranceVerificationInput {
  microCredentialId: string;
  body: string;
  bodyName: string;
  scope: string;
  reference?: string | null;
  verifiedOn: string;
  validUntil?: string | null;
}

export interface EndorserInput {
  id: string;
  name: string;
  kind: string;
  website: string;
}

export interface EndorsementInput {
  microCredentialId: string;
  statement: string;
  validFrom: string;
  validUntil?: string | null;
}

function checkMicroCredentialId(id: string, problems: InputProblem[]): void {
  if (institutionOfMicroCredentialId(id) === undefined)
    problems.push({
      field: 'input.microCredentialId',
      message: `must be "<institution>:<slug>", got ${JSON.stringify(id)}`,
    });
}

/** Both dates well formed, and `until` (when given) not before `from`. */
function checkDates(from: string, until: string | null | undefined, names: [string, string], problems: InputProblem[]) {
  const [fromField, untilField] = names;
  if (!isCalendarDate(from))
    problems.push({ field: fromField, message: `must be a date YYYY-MM-DD, got ${JSON.stringify(from)}` });
  if (until == null) return;
  if (!isCalendarDate(until))
    problems.push({ field: untilField, message: `must be a date YYYY-MM-DD, got ${JSON.stringify(until)}` });
  else if (isCalendarDate(from) && until < from)
    problems.push({ field: untilField, message: `must not be before ${fromField}` });
}

function optionalText(value: string | null | undefined, field: string, problems: InputProblem[], max: number) {
  return value == null ? null : checkText(value, field, problems, max);
}

async function confirm(context: WriteContext, problems: InputProblem[], microCredentialId: string): Promise<void> {
  await confirmThroughGateway(context, problems, new Map([[microCredentialId, 'input.microCredentialId']]));
}

/** Replaces the entry's current approval (withdrawn as superseded) with this one, atomically. */
export async function attestOsapApproval(context: WriteContext, input: OsapApprovalInput): Promise<OsapApprovalRow> {
  const problems: InputProblem[] = [];
  checkMicroCredentialId(input.microCredentialId, problems);
  const reference = checkText(input.reference, 'input.reference', problems, 100);
  const attestedBy = checkText(input.attestedBy, 'input.attestedBy', problems, 200);
  const ruleException = optionalText(input.ruleException, 'input.ruleException', problems, 1000);
  checkDates(input.validFrom, input.validUntil, ['input.validFrom', 'input.validUntil'], problems);
  // Approval may precede publication (an institution publishes an exception case only once it holds one),
  // so the entry need not be public yet; its institution must be registered.
  const institution = institutionOfMicroCredentialId(input.microCredentialId);
  if (institution !== undefined && !(await institutionExists(context.db, institution)))
    problems.push({
      field: 'input.microCredentialId',
      message: `names no registered institution (${JSON.stringify(institution)})`,
    });
  if (problems.length > 0) throw inputRefused(problems);
  return refuseConcurrentWrite(() =>
    context.db.transaction(async (tx) => {
      await tx
        .update(osapApprovals)
        .set({ withdrawnAt: sql`now()`, withdrawalReason: 'superseded by a new attestation' })
        .where(and(eq(osapApprovals.microCredentialId, input.microCredentialId), isNull(osapApprovals.withdrawnAt)));
      const [row] = await tx
        .insert(osapApprovals)
        .values({
          microCredentialId: input.microCredentialId,
          reference,
          attestedBy,
          validFrom: input.validFrom,
          validUntil: input.validUntil ?? null,
          ruleException,
        })
        .returning();
      return row!;
    }),
  );
}

export async function withdrawOsapApproval(
  context: WriteContext,
  microCredentialId: string,
  reason: string,
): Promise<OsapApprovalRow | null> {
  const problems: InputProblem[] = [];
  const why = checkText(reason, 'reason', problems, 1000);
  if (problems.length > 0) throw inputRefused(problems);
  const [row] = await context.db
    .update(osapApprovals)
    .set({ withdrawnAt: sql`now()`, withdrawalReason: why })
    .where(and(eq(osapApprovals.microCredentialId, microCredentialId), isNull(osapApprovals.withdrawnAt)))
    .returning();
  return row ?? null;
}

export async function recordQualityAssuranceVerification(
  context: WriteContext,
  input: QualityAssuranceVerificationInput,
): Promise<QualityAssuranceVerificationRow> {
  const problems: InputProblem[] = [];
  checkMicroCredentialId(input.microCredentialId, problems);
  const body = checkChoice(input.body, qualityAssuranceBodies, 'input.body', problems);
  const bodyName = checkText(input.bodyName, 'input.bodyName', problems, 200);
  const scope = checkText(input.scope, 'input.scope', problems, 200);
  const reference = optionalText(input.reference, 'input.reference', problems, 100);
  checkDates(input.verifiedOn, input.validUntil, ['input.verifiedOn', 'input.validUntil'], problems);
  await confirm(context, problems, input.microCredentialId);
  const [row] = await context.db
    .insert(qualityAssuranceVerifications)
    .values({
      microCredentialId: input.microCredentialId,
      body,
      bodyName,
      scope,
      reference,
      verifiedOn: input.verifiedOn,
      validUntil: input.validUntil ?? null,
    })
    .returning();
  return row!;
}

export async function withdrawQualityAssuranceVerification(
  context: WriteContext,
  id: string,
): Promise<QualityAssuranceVerificationRow> {
  const [row] = isUuid(id)
    ? await context.db
        .update(qualityAssuranceVerifications)
        .set({ withdrawnAt: sql`coalesce(${qualityAssuranceVerifications.withdrawnAt}, now())` })
        .where(eq(qualityAssuranceVerifications.id, id))
        .returning()
    : [];
  if (!row) throw notFound('QUALITY_ASSURANCE_VERIFICATION_NOT_FOUND', `No quality-assurance verification "${id}".`);
  return row;
}

export async function registerEndorser(context: WriteContext, input: EndorserInput): Promise<EndorserRow> {
  const problems: InputProblem[] = [];
  if (!/^[a-z][a-z0-9-]{1,47}$/.test(input.id))
    problems.push({
      field: 'input.id',
      message: `must be 2 to 48 lower-case letters, digits or "-", starting with a letter, got ${JSON.stringify(input.id)}`,
    });
  const name = checkText(input.name, 'input.name', problems, 200);
  const kind = checkChoice(input.kind, endorserKinds, 'input.kind', problems);
  const websiteProblem = httpUrlProblem(input.website);
  if (websiteProblem) problems.push({ field: 'input.website', message: websiteProblem });
  const [taken] = await context.db.select({ id: endorsers.id }).from(endorsers).where(eq(endorsers.id, input.id));
  if (taken) problems.push({ field: 'input.id', message: `${JSON.stringify(input.id)} is registered already` });
  if (problems.length > 0) throw inputRefused(problems, taken ? 'ENDORSER_ALREADY_REGISTERED' : 'BAD_USER_INPUT');
  const [row] = await context.db
    .insert(endorsers)
    .values({ id: input.id, name, kind, website: input.website })
    .returning();
  return row!;
}

/** As `endorserId`, whose key the caller sent. */
export async function endorse(
  context: WriteContext,
  endorserId: string,
  input: EndorsementInput,
): Promise<EndorsementRow> {
  const problems: InputProblem[] = [];
  checkMicroCredentialId(input.microCredentialId, problems);
  const statement = checkText(input.statement, 'input.statement', problems, 1000);
  checkDates(input.validFrom, input.validUntil, ['input.validFrom', 'input.validUntil'], problems);
  const [current] = await context.db
    .select({ id: endorsements.id })
    .from(endorsements)
    .where(
      and(
        eq(endorsements.endorserId, endorserId),
        eq(endorsements.microCredentialId, input.microCredentialId),
        isNull(endorsements.withdrawnAt),
      ),
    );
  if (current) {
    problems.push({
      field: 'input.microCredentialId',
      message: `is endorsed by you already (endorsement ${current.id}): withdraw it first`,
    });
    throw inputRefused(problems, 'ALREADY_ENDORSED');
  }
  await confirm(context, problems, input.microCredentialId);
  const [row] = await refuseConcurrentWrite(() =>
    context.db
      .insert(endorsements)
      .values({
        endorserId,
        microCredentialId: input.microCredentialId,
        statement,
        validFrom: input.validFrom,
        validUntil: input.validUntil ?? null,
      })
      .returning(),
  );
  return row!;
}

/**
 * `by` is the endorser whose key was sent, or PROVINCE. An endorser may only
 * withdraw its own endorsements; withdrawing twice answers the first withdrawal.
 */
export async function withdrawEndorsement(
  context: WriteContext,
  id: string,
  by: { endorser: string } | 'PROVINCE',
): Promise<EndorsementRow> {
  const [existing] = isUuid(id) ? await context.db.select().from(endorsements).where(eq(endorsements.id, id)) : [];
  if (!existing) throw notFound('ENDORSEMENT_NOT_FOUND', `No endorsement "${id}".`);
  if (by !== 'PROVINCE' && existing.endorserId !== by.endorser)
    throw forbidden(
      `Endorsement "${id}" is ${JSON.stringify(existing.endorserId)}'s: an endorser may only withdraw its own.`,
    );
  if (existing.withdrawnAt !== null) return existing;
  const [row] = await context.db
    .update(endorsements)
    .set({ withdrawnAt: sql`now()`, withdrawnBy: by === 'PROVINCE' ? 'PROVINCE' : 'ENDORSER' })
    .where(and(eq(endorsements.id, id), isNull(endorsements.withdrawnAt)))
    .returning();
  return row ?? existing;
}

/**
 * Two writes of the same current mark at once (two attestations of one entry, or one
 * endorser endorsing one entry twice) meet at a unique index: the second is refused
 * with CONFLICT, never with the database's own error.
 */
async function refuseConcurrentWrite<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause ?? (error as { code?: string });
    if (cause?.code !== '23505') throw error;
    throw new GraphQLError(
      'Another write of the same mark happened at the same moment; nothing was written. Try again.',
      {
        extensions: { code: 'CONFLICT' },
      },
    );
  }
}

function notFound(code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

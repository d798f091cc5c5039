/**
 * Trust-mark writes. Each input is checked in full first (every problem at
 * once), then the micro-credential is confirmed through the gateway (it must
 * be published or sunset at its institution), then written in one statement
 * or transaction, so a refused write changes nothing.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
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
import { inputRefused } from '../errors.js';
import type { Path } from '../../../runtime/problemPath.js';
import { isUuid } from '../db/isUuid.js';
import { institutionExists } from '../db/institutionStore.js';
import {
  checkChoice,
  checkDate,
  checkOptionalText,
  checkOrder,
  checkText,
  checkUrl,
  type FrameworkChecker,
  frameworkChecker,
} from '../inputChecks.js';
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

const microCredentialIdPath: Path = ['input', 'microCredentialId'];

function checkMicroCredentialId(check: FrameworkChecker, id: string): void {
  if (institutionOfMicroCredentialId(id) === undefined)
    check.problem(microCredentialIdPath, 'INVALID_ID', `must be "<institution>:<slug>", got ${JSON.stringify(id)}`);
}

/** Both dates well formed, and `until` (when given) not before `from`. */
function checkDates(
  check: FrameworkChecker,
  from: { field: string; value: string },
  until: { field: string; value: string | null | undefined },
) {
  const fromDate = checkDate(check, ['input', from.field], from.value);
  const untilDate = checkDate(check, ['input', until.field], until.value);
  checkOrder(
    check,
    { path: ['input', from.field], value: fromDate },
    { path: ['input', until.field], value: untilDate },
    true,
  );
}

async function confirm(context: WriteContext, check: FrameworkChecker, microCredentialId: string): Promise<void> {
  await confirmThroughGateway(context, check, new Map([[microCredentialId, microCredentialIdPath]]));
}

/** Replaces the entry's current approval (withdrawn as superseded) with this one, atomically. */
export async function attestOsapApproval(context: WriteContext, input: OsapApprovalInput): Promise<OsapApprovalRow> {
  const check = frameworkChecker();
  checkMicroCredentialId(check, input.microCredentialId);
  const reference = checkText(check, ['input', 'reference'], input.reference, 100);
  const attestedBy = checkText(check, ['input', 'attestedBy'], input.attestedBy, 200);
  const ruleException = checkOptionalText(check, ['input', 'ruleException'], input.ruleException, 1000);
  checkDates(check, { field: 'validFrom', value: input.validFrom }, { field: 'validUntil', value: input.validUntil });
  // Approval may precede publication (an institution publishes an exception case only once it holds one),
  // so the entry need not be public yet; its institution must be registered.
  const institution = institutionOfMicroCredentialId(input.microCredentialId);
  if (institution !== undefined && !(await institutionExists(context.db, institution)))
    check.problem(
      microCredentialIdPath,
      'UNKNOWN_REFERENCE',
      `names no registered institution (${JSON.stringify(institution)})`,
    );
  if (check.problems.length > 0) throw inputRefused(check.problems);
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
  const check = frameworkChecker();
  const why = checkText(check, ['reason'], reason, 1000);
  if (check.problems.length > 0) throw inputRefused(check.problems);
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
  const check = frameworkChecker();
  checkMicroCredentialId(check, input.microCredentialId);
  const body = checkChoice(check, ['input', 'body'], input.body, qualityAssuranceBodies);
  const bodyName = checkText(check, ['input', 'bodyName'], input.bodyName, 200);
  const scope = checkText(check, ['input', 'scope'], input.scope, 200);
  const reference = checkOptionalText(check, ['input', 'reference'], input.reference, 100);
  checkDates(check, { field: 'verifiedOn', value: input.verifiedOn }, { field: 'validUntil', value: input.validUntil });
  await confirm(context, check, input.microCredentialId);
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
  const check = frameworkChecker();
  if (!/^[a-z][a-z0-9-]{1,47}$/.test(input.id))
    check.problem(
      ['input', 'id'],
      'INVALID_ID',
      `must be 2 to 48 lower-case letters, digits or "-", starting with a letter, got ${JSON.stringify(input.id)}`,
    );
  const name = checkText(check, ['input', 'name'], input.name, 200);
  const kind = checkChoice(check, ['input', 'kind'], input.kind, endorserKinds);
  checkUrl(check, ['input', 'website'], input.website);
  const [taken] = await context.db.select({ id: endorsers.id }).from(endorsers).where(eq(endorsers.id, input.id));
  if (taken) check.problem(['input', 'id'], 'ALREADY_REGISTERED', `${JSON.stringify(input.id)} is registered already`);
  if (check.problems.length > 0)
    throw inputRefused(check.problems, taken ? 'ENDORSER_ALREADY_REGISTERED' : 'BAD_USER_INPUT');
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
  const check = frameworkChecker();
  checkMicroCredentialId(check, input.microCredentialId);
  const statement = checkText(check, ['input', 'statement'], input.statement, 1000);
  checkDates(check, { field: 'validFrom', value: input.validFrom }, { field: 'validUntil', value: input.validUntil });
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
    check.problem(
      microCredentialIdPath,
      'ALREADY_ENDORSED',
      `is endorsed by you already (endorsement ${current.id}): withdraw it first`,
    );
    throw inputRefused(check.problems, 'ALREADY_ENDORSED');
  }
  await confirm(context, check, input.microCredentialId);
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

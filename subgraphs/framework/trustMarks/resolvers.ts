/**
 * Provincial trust marks: OSAP approvals, quality-assurance verifications,
 * endorsers and their endorsements, the marks on the MicroCredential entity,
 * and the change feed search follows. Who may write what is decided here:
 * the province for attestations, verifications and endorsers; an endorser's
 * key for its own endorsements only.
 */
import { requireCaller } from '../authorization.js';
import type { Context } from '../context.js';
import { badUserInput, forbidden, unauthenticated } from '../../../runtime/graphqlErrors.js';
import type { Resolvers } from '../generated/resolvers.js';
import { microCredentialItem } from '../recognition/decisions.js';
import { itemKey } from '../recognition/model.js';
import { planPathways } from '../recognition/pathways.js';
import { today } from '../recognition/recognitionData.js';
import { issueEndorserKey, listEndorserKeys, revokeEndorserKey } from './endorserKeys.js';
import { findEndorser, inForce, listEndorsers, readTrustMarkChanges } from './reads.js';
import * as writes from './writes.js';

const maxApprovalIds = 100;
const maxChangesPage = 500;

function endorserOrProvince(context: Context, action: string): { endorser: string } | 'PROVINCE' {
  if (context.caller === 'PROVINCE') return 'PROVINCE';
  if (context.caller === 'ENDORSER') return { endorser: context.endorser! };
  const needed = `${action} needs the endorser's key or the province API key, sent as "Authorization: Bearer <key>"`;
  if (context.caller === 'ANONYMOUS') throw unauthenticated(`${needed}; no Authorization header was sent.`);
  if (context.caller === 'UNRECOGNISED') throw unauthenticated(`${needed}; the credentials sent are not valid.`);
  throw forbidden(`${needed}; the token sent may not do this.`);
}

function cursorPosition(since: string | null | undefined): number {
  if (since == null) return 0;
  if (!/^\d{1,15}$/.test(since))
    throw badUserInput(`since must be a cursor from an earlier page, got ${JSON.stringify(since)}`, 'since');
  return Number(since);
}

export const trustMarkResolvers: Resolvers = {
  Query: {
    endorsers: (_root, _args, { db }) => listEndorsers(db),
    endorser: (_root, { id }, { db }) => findEndorser(db, id),
    osapApprovals: async (_root, { microCredentialIds }, { loaders }) => {
      if (microCredentialIds.length > maxApprovalIds)
        throw badUserInput(
          `at most ${maxApprovalIds} microCredentialIds, got ${microCredentialIds.length}`,
          'microCredentialIds',
        );
      const rows = await loaders.trustMarks.osapApproval.loadMany(microCredentialIds);
      return rows.flatMap((row) => (row && !(row instanceof Error) ? [row] : []));
    },
    endorserKeys: (_root, _args, { db, caller }) => {
      requireCaller(caller, 'PROVINCE', 'endorserKeys');
      return listEndorserKeys(db);
    },
    trustMarkChanges: async (_root, { since, first }, { db }) => {
      const size = first ?? 100;
      if (!Number.isInteger(size) || size < 1 || size > maxChangesPage)
        throw badUserInput(`first must be a whole number from 1 to ${maxChangesPage}, got ${size}`, 'first');
      const position = cursorPosition(since);
      const { rows, hasMore } = await readTrustMarkChanges(db, position, size);
      const last = rows[rows.length - 1];
      return {
        changes: rows.map((row) => ({
          cursor: String(row.position),
          microCredentialId: row.microCredentialId,
          occurredAt: row.occurredAt.toISOString(),
          microCredential: { id: row.microCredentialId, instructionalHours: undefined },
        })),
        cursor: last ? String(last.position) : position > 0 ? String(position) : null,
        hasMore,
      };
    },
  },

  Mutation: {
    attestOsapApproval: (_root, { input }, context) => {
      requireCaller(context.caller, 'PROVINCE', 'attestOsapApproval');
      return writes.attestOsapApproval(context, input);
    },
    withdrawOsapApproval: (_root, { microCredentialId, reason }, context) => {
      requireCaller(context.caller, 'PROVINCE', 'withdrawOsapApproval');
      return writes.withdrawOsapApproval(context, microCredentialId, reason);
    },
    recordQualityAssuranceVerification: (_root, { input }, context) => {
      requireCaller(context.caller, 'PROVINCE', 'recordQualityAssuranceVerification');
      return writes.recordQualityAssuranceVerification(context, input);
    },
    withdrawQualityAssuranceVerification: (_root, { id }, context) => {
      requireCaller(context.caller, 'PROVINCE', 'withdrawQualityAssuranceVerification');
      return writes.withdrawQualityAssuranceVerification(context, id);
    },
    registerEndorser: (_root, { input }, context) => {
      requireCaller(context.caller, 'PROVINCE', 'registerEndorser');
      return writes.registerEndorser(context, input);
    },
    issueEndorserKey: (_root, { endorser, label }, { db, caller }) => {
      requireCaller(caller, 'PROVINCE', 'issueEndorserKey');
      return issueEndorserKey(db, endorser, label);
    },
    revokeEndorserKey: (_root, { id }, { db, caller }) => {
      requireCaller(caller, 'PROVINCE', 'revokeEndorserKey');
      return revokeEndorserKey(db, id);
    },
    endorse: (_root, { input }, context) => {
      requireCaller(context.caller, 'ENDORSER', 'endorse');
      return writes.endorse(context, context.endorser!, input);
    },
    withdrawEndorsement: (_root, { id }, context) =>
      writes.withdrawEndorsement(context, id, endorserOrProvince(context, 'withdrawEndorsement')),
  },

  MicroCredential: {
    osapApproval: (microCredential, _args, { loaders }) => loaders.trustMarks.osapApproval.load(microCredential.id),
    qualityAssuranceVerifications: async (microCredential, _args, { loaders }) =>
      (await loaders.trustMarks.qualityAssurance.load(microCredential.id)).filter((row) => inForce(row, today())),
    endorsements: async (microCredential, _args, { loaders }) =>
      (await loaders.trustMarks.endorsements.load(microCredential.id)).filter((row) => inForce(row, today())),
    trustMarks: async (microCredential, _args, { loaders }) => {
      const id = microCredential.id;
      const asOf = today();
      const [approval, verifications, endorsed, graph] = await Promise.all([
        loaders.trustMarks.osapApproval.load(id),
        loaders.trustMarks.qualityAssurance.load(id),
        loaders.trustMarks.endorsements.load(id),
        loaders.recognition.decisions(asOf),
      ]);
      const endorsers = await loaders.trustMarks.endorser.loadMany(
        endorsed.filter((row) => inForce(row, asOf)).map((row) => row.endorserId),
      );
      const plans = planPathways(
        graph,
        await loaders.recognition.programs(),
        await loaders.recognition.rulesByProgram(),
        [id],
      );
      return {
        osapApproved: approval !== null && inForce(approval, asOf),
        verifiedQualityAssurance: verifications.some((row) => inForce(row, asOf)),
        employerEndorsed: endorsers.some((row) => row !== null && !(row instanceof Error) && row.kind === 'EMPLOYER'),
        carriesTransferCredit: (graph.outgoing.get(itemKey(microCredentialItem(id))) ?? []).length > 0,
        stacksIntoProgram: plans.length > 0,
      };
    },
  },

  OsapApproval: {
    attestedAt: (row) => row.attestedAt.toISOString(),
    withdrawnAt: (row) => row.withdrawnAt?.toISOString() ?? null,
    inForce: (row) => inForce(row, today()),
  },
  QualityAssuranceVerification: {
    recordedAt: (row) => row.recordedAt.toISOString(),
    inForce: (row) => inForce(row, today()),
  },
  Endorser: {
    registeredAt: (row) => row.registeredAt.toISOString(),
  },
  Endorsement: {
    endorser: async (row, _args, { loaders }) => (await loaders.trustMarks.endorser.load(row.endorserId))!,
    microCredential: (row) => ({ id: row.microCredentialId, instructionalHours: undefined }),
    createdAt: (row) => row.createdAt.toISOString(),
    withdrawnAt: (row) => row.withdrawnAt?.toISOString() ?? null,
    inForce: (row) => inForce(row, today()),
  },
  EndorserKey: {
    endorser: async (row, _args, { loaders }) => (await loaders.trustMarks.endorser.load(row.endorserId))!,
    createdAt: (row) => row.createdAt.toISOString(),
    revokedAt: (row) => row.revokedAt?.toISOString() ?? null,
  },
};

/**
 * Resolvers for publishing: version history (public), owner-only reads,
 * mutations, and the payload types. Every owner-only read and every mutation
 * checks the caller's API key and that the institution or id it names is this
 * catalogue's own (authorization.ts) before touching the database.
 */
import { badUserInput } from '../../runtime/graphqlErrors.js';
import { requireOwnId, requireOwnInstitution } from './authorization.js';
import type { Context } from './context.js';
import type { ApiKeyCaller } from './db/apiKeys.js';
import { findAuditEntries, type Actor } from './db/auditTrail.js';
import { findOwnDraft, findOwnEntry } from './db/catalogueReads.js';
import { importCatalogue } from './db/catalogueImport.js';
import {
  changeOffering,
  createDraft,
  deleteDraft,
  publicationProblems,
  publish,
  sunset,
  updateDraft,
} from './db/publishingStore.js';
import { plainInput } from './entryInput.js';
import type { Resolvers } from './generated/resolvers.js';
import { microCredentialId, ownSlugOf } from './ids.js';

export const maxAuditPageSize = 500;

function actorOf(caller: ApiKeyCaller): Actor {
  return { apiKeyId: caller.apiKeyId, name: caller.prefix };
}

/** An offering of one of the caller's own entries added, replaced or removed. */
async function changeOwnOffering(
  context: Context,
  id: string,
  expectedVersion: number,
  change: Parameters<typeof changeOffering>[4],
) {
  const { caller, slug } = await requireOwnId(context, id);
  return changeOffering(context.db, actorOf(caller), slug, expectedVersion, change, context.institutionLanguages);
}

export const publishingQueries: NonNullable<Resolvers['Query']> = {
  microCredentialHistory: async (_root, { id }, { institution, loaders }) => {
    const slug = ownSlugOf(id, institution);
    return slug === undefined ? [] : loaders.history.load(slug);
  },
  myMicroCredential: async (_root, { id }, context) => {
    const { slug } = await requireOwnId(context, id);
    return findOwnEntry(context.db, slug);
  },
  microCredentialDraft: async (_root, { id }, context) => {
    const { slug } = await requireOwnId(context, id);
    return findOwnDraft(context.db, slug);
  },
  auditLog: async (_root, { institution, first, after }, context) => {
    await requireOwnInstitution(context, institution);
    if (!Number.isInteger(first) || first < 0 || first > maxAuditPageSize) {
      throw badUserInput(`"first" must be between 0 and ${maxAuditPageSize}, got ${first}`, 'first');
    }
    if (after != null && !/^\d{1,15}$/.test(after)) {
      throw badUserInput(`"after" must be a cursor returned by auditLog, got ${JSON.stringify(after)}`, 'after');
    }
    const rows = await findAuditEntries(context.db, after == null ? undefined : Number(after), first + 1);
    const page = rows.slice(0, first);
    const last = page.at(-1);
    return { rows: page, cursor: last ? String(last.id) : (after ?? null), hasMore: rows.length > first };
  },
};

export const publishingMutations: NonNullable<Resolvers['Mutation']> = {
  createMicroCredentialDraft: async (_root, { institution, input }, context) => {
    const caller = await requireOwnInstitution(context, institution);
    return createDraft(context.db, actorOf(caller), plainInput(input));
  },
  updateMicroCredentialDraft: async (_root, { id, expectedVersion, input }, context) => {
    const { caller, slug } = await requireOwnId(context, id);
    return updateDraft(context.db, actorOf(caller), slug, expectedVersion, plainInput(input));
  },
  deleteMicroCredentialDraft: async (_root, { id, expectedVersion }, context) => {
    const { caller, slug } = await requireOwnId(context, id);
    return deleteDraft(context.db, actorOf(caller), slug, expectedVersion);
  },
  publishMicroCredential: async (_root, { id, expectedVersion }, context) => {
    const { caller, slug } = await requireOwnId(context, id);
    return publish(
      context.db,
      actorOf(caller),
      slug,
      expectedVersion,
      context.checkOsapClaims,
      context.institutionLanguages,
    );
  },
  sunsetMicroCredential: async (_root, { id, expectedVersion, reason, effectiveDate }, context) => {
    const { caller, slug } = await requireOwnId(context, id);
    return sunset(context.db, actorOf(caller), slug, { expectedVersion, reason, effectiveDate });
  },
  upsertOffering: (_root, { id, expectedVersion, offering }, context) =>
    changeOwnOffering(context, id, expectedVersion, { upsert: plainInput(offering) }),
  removeOffering: (_root, { id, expectedVersion, code }, context) =>
    changeOwnOffering(context, id, expectedVersion, { remove: code }),
  importCatalogue: async (_root, { institution, format, content }, context) => {
    const caller = await requireOwnInstitution(context, institution);
    return importCatalogue(
      context.db,
      actorOf(caller),
      format,
      content,
      context.checkOsapClaims,
      context.institutionLanguages,
    );
  },
};

const globalIds = (slugs: string[], { institution }: Context) =>
  slugs.map((slug) => microCredentialId(institution, slug));

export const publishingTypes: Pick<
  Resolvers,
  | 'MicroCredentialDraft'
  | 'MicroCredentialVersion'
  | 'AuditEntry'
  | 'AuditLogPage'
  | 'ImportPayload'
  | 'PublishingProblem'
> = {
  // Contract 1.1's enum beside the 1.0 string: every code this catalogue reports is a value of it (problemCodes.ts).
  PublishingProblem: {
    problem: (problem) => problem.code,
  },
  MicroCredentialDraft: {
    id: (draft, _args, { institution }) => microCredentialId(institution, draft.slug),
    problems: (draft) => publicationProblems(draft),
    updatedAt: (draft) => draft.updatedAt.toISOString(),
  },
  MicroCredentialVersion: {
    recordedAt: (version) => version.recordedAt.toISOString(),
  },
  AuditLogPage: {
    entries: (page) => page.rows,
  },
  AuditEntry: {
    occurredAt: (entry) => entry.occurredAt.toISOString(),
    microCredentialId: (entry, _args, { institution }) =>
      entry.microCredentialSlug === null ? null : microCredentialId(institution, entry.microCredentialSlug),
  },
  ImportPayload: {
    created: (payload, _args, context) => globalIds(payload.created, context),
    updated: (payload, _args, context) => globalIds(payload.updated, context),
    unchanged: (payload, _args, context) => globalIds(payload.unchanged, context),
  },
};

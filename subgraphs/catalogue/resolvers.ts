/**
 * Resolvers for schema/catalogue.graphql. This subgraph answers for one
 * institution only: anything keyed to another institution resolves to null
 * (or, for root fields that name an institution, a clear error), never to
 * another institution's data.
 */
import type { Context } from './context.js';
import { changeCursor, entryCursor, seqFromChangeCursor, slugFromEntryCursor } from './cursors.js';
import { countEntries, findChanges, findEntryPage, type EntryFilter } from './db/catalogueReads.js';
import type { MicroCredentialRow } from './db/schema.js';
import { badUserInput } from '../../runtime/graphqlErrors.js';
import type { InstitutionMicroCredentialsArgs, Resolvers } from './generated/resolvers.js';
import { microCredentialId, ownSlugOf } from './ids.js';
import { primePublicEntries } from './loaders.js';
import type { InstitutionParent } from './parents.js';
import { publishingMutations, publishingQueries, publishingTypes } from './publishingResolvers.js';
import { languageFields } from './languageResolvers.js';
import { microCredentialOutcomes, outcomeMutations, outcomeQueries } from './outcomes/outcomeResolvers.js';
import { DateScalar, DateTimeScalar, URLScalar } from '../../runtime/scalars.js';
import { JSONScalar, PathSegmentScalar } from './scalars.js';

export const maxConnectionPageSize = 100;
export const maxChangePageSize = 1000;

export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  URL: URLScalar,
  JSON: JSONScalar,
  PathSegment: PathSegmentScalar,

  Query: {
    ...publishingQueries,
    ...outcomeQueries,
    microCredential: async (_root, { id }, { institution, loaders }) => {
      const slug = ownSlugOf(id, institution);
      return slug === undefined ? null : loaders.publicEntry.load(slug);
    },
    changes: async (_root, { institution, since, first }, { institution: own, db }) => {
      if (institution !== own) {
        throw badUserInput(
          `This catalogue serves institution "${own}" only; it has no change feed for "${institution}".`,
          'institution',
        );
      }
      const limit = pageSize(first, maxChangePageSize, 'first');
      const afterSeq = since == null ? 0 : seqFromChangeCursor(since);
      const rows = await findChanges(db, afterSeq, limit + 1);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        rows: page,
        cursor: last ? changeCursor(last.seq) : (since ?? null),
        hasMore: rows.length > limit,
      };
    },
  },

  Mutation: { ...publishingMutations, ...outcomeMutations },
  ...publishingTypes,

  Institution: {
    __resolveReference: resolveInstitutionReference,
    microCredentials: async (_institution, args, { db, loaders }) => {
      const limit = pageSize(args.first, maxConnectionPageSize, 'first');
      const afterSlug = args.after == null ? undefined : slugFromEntryCursor(args.after);
      const filter = entryFilter(args.filter);
      const rows = await findEntryPage(db, filter, { afterSlug, limit: limit + 1 });
      const page = rows.slice(0, limit);
      primePublicEntries(loaders, page);
      return { rows: page, hasNextPage: rows.length > limit, filter };
    },
  },

  MicroCredentialConnection: {
    edges: (page) => page.rows.map((row) => ({ cursor: entryCursor(row.slug), node: row })),
    pageInfo: (page) => {
      const last = page.rows.at(-1);
      return { hasNextPage: page.hasNextPage, endCursor: last ? entryCursor(last.slug) : null };
    },
    totalCount: (page, _args, { db }) => countEntries(db, page.filter),
  },

  MicroCredential: {
    ...languageFields.MicroCredential,
    __resolveReference: resolveMicroCredentialReference,
    id: (row, _args, { institution }) => microCredentialId(institution, row.slug),
    institution: (_row, _args, { institution }) => ({ code: institution }),
    cip: (row) => ({ code: row.cipCode, title: row.cipTitle }),
    offerings: (row, _args, { loaders }) => loaders.offerings.load(row.slug),
    history: (row, _args, { loaders }) => loaders.history.load(row.slug),
    ...microCredentialOutcomes,
    updatedAt: (row) => row.updatedAt.toISOString(),
  },

  Skill: languageFields.Skill,
  Occupation: languageFields.Occupation,
  InstructionalProgram: languageFields.InstructionalProgram,

  Offering: {
    id: (row, _args, { institution }) => `${microCredentialId(institution, row.microCredentialSlug)}:${row.code}`,
  },

  ChangePage: {
    changes: (page) => page.rows,
  },

  Change: {
    cursor: (change) => changeCursor(change.seq),
    microCredentialId: (change, _args, { institution }) => microCredentialId(institution, change.microCredentialSlug),
    occurredAt: (change) => change.occurredAt.toISOString(),
    // The entry as it is now: a later change may already have hidden or deleted it.
    microCredential: (change, _args, { loaders }) => loaders.publicEntry.load(change.microCredentialSlug),
  },
};

/*
 * Representations come from the gateway, or from anyone who can reach this
 * server, so their fields are checked rather than trusted. A representation
 * this institution does not own resolves to null for that item only; the rest
 * of the batch is unaffected.
 */
function resolveInstitutionReference(
  reference: { code?: unknown },
  { institution }: Context,
): InstitutionParent | null {
  return reference.code === institution ? { code: institution } : null;
}

async function resolveMicroCredentialReference(
  reference: { id?: unknown },
  { institution, loaders }: Context,
): Promise<MicroCredentialRow | null> {
  const slug = ownSlugOf(reference.id, institution);
  return slug === undefined ? null : loaders.publicEntry.load(slug);
}

function pageSize(requested: number, max: number, argument: string): number {
  if (!Number.isInteger(requested) || requested < 0 || requested > max) {
    throw badUserInput(
      `"${argument}" must be between 0 and ${max}, got ${requested}; page with the cursor instead.`,
      argument,
    );
  }
  return requested;
}

function entryFilter(filter: InstitutionMicroCredentialsArgs['filter']): EntryFilter {
  return {
    statuses: filter?.status ?? undefined,
    deliveryModes: filter?.deliveryModes ?? undefined,
    osapEligible: filter?.osapEligible ?? undefined,
    updatedSince: filter?.updatedSince ? new Date(filter.updatedSince) : undefined,
  };
}

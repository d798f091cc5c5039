/**
 * The contract's outcomes part in the reference catalogue: public reads
 * (suppression applied when answering) and the two writes, which need the
 * owning institution's API key like every other publishing write.
 */
import { badUserInput } from '../../../runtime/graphqlErrors.js';
import { requireOwnInstitution } from '../authorization.js';
import type { Context } from '../context.js';
import { plainInput } from '../entryInput.js';
import type { Resolvers } from '../generated/resolvers.js';
import type { OutcomeReportRow } from '../db/outcomeSchema.js';
import type { ApiKeyCaller } from '../db/apiKeys.js';
import { parseOutcomeImport } from './outcomeImport.js';
import { findOutcomePage, writeOutcomeReports, type OutcomeWriteResult } from './outcomeStore.js';
import { publishedReport } from './publishedReport.js';

export const maxOutcomePageSize = 500;

const actorOf = (caller: ApiKeyCaller) => ({ apiKeyId: caller.apiKeyId, name: caller.prefix });

function published(result: OutcomeWriteResult, { institution }: Context) {
  return { reports: result.reports.map((row) => publishedReport(row, institution)), problems: result.problems };
}

/** Cursor: the last report's entry, period start and label, opaque to clients. */
function cursorOf(row: OutcomeReportRow): string {
  return Buffer.from(JSON.stringify([row.slug, row.periodStart, row.periodLabel])).toString('base64url');
}

function afterKey(after: string | null | undefined) {
  if (after == null) return undefined;
  try {
    const [slug, periodStart, periodLabel] = JSON.parse(Buffer.from(after, 'base64url').toString()) as unknown[];
    if ([slug, periodStart, periodLabel].every((part) => typeof part === 'string'))
      return { slug, periodStart, periodLabel } as { slug: string; periodStart: string; periodLabel: string };
  } catch {}
  throw badUserInput('"after" must be a cursor returned by outcomeReports', 'after');
}

export const outcomeQueries: Pick<NonNullable<Resolvers['Query']>, 'outcomeReports'> = {
  outcomeReports: async (_root, { institution, first, after }, context) => {
    if (institution !== context.institution) {
      throw badUserInput(`This catalogue serves institution "${context.institution}" only.`, 'institution');
    }
    if (!Number.isInteger(first) || first < 0 || first > maxOutcomePageSize) {
      throw badUserInput(`"first" must be between 0 and ${maxOutcomePageSize}, got ${first}`, 'first');
    }
    const rows = await findOutcomePage(context.db, afterKey(after), first + 1);
    const page = rows.slice(0, first);
    const last = page.at(-1);
    return {
      reports: page.map((row) => publishedReport(row, context.institution)),
      cursor: last ? cursorOf(last) : (after ?? null),
      hasMore: rows.length > first,
    };
  },
};

export const outcomeMutations: Pick<NonNullable<Resolvers['Mutation']>, 'reportOutcomes' | 'importOutcomes'> = {
  reportOutcomes: async (_root, { institution, reports }, context) => {
    const caller = await requireOwnInstitution(context, institution);
    const inputs = reports.map(plainInput);
    return published(await writeOutcomeReports(context.db, actorOf(caller), institution, inputs), context);
  },
  importOutcomes: async (_root, { institution, format, content }, context) => {
    const caller = await requireOwnInstitution(context, institution);
    const parsed = parseOutcomeImport(format, content);
    if (parsed.problems.length) return { reports: [], problems: parsed.problems };
    const result = await writeOutcomeReports(context.db, actorOf(caller), institution, parsed.inputs, parsed.lines);
    return published(result, context);
  },
};

export const microCredentialOutcomes: Pick<NonNullable<Resolvers['MicroCredential']>, 'outcomes'> = {
  outcomes: async (row, _args, { loaders, institution }) =>
    (await loaders.outcomes.load(row.slug)).map((report) => publishedReport(report, institution)),
};

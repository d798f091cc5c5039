/**
 * The province-only `insights` query and the anonymous `recordResultOpened`
 * mutation. Insights are computed per request from the index, the demand log
 * and the institutions' outcome reports; every table can also be had as CSV.
 */
import { GraphQLError } from 'graphql';
import { bearerToken } from '../../../runtime/bearerToken.js';
import { badUserInput, forbidden, unauthenticated } from '../../../runtime/graphqlErrors.js';
import { sameSecret } from '../../../runtime/sameSecret.js';
import type { Context } from '../context.js';
import type { SearchDocument } from '../documents/searchDocument.js';
import type { InsightsTable, Resolvers } from '../generated/resolvers.js';
import { toCsv } from './csv.js';
import { demandInsights, gapRows, type DemandInsights, type GapRow } from './demand.js';
import { fetchInstitutionReports, outcomeRows, type InstitutionReports, type OutcomeRow } from './outcomes.js';
import { activeDocuments, supplyInsights, type SupplyInsights } from './supply.js';

export interface InsightsParent {
  from: string;
  to: string;
  supply: SupplyInsights;
  demand: DemandInsights;
  outcomes: {
    institutions: Array<{ code: string; status: InstitutionReports['status']; reports: number }>;
    byOqfBand: OutcomeRow[];
    byDeliveryMode: OutcomeRow[];
    byInstitutionType: OutcomeRow[];
  };
  gaps: GapRow[];
}

/** Two years: outcome reports cover terms and years, and demand is kept that long by default. */
export const defaultRangeDays = 730;
const maxRangeDays = 3660;

/** UNAUTHENTICATED without a key, FORBIDDEN with any other bearer token. */
export function requireProvince(context: Context): void {
  const token = bearerToken(context.authorization ?? '');
  const needed = 'insights need the province API key, sent as "Authorization: Bearer <key>"';
  if (!context.authorization) throw unauthenticated(`${needed}; no Authorization header was sent.`);
  if (!context.provinceApiKey) throw forbidden(`${needed}; this search service has no province key configured.`);
  if (!token || !sameSecret(token, context.provinceApiKey)) throw forbidden(`${needed}; the token sent is not it.`);
}

function range(from: string | null | undefined, to: string | null | undefined, now: Date) {
  const end = to ?? now.toISOString().slice(0, 10);
  const start = from ?? new Date(Date.parse(end) - (defaultRangeDays - 1) * 86_400_000).toISOString().slice(0, 10);
  if (start > end) throw badUserInput(`"from" (${start}) must not be after "to" (${end})`, 'from');
  if (Date.parse(end) - Date.parse(start) > maxRangeDays * 86_400_000)
    throw badUserInput(`the range may span at most ${maxRangeDays} days`, 'from');
  return { from: start, to: end };
}

export async function computeInsights(context: Context, from: string, to: string): Promise<InsightsParent> {
  const documents = await activeDocuments(context.backend);
  const byId = new Map<string, SearchDocument>(documents.map((document) => [document.id, document]));
  const days = context.demand.daysBetween(from, to);
  const institutions = [...new Set(documents.map((document) => document.institution))].sort();
  const reported = context.gatewayUrl
    ? await Promise.all(institutions.map((code) => fetchInstitutionReports(context.gatewayUrl!, code, 10_000)))
    : institutions.map((code) => ({ code, status: 'UNAVAILABLE' as const, reports: [] }));
  const reports = reported.flatMap((institution) =>
    institution.reports.filter((report) => report.period.end >= from && report.period.end <= to),
  );
  return {
    from,
    to,
    supply: supplyInsights(documents),
    demand: demandInsights(days, (id) => byId.get(id)?.title ?? id),
    outcomes: {
      institutions: reported.map(({ code, status, reports }) => ({ code, status, reports: reports.length })),
      byOqfBand: outcomeRows(reports, byId, (document) => document.oqfBand ?? 'NOT_ALIGNED'),
      byDeliveryMode: outcomeRows(reports, byId, (document) => document.deliveryMode),
      byInstitutionType: outcomeRows(reports, byId, (document) => document.institutionType),
    },
    gaps: gapRows(days, documents),
  };
}

const countColumns = ['key', 'label', 'count'];
const rangeColumns = ['label', 'min', 'max', 'count'];
const outcomeColumns = ['key', 'label', 'reports', 'withheldReports', 'enrolments', 'completions', 'completionRate'];

/** Each table's rows and columns, for CSV. */
export function insightsTable(
  insights: InsightsParent,
  table: InsightsTable,
): { rows: ReadonlyArray<object>; columns: string[] } {
  const { supply, demand, outcomes } = insights;
  const tables: Record<InsightsTable, { rows: ReadonlyArray<object>; columns: string[] }> = {
    SUPPLY_BY_SECTOR: { rows: supply.bySector, columns: countColumns },
    SUPPLY_BY_OCCUPATION: { rows: supply.byOccupation, columns: countColumns },
    SUPPLY_BY_REGION: { rows: supply.byRegion, columns: countColumns },
    SUPPLY_BY_OQF_BAND: { rows: supply.byOqfBand, columns: countColumns },
    SUPPLY_BY_DELIVERY_MODE: { rows: supply.byDeliveryMode, columns: countColumns },
    SUPPLY_PRICE: { rows: supply.priceDistribution, columns: rangeColumns },
    SUPPLY_HOURS: { rows: supply.hoursDistribution, columns: rangeColumns },
    DEMAND_DAILY: { rows: demand.daily, columns: ['date', 'searches', 'zeroResultSearches', 'opens'] },
    DEMAND_TOP_QUERIES: { rows: demand.topQueries, columns: countColumns },
    DEMAND_ZERO_RESULT_QUERIES: { rows: demand.zeroResultQueries, columns: countColumns },
    DEMAND_BY_THEME: { rows: demand.byTheme, columns: countColumns },
    DEMAND_BY_REGION: { rows: demand.byRegion, columns: countColumns },
    DEMAND_FILTERS: { rows: demand.filtersUsed, columns: countColumns },
    DEMAND_OPENED: { rows: demand.mostOpened, columns: countColumns },
    OUTCOMES_INSTITUTIONS: { rows: outcomes.institutions, columns: ['code', 'status', 'reports'] },
    OUTCOMES_BY_OQF_BAND: { rows: outcomes.byOqfBand, columns: outcomeColumns },
    OUTCOMES_BY_DELIVERY_MODE: { rows: outcomes.byDeliveryMode, columns: outcomeColumns },
    OUTCOMES_BY_INSTITUTION_TYPE: { rows: outcomes.byInstitutionType, columns: outcomeColumns },
    GAPS: { rows: insights.gaps, columns: ['kind', 'key', 'label', 'searches', 'entries'] },
  };
  return tables[table];
}

/** Ids in the index per institution, read at most once a minute: an open is checked, not a reason to read a catalogue. */
const knownIdsByIndex = new WeakMap<Context['backend'], Map<string, { ids: Set<string>; readAt: number }>>();
async function indexedIds(context: Context, institution: string): Promise<Set<string>> {
  let knownIds = knownIdsByIndex.get(context.backend);
  if (!knownIds) {
    knownIds = new Map();
    knownIdsByIndex.set(context.backend, knownIds);
  }
  const cached = knownIds.get(institution);
  if (cached && Date.now() - cached.readAt < 60_000) return cached.ids;
  const ids = new Set((await context.backend.documentsOf(institution)).map((document) => document.id));
  if (knownIds.size > 1000) knownIds.clear();
  knownIds.set(institution, { ids, readAt: Date.now() });
  return ids;
}

export const insightsResolvers: Pick<Resolvers, 'Insights'> & {
  Query: Pick<NonNullable<Resolvers['Query']>, 'insights'>;
  Mutation: Pick<NonNullable<Resolvers['Mutation']>, 'recordResultOpened'>;
} = {
  Query: {
    async insights(_parent, { from, to }, context) {
      requireProvince(context);
      const dates = range(from, to, new Date());
      return computeInsights(context, dates.from, dates.to);
    },
  },
  Mutation: {
    async recordResultOpened(_parent, { id }, context) {
      if (id.length > 200) throw new GraphQLError('id is too long', { extensions: { code: 'BAD_USER_INPUT' } });
      const known = (await indexedIds(context, id.split(':')[0] ?? '')).has(id);
      if (known) context.demand.recordOpen(id);
      return known;
    },
  },
  Insights: {
    csv: (insights, { table }) => {
      const { rows, columns } = insightsTable(insights, table);
      return toCsv(rows as ReadonlyArray<Record<string, unknown>>, columns);
    },
  },
};

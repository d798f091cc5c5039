/**
 * The province-only insights page: charts where people would rather look
 * (charts.ts), a table under each with a CSV download, and the sign-in form
 * that asks for the province key.
 */
import { type Html, html, trustedHtml } from '../html.js';
import { locales } from '../i18n/locale.js';
import { page } from '../pages/layout.js';
import { barChart, lineChart } from './charts.js';

type Row = Record<string, unknown>;

export interface InsightsData {
  from: string;
  to: string;
  supply: Record<'bySector' | 'byRegion' | 'byOqfBand' | 'byDeliveryMode' | 'byOccupation', Row[]> & {
    entries: number;
    priceDistribution: Row[];
    hoursDistribution: Row[];
  };
  demand: Record<'topQueries' | 'zeroResultQueries' | 'byTheme' | 'byRegion' | 'filtersUsed' | 'mostOpened', Row[]> & {
    searches: number;
    zeroResultSearches: number;
    opens: number;
    daily: Array<{ date: string; searches: number; zeroResultSearches: number; opens: number }>;
  };
  outcomes: Record<'institutions' | 'byOqfBand' | 'byDeliveryMode' | 'byInstitutionType', Row[]>;
  gaps: Row[];
}

export const insightsQuery = `query Insights($from: Date, $to: Date) { insights(from: $from, to: $to) {
  from to
  supply { entries bySector { key label count } byOccupation { key label count } byRegion { key label count }
    byOqfBand { key label count } byDeliveryMode { key label count }
    priceDistribution { label min max count } hoursDistribution { label min max count } }
  demand { searches zeroResultSearches opens daily { date searches zeroResultSearches opens }
    topQueries { key label count } zeroResultQueries { key label count } byTheme { key label count }
    byRegion { key label count } filtersUsed { key label count } mostOpened { key label count } }
  outcomes { institutions { code status reports }
    byOqfBand { key label reports withheldReports enrolments completions completionRate }
    byDeliveryMode { key label reports withheldReports enrolments completions completionRate }
    byInstitutionType { key label reports withheldReports enrolments completions completionRate } }
  gaps { kind key label searches entries }
} }`;

const countColumns = ['label', 'count'];
const outcomeColumns = ['label', 'reports', 'withheldReports', 'enrolments', 'completions', 'completionRate'];
const headings: Record<string, string> = {
  label: 'Value',
  count: 'Count',
  reports: 'Reports summed',
  withheldReports: 'Reports withheld (small cells)',
  enrolments: 'Enrolments',
  completions: 'Completions',
  completionRate: 'Completion rate',
  code: 'Institution',
  status: 'Outcomes',
  kind: 'Kind',
  searches: 'Searches',
  entries: 'Active entries',
  date: 'Day',
  zeroResultSearches: 'Found nothing',
  opens: 'Results opened',
};

function cell(column: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (column === 'completionRate' && typeof value === 'number') return `${(value * 100).toFixed(1)} %`;
  if (column === 'status') return value === 'NOT_REPORTED' ? 'not reported' : String(value).toLowerCase();
  return typeof value === 'number' ? value.toLocaleString('en-CA') : String(value);
}

function table(caption: string, csvTable: string, rows: Row[], columns: string[]): Html {
  return html`<figure class="insights-table">
<table><caption>${caption} <a href="/insights/csv/${csvTable}" download>CSV</a></caption>
<thead><tr>${columns.map((column) => html`<th scope="col">${headings[column] ?? column}</th>`)}</tr></thead>
<tbody>${
    rows.length
      ? rows.map((row) => html`<tr>${columns.map((column) => html`<td>${cell(column, row[column])}</td>`)}</tr>`)
      : html`<tr><td colspan="${columns.length}">No data in this range.</td></tr>`
  }</tbody></table></figure>`;
}

const bars = (rows: Row[], value = 'count') =>
  rows.map((row) => ({ label: String(row.label ?? row.key), value: Number(row[value] ?? 0) }));
const chart = (svg: string) => trustedHtml(`<div class="insights-chart">${svg}</div>`);

export function insightsPage(data: InsightsData): string {
  const { supply, demand, outcomes } = data;
  const rated = (rows: Row[]) => rows.filter((row) => row.completionRate !== null);
  const body = html`<h1>Provincial insights</h1>
<p>From ${data.from} to ${data.to}. Province only: outcome counts below 10, and any count that would reveal one,
are withheld by the institutions and again by the directory, and never added into a total.</p>
<form method="post" action="/insights/sign-out"><button type="submit">Sign out</button></form>
<form method="get" action="/insights" class="insights-range">
<label>From <input type="date" name="from" value="${data.from}"></label>
<label>To <input type="date" name="to" value="${data.to}"></label>
<button type="submit">Show</button></form>

<h2>Supply: ${supply.entries.toLocaleString('en-CA')} active entries</h2>
${chart(barChart(bars(supply.bySector), 'Active entries by sector (NOC broad category)'))}
${table('By sector', 'SUPPLY_BY_SECTOR', supply.bySector, countColumns)}
${table('By region', 'SUPPLY_BY_REGION', supply.byRegion, countColumns)}
${table('By OQF band', 'SUPPLY_BY_OQF_BAND', supply.byOqfBand, countColumns)}
${table('By delivery mode', 'SUPPLY_BY_DELIVERY_MODE', supply.byDeliveryMode, countColumns)}
${table('By occupation (NOC 2021)', 'SUPPLY_BY_OCCUPATION', supply.byOccupation, countColumns)}
${chart(barChart(bars(supply.priceDistribution), 'Lowest upcoming price (CAD)'))}
${table('Price', 'SUPPLY_PRICE', supply.priceDistribution, countColumns)}
${chart(barChart(bars(supply.hoursDistribution), 'Instructional hours'))}
${table('Hours', 'SUPPLY_HOURS', supply.hoursDistribution, countColumns)}

<h2>Demand: ${demand.searches.toLocaleString('en-CA')} searches, ${demand.zeroResultSearches.toLocaleString('en-CA')} found nothing</h2>
${chart(
  lineChart(
    demand.daily.map((day) => day.date),
    [
      { name: 'Searches', colour: '#1a5a96', values: demand.daily.map((day) => day.searches) },
      { name: 'Found nothing', colour: '#b3261e', values: demand.daily.map((day) => day.zeroResultSearches) },
      { name: 'Results opened', colour: '#2e7d32', values: demand.daily.map((day) => day.opens) },
    ],
    'Searches per day',
  ),
)}
${table('Per day', 'DEMAND_DAILY', demand.daily, ['date', 'searches', 'zeroResultSearches', 'opens'])}
${table('Top queries', 'DEMAND_TOP_QUERIES', demand.topQueries, countColumns)}
${table('Queries that found nothing', 'DEMAND_ZERO_RESULT_QUERIES', demand.zeroResultQueries, countColumns)}
${table('By theme', 'DEMAND_BY_THEME', demand.byTheme, countColumns)}
${table('By region chosen', 'DEMAND_BY_REGION', demand.byRegion, countColumns)}
${table('Filters used', 'DEMAND_FILTERS', demand.filtersUsed, countColumns)}
${table('Most opened', 'DEMAND_OPENED', demand.mostOpened, countColumns)}

<h2>Outcomes</h2>
${chart(barChart(bars(rated(outcomes.byOqfBand), 'completionRate'), 'Completion rate by OQF band'))}
${table('Completion by OQF band', 'OUTCOMES_BY_OQF_BAND', outcomes.byOqfBand, outcomeColumns)}
${table('Completion by delivery mode', 'OUTCOMES_BY_DELIVERY_MODE', outcomes.byDeliveryMode, outcomeColumns)}
${table('Completion by institution type', 'OUTCOMES_BY_INSTITUTION_TYPE', outcomes.byInstitutionType, outcomeColumns)}
${table('Who reports outcomes', 'OUTCOMES_INSTITUTIONS', outcomes.institutions, ['code', 'status', 'reports'])}

<h2>Gaps: searched for, with fewer than 3 active entries</h2>
${table('Gaps', 'GAPS', data.gaps, ['kind', 'label', 'searches', 'entries'])}`;
  return page({ locale: locales.en, title: 'Provincial insights', localPath: '/insights', section: 'other', body });
}

export function signInPage(problem?: string): string {
  const body = html`<h1>Provincial insights</h1>
<p>For the province's analysts. Sign in with the province API key; it is kept on the server for this session only.</p>
${problem ? html`<p role="alert" class="problem">${problem}</p>` : ''}
<form method="post" action="/insights/sign-in">
<label for="province-key">Province API key</label>
<input id="province-key" name="key" type="password" autocomplete="off" required maxlength="512">
<button type="submit">Sign in</button></form>`;
  return page({ locale: locales.en, title: 'Provincial insights', localPath: '/insights', section: 'other', body });
}

/**
 * Outcome reports on an entry's page (the contract's optional outcomes part).
 * A count the institution or the gateway withheld (a small cell, or one that
 * would reveal a small cell) is null and named in `suppressed`: it reads
 * "withheld", never zero, and a null count not named there reads "not
 * reported". An institution that does not implement the part answers
 * `outcomes: null`, shown as not reported.
 */
import { type Html, html } from '../html.js';
import type { Locale } from '../i18n/locale.js';
import type { Detail, OutcomeReport } from '../queries.js';
import { enumLabel } from './components.js';

export function outcomesSection(locale: Locale, entry: Detail): Html {
  const { t } = locale;
  const reports = entry.outcomes;
  return html`<section aria-labelledby="outcomes-heading" class="outcomes">
<h2 id="outcomes-heading">${t.outcomesTitle}</h2>
${reports === null ? html`<p data-outcomes="not-reported">${t.outcomesNotReported}</p>` : reports.length === 0 ? html`<p data-outcomes="none">${t.outcomesNone}</p>` : reportsTable(locale, reports)}
</section>`;
}

function reportsTable(locale: Locale, reports: readonly OutcomeReport[]): Html {
  const { t } = locale;
  const sample = reports.some((report) => report.counts.source === 'SAMPLE_DATA');
  const headings = [
    t.outcomePeriod,
    t.outcomeEnrolments,
    t.outcomeCompletions,
    t.outcomeCredentials,
    t.outcomeMedianWeeks,
    t.outcomeSatisfied,
    t.outcomeEmployedHeading,
    t.outcomeSource,
  ];
  return html`<p>${t.outcomesIntro}</p>
${sample ? html`<p class="hint">${t.outcomesSampleData}</p>` : ''}
<div class="table-scroll" role="group" aria-labelledby="outcomes-heading" tabindex="0"><table>
<caption class="visually-hidden">${t.outcomesCaption}</caption>
<thead><tr>${headings.map((heading) => html`<th scope="col">${heading}</th>`)}</tr></thead>
<tbody>${reports.map((report) => reportRow(locale, report))}</tbody></table></div>`;
}

function reportRow(locale: Locale, report: OutcomeReport): Html {
  const { t } = locale;
  const count = (value: number | null, cell: string) => countText(locale, value, report.suppressed.includes(cell));
  const { satisfaction, followUp } = report;
  return html`<tr data-period="${report.period.label}">
<th scope="row">${report.period.label} <span class="hint">(${locale.date(report.period.start)} – ${locale.date(report.period.end)})</span></th>
<td>${count(report.enrolments, 'ENROLMENTS')}</td>
<td>${count(report.completions, 'COMPLETIONS')}</td>
<td>${count(report.credentialsAwarded, 'CREDENTIALS_AWARDED')}</td>
<td>${countText(locale, report.medianWeeksToCompletion, report.suppressed.includes('COMPLETIONS'))}</td>
<td>${satisfaction ? t.outcomeOf(count(satisfaction.satisfied, 'SATISFIED'), count(satisfaction.respondents, 'SATISFACTION_RESPONDENTS')) : t.outcomeNotReported}</td>
<td>${followUp ? html`${t.outcomeOf(count(followUp.employed, 'EMPLOYED'), count(followUp.respondents, 'FOLLOW_UP_RESPONDENTS'))} <span class="hint">(${t.monthsAfter(followUp.monthsAfter)})</span>` : t.outcomeNotReported}</td>
<td>${enumLabel(locale, 'OutcomeSource', report.counts.source)}: <span lang="en">${report.counts.method}</span></td>
</tr>`;
}

/** A count as text: the number, or "withheld" / "not reported" for null, never zero. */
function countText(locale: Locale, value: number | null, withheld: boolean): string {
  if (value !== null) return locale.number(value);
  return withheld ? locale.t.outcomeWithheld : locale.t.outcomeNotReported;
}

/** Up to four entries side by side, from `/compare?id=…&id=…` (the search page's compare checkboxes). */
import type { PortalApi } from '../api.js';
import { type Html, html } from '../html.js';
import type { Locale } from '../i18n/locale.js';
import { idsFrom } from '../ids.js';
import { type CompareAnswer, type Compared, compareQuery, type InstitutionName } from '../queries.js';
import {
  entryPath,
  enumLabel,
  institutionName,
  institutionPlainName,
  institutionsNotice,
  localizedText,
  notice,
  priceText,
  upcoming,
} from './components.js';
import { page } from './layout.js';

export const maxCompared = 4;

export async function comparePage(api: PortalApi, locale: Locale, params: URLSearchParams): Promise<string> {
  const { t } = locale;
  const { ids, dropped } = idsFrom(params.getAll('id'), maxCompared);
  const query = `?${ids.map((id) => `id=${encodeURIComponent(id)}`).join('&')}`;
  let entries: Array<Compared | null> = [];
  let down: string[] = [];
  let known: InstitutionName[] | null = null;
  if (ids.length) {
    const answer = await api.query<CompareAnswer>(
      compareQuery(ids.length),
      Object.fromEntries(ids.map((id, i) => [`id${i}`, id])),
    );
    entries = ids.map((_, i) => answer.data?.[`m${i}`] ?? null);
    down = answer.unavailableInstitutions;
    known = answer.data?.institutions ?? null;
  }
  const shown = entries.filter((entry): entry is Compared => entry !== null);
  const body = html`<h1>${t.compareTitle}</h1>
<p>${t.compareIntro}</p>
${dropped ? notice('info', t.compareTooMany) : ''}
${institutionsNotice(locale, down, known)}
${shown.length ? compareTable(locale, shown, ids) : html`<p>${t.compareEmpty} <a href="${locale.prefix}/">${t.backToSearch}</a></p>`}`;
  return page({
    locale,
    title: t.compareTitle,
    localPath: `/compare${ids.length ? query : ''}`,
    section: 'compare',
    body,
  });
}

function compareTable(locale: Locale, entries: Compared[], ids: string[]): Html {
  const { t } = locale;
  const without = (id: string) => {
    const rest = ids.filter((other) => other !== id);
    return `${locale.prefix}/compare${rest.length ? `?${rest.map((r) => `id=${encodeURIComponent(r)}`).join('&')}` : ''}`;
  };
  const rows: Array<[string, (entry: Compared) => Html | string]> = [
    [t.detailInstitution, (e) => institutionName(locale, e.institution)],
    [t.detailHours, (e) => locale.number(e.instructionalHours)],
    [t.detailDuration, (e) => t.weeks(locale.number(e.durationWeeks))],
    [t.detailDelivery, (e) => enumLabel(locale, 'DeliveryMode', e.deliveryMode)],
    [
      t.price,
      (e) => {
        const u = upcoming(e.offerings);
        return priceText(locale, u.lowestPrice, u.count);
      },
    ],
    [
      t.nextStart,
      (e) => {
        const next = upcoming(e.offerings).nextStart;
        return next ? locale.date(next) : t.noUpcomingIntake;
      },
    ],
    [t.facets.oqfBand, (e) => (e.oqfAlignment ? enumLabel(locale, 'OqfBand', e.oqfAlignment.band) : '—')],
    [t.detailCreditBearing, (e) => (e.creditBearing ? t.yes : t.no)],
    [t.detailCredits, (e) => (e.credits != null ? locale.number(e.credits) : '—')],
    [t.detailOsap, (e) => (e.osapEligible ? t.yes : t.no)],
    [t.detailLanguages, (e) => e.languages.map((l) => locale.languageName(l)).join(', ')],
    [t.detailAssessment, (e) => e.assessment.types.map((type) => enumLabel(locale, 'AssessmentType', type)).join(', ')],
    [t.detailSupervision, (e) => enumLabel(locale, 'Supervision', e.supervision)],
    [t.detailQuality, (e) => enumLabel(locale, 'QualityAssuranceType', e.qualityAssurance.type)],
    [t.detailAwards, (e) => e.awards.map((a) => enumLabel(locale, 'AwardType', a.type)).join(', ')],
    [t.detailStackability, (e) => enumLabel(locale, 'StackabilityKind', e.stackability.kind)],
    [
      t.recognitionTitle,
      (e) => (e.recognizedAs ? locale.number(e.recognizedAs.filter((r) => r.basis !== 'INFERENCE').length) : '—'),
    ],
    [t.stacksIntoTitle, (e) => (e.stacksInto ? locale.number(e.stacksInto.length) : '—')],
    [t.detailSkills, (e) => html`<span lang="en">${e.skills.map((s) => s.label).join(', ')}</span>`],
  ];
  return html`<div class="table-scroll" role="group" aria-labelledby="compare-caption" tabindex="0">
<table class="compare">
<caption id="compare-caption">${t.compareTableCaption}</caption>
<thead><tr><th scope="col">${t.attribute}</th>${entries.map(
    (e) =>
      html`<th scope="col"><a href="${entryPath(locale, e.id)}">${localizedText(locale, e.title, e.titleFr)}</a>
<br><a class="remove" href="${without(e.id)}">${t.compareRemove}<span class="visually-hidden"> ${institutionPlainName(locale, e.institution)} — ${e.title}</span></a></th>`,
  )}</tr></thead>
<tbody>${rows.map(([label, cell]) => html`<tr><th scope="row">${label}</th>${entries.map((e) => html`<td>${cell(e)}</td>`)}</tr>`)}</tbody>
</table></div>`;
}

/**
 * Pathway planner: "I have completed …" → `planPathways`. One GET form: a
 * search box to find entries, checkboxes for the chosen ones; works without
 * JavaScript (the search box gets suggestions with it).
 */
import type { PortalApi } from '../api.js';
import { type Html, html } from '../html.js';
import type { Locale } from '../i18n/locale.js';
import { idsFrom } from '../ids.js';
import { type PlannerAnswer, plannerQuery, titlesQuery } from '../queries.js';
import {
  entryPath,
  institutionName,
  institutionPath,
  institutionsNotice,
  localizedText,
  suggestAttributes,
} from './components.js';
import { page } from './layout.js';

const maxCompleted = 20;

type Titled = {
  id: string;
  title: string;
  titleFr: string | null;
  institution: { code: string; name: string; nameFr: string | null };
};

export async function plannerPage(api: PortalApi, locale: Locale, params: URLSearchParams): Promise<string> {
  const { t } = locale;
  const { ids: completed } = idsFrom(params.getAll('completed'), maxCompleted);
  const query = (params.get('q') ?? '').trim().slice(0, 200);
  const [planned, titles] = await Promise.all([
    completed.length || query
      ? api.query<PlannerAnswer>(plannerQuery, {
          completed,
          query,
          withSearch: query.length > 0,
          withPlan: completed.length > 0,
        })
      : undefined,
    completed.length
      ? api.query<Record<string, Titled | null>>(
          titlesQuery(completed.length),
          Object.fromEntries(completed.map((id, i) => [`id${i}`, id])),
        )
      : undefined,
  ]);
  const chosen = completed.map(
    (id, i) => titles?.data?.[`m${i}`] ?? { id, title: id, titleFr: null, institution: null },
  );
  const matches = (planned?.data?.searchMicroCredentials?.hits ?? [])
    .map((hit) => hit.microCredential)
    .filter((mc): mc is Titled => mc !== null && !completed.includes(mc.id));
  const plans = planned?.data?.planPathways ?? [];
  const down = [...new Set([...(planned?.unavailableInstitutions ?? []), ...(titles?.unavailableInstitutions ?? [])])];
  const option = (
    mc: { id: string; title: string; titleFr: string | null; institution: Titled['institution'] | null },
    checked: boolean,
    index: string,
  ) =>
    html`<li><input type="checkbox" id="completed-${index}" name="completed" value="${mc.id}"${checked ? html` checked` : ''}>
<label for="completed-${index}">${localizedText(locale, mc.title, mc.titleFr)}${mc.institution ? html` <span class="hint">— ${institutionName(locale, mc.institution)}</span>` : ''}</label></li>`;
  const body = html`<h1>${t.plannerTitle}</h1>
<p>${t.plannerIntro}</p>
${institutionsNotice(locale, down, planned?.data?.institutions)}
<form method="get" action="${locale.prefix}/planner" class="planner-form">
<div class="searchbar" role="search">
<label for="q">${t.plannerFind}</label>
<div class="searchbar-row">
<div class="combobox" ${suggestAttributes(locale)}><input id="q" name="q" type="search" value="${query}" autocomplete="off" maxlength="200"></div>
<button type="submit" name="find" value="1" class="secondary">${t.plannerFindButton}</button>
</div>
</div>
${
  matches.length
    ? html`<fieldset class="facet"><legend>${t.plannerMatches}</legend><ul>${matches.map((mc, i) => option(mc, false, `m${i}`))}</ul></fieldset>`
    : ''
}
<fieldset class="facet"><legend>${t.plannerCompleted}</legend>
${chosen.length ? html`<ul>${chosen.map((mc, i) => option(mc, true, `c${i}`))}</ul>` : html`<p>${t.plannerNoneChosen}</p>`}
</fieldset>
<button type="submit">${t.plannerPlan}</button>
</form>
${completed.length ? plansSection(locale, plans) : ''}`;
  const localQuery = new URLSearchParams([
    ...(query ? [['q', query]] : []),
    ...completed.map((id) => ['completed', id]),
  ]);
  return page({
    locale,
    title: t.plannerTitle,
    localPath: `/planner${localQuery.size ? `?${localQuery}` : ''}`,
    section: 'planner',
    body,
  });
}

function plansSection(locale: Locale, plans: NonNullable<PlannerAnswer['planPathways']>): Html {
  const { t } = locale;
  return html`<section aria-labelledby="plans-heading" class="plans">
<h2 id="plans-heading">${t.plannerResults}</h2>
${plans.length ? '' : html`<p>${t.plannerNoPathway}</p>`}
${plans.map(
  (plan, index) => html`<article class="plan" aria-labelledby="plan-${index}">
<h3 id="plan-${index}"><span lang="en">${plan.program.title}</span></h3>
<p><span lang="en">${plan.program.credential}</span>, OQF ${plan.program.oqfLevel.number}, ${t.plannerProgramCredits(locale.number(plan.program.totalCredits))}${plan.program.institution ? html` — <a href="${institutionPath(locale, plan.program.institution.code)}">${institutionName(locale, plan.program.institution)}</a>` : ''}</p>
<p class="progress"><strong>${plan.complete ? t.plannerComplete : t.plannerCredits(locale.number(plan.creditsEarned), locale.number(plan.creditsEarned + plan.creditsRemaining))}</strong>${plan.complete ? '' : html` — ${t.plannerRemaining(locale.number(plan.creditsRemaining))}`}</p>
<ul class="rules">${plan.rules.map(
    (rule) => html`<li class="${rule.satisfied ? 'rule-satisfied' : 'rule-open'}">
<p><strong><span lang="en">${rule.rule.name}</span></strong> — ${rule.satisfied ? t.plannerSatisfied : t.plannerStillNeeded(rule.remainingCount)}</p>
${
  rule.counted.length
    ? html`<p>${t.plannerCounted}:</p><ul>${rule.counted.map(
        (counted) =>
          html`<li><a href="${entryPath(locale, counted.completed.id)}">${localizedText(locale, counted.completed.title, counted.completed.titleFr)}</a> — ${t.enums.CountBasis[counted.basis as keyof typeof t.enums.CountBasis] ?? counted.basis}${counted.conditionsToMeet.length ? html`<br>${t.plannerConditions}: <span lang="en">${counted.conditionsToMeet.join('; ')}</span>` : ''}</li>`,
      )}</ul>`
    : ''
}
${!rule.satisfied && rule.remainingChoices.length ? html`<p>${t.plannerChoices}:</p><ul>${rule.remainingChoices.map((mc) => html`<li><a href="${entryPath(locale, mc.id)}">${localizedText(locale, mc.title, mc.titleFr)}</a></li>`)}</ul>` : ''}
</li>`,
  )}</ul>
</article>`,
)}
</section>`;
}

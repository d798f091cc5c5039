/**
 * The search page: one GET form (query, facets, ranges, sort) so it works
 * without JavaScript; facet counts are disjunctive (each counted without its
 * own filter) so choosing a value keeps the others countable.
 */
import type { PortalApi } from '../api.js';
import { type Html, html } from '../html.js';
import type { Locale } from '../i18n/locale.js';
import {
  type FacetName,
  type FacetValue,
  facetNames,
  type SearchAnswer,
  type SearchCard,
  searchQuery,
} from '../queries.js';
import {
  hasFilters,
  pageSize,
  parseSearch,
  type SearchState,
  searchFilter,
  searchQueryString,
  sortOrders,
} from '../searchParams.js';
import {
  type CardView,
  compareCountAttributes,
  enumLabel,
  institutionPlainName,
  institutionsNotice,
  notice,
  resultCard,
  suggestAttributes,
  unavailableCard,
} from './components.js';
import { page } from './layout.js';

/**
 * A hit's card as the index has it, so a page of results asks no institution
 * (its French name comes from the registry, which the page reads anyway). The
 * index's price covers past intakes when none is upcoming; like an entry's
 * card, this one shows a price only for an upcoming intake.
 */
function indexedCard(
  id: string,
  card: SearchCard,
  institutions: ReadonlyArray<{ code: string; nameFr: string | null }>,
): CardView {
  const price = card.nextStartDate !== null ? card.priceCad : null;
  return {
    id,
    title: card.title,
    titleFr: card.titleFr,
    institution: {
      code: card.institutionCode,
      name: card.institutionName,
      nameFr: institutions.find((institution) => institution.code === card.institutionCode)?.nameFr ?? null,
    },
    instructionalHours: card.instructionalHours,
    deliveryMode: card.deliveryMode,
    nextStart: card.nextStartDate ?? undefined,
    lowestPrice: price?.min,
    priceFrom: price !== null && price.min !== price.max,
    oqfBand: card.oqfBand,
  };
}

/** Long facets show this many values, more behind "Show more", and no more than `listedValues` (page weight). */
const visibleValues = 8;
const listedValues = 30;

export async function searchPage(api: PortalApi, locale: Locale, params: URLSearchParams): Promise<string> {
  const { t } = locale;
  const { state, rejected } = parseSearch(params, facetNames);
  const answer = await api.query<SearchAnswer>(searchQuery, {
    query: state.query || null,
    filter: searchFilter(state),
    sort: state.sort,
    page: state.page,
    pageSize,
  });
  const result = answer.data?.searchMicroCredentials ?? null;
  const institutions = answer.data?.institutions ?? [];
  const labels = facetLabeller(locale, answer.data);
  const notReady = answer.otherErrors.some((e) => e.extensions?.code === 'INDEX_NOT_READY');
  const heading = result ? t.resultsFor(result.total, state.query) : t.searchTitle;
  const body = html`<h1 class="visually-hidden">${t.searchTitle}</h1>
<form id="search-form" method="get" action="${locale.prefix}/" class="search-layout">
<div role="search" class="searchbar">
<label for="q">${t.searchLabel}</label>
<p id="q-hint" class="hint">${t.searchHint}</p>
<div class="searchbar-row">
<div class="combobox" ${suggestAttributes(locale)}>
<input id="q" name="q" type="search" value="${state.query}" autocomplete="off" aria-describedby="q-hint" maxlength="200">
</div>
<button type="submit">${t.searchButton}</button>
</div>
</div>
${rejected.length ? notice('warning', `${t.invalidInput} ${rejected.join(', ')}`) : ''}
${result ? '' : notice('warning', notReady ? t.searchUnavailable : t.searchFailed)}
${institutionsNotice(locale, answer.unavailableInstitutions, institutions)}
<div class="columns">
<aside class="filters" aria-labelledby="filters-heading">
<h2 id="filters-heading">${t.filters}</h2>
${result ? facetNames.map((facet) => facetFieldset(locale, facet, result.disjunctiveFacets[facet], state, labels)) : ''}
${rangeFieldsets(locale, state)}
<div class="filter-actions">
<button type="submit">${t.applyFilters}</button>
${hasFilters(state) ? html`<a href="${locale.prefix}/${searchQueryString({ ...state, selected: {}, ranges: {}, dates: {}, page: 1 })}">${t.clearFilters}</a>` : ''}
</div>
</aside>
<section class="results" aria-labelledby="results-heading">
<div class="results-head">
<h2 id="results-heading">${heading}</h2>
<div class="sort">
<label for="sort">${t.sortLabel}</label>
<select id="sort" name="sort">${sortOrders.map(
    (order) => html`<option value="${order}"${order === state.sort ? html` selected` : ''}>${t.sorts[order]}</option>`,
  )}</select>
<button type="submit" class="secondary">${t.sortButton}</button>
</div>
</div>
${result && result.total === 0 ? html`<p>${t.noResults}</p>` : ''}
${
  result?.hits.length
    ? html`<ol class="cards">${result.hits.map(
        (hit, index) =>
          html`<li>${
            hit.microCredential
              ? resultCard(locale, indexedCard(hit.microCredential.id, hit.card, institutions), {
                  index,
                  highlights: hit.highlights,
                  compareForm: 'compare-form',
                })
              : unavailableCard(locale)
          }</li>`,
      )}</ol>
<div class="compare-bar">
<button type="submit" form="compare-form" class="secondary">${t.compareSelected}</button>
<span class="hint" ${compareCountAttributes(locale)} aria-live="polite">${t.compareLimit}</span>
</div>`
    : ''
}
${result ? pagination(locale, state, result.totalPages) : ''}
</section>
</div>
</form>
<form id="compare-form" method="get" action="${locale.prefix}/compare"></form>`;
  return page({ locale, title: heading, localPath: `/${searchQueryString(state)}`, section: 'search', body });
}

type Labeller = (facet: FacetName, value: string) => string;

function facetLabeller(locale: Locale, data: SearchAnswer | null): Labeller {
  const { t } = locale;
  return (facet, value) => {
    switch (facet) {
      case 'institution': {
        const found = data?.institutions?.find((i) => i.code === value);
        return found ? institutionPlainName(locale, found) : value;
      }
      case 'institutionType':
        return enumLabel(locale, 'InstitutionType', value);
      case 'region':
        return enumLabel(locale, 'Region', value);
      case 'deliveryMode':
        return enumLabel(locale, 'DeliveryMode', value);
      case 'oqfBand':
        return enumLabel(locale, 'OqfBand', value);
      case 'language':
        return locale.languageName(value);
      case 'osapEligible':
        return t.osapValues[value as 'true' | 'false'] ?? value;
      case 'creditBearing':
        return t.creditValues[value as 'true' | 'false'] ?? value;
      case 'commonCore':
        return data?.commonCoreEntries?.find((entry) => entry.code === value)?.title ?? value;
      case 'occupation':
        return `NOC ${value}`;
      default:
        return value;
    }
  };
}

function facetFieldset(
  locale: Locale,
  facet: FacetName,
  counted: FacetValue[],
  state: SearchState,
  label: Labeller,
): Html | '' {
  const selected = state.selected[facet] ?? [];
  // Chosen values stay listed (to be unchosen) even when nothing matches them any more.
  const values = [
    ...counted.filter((v) => selected.includes(v.value)),
    ...selected.filter((value) => !counted.some((v) => v.value === value)).map((value) => ({ value, count: 0 })),
    ...counted.filter((v) => !selected.includes(v.value)),
  ];
  if (!values.length) return '';
  const visible = Math.max(visibleValues, selected.length);
  const item = ({ value, count }: FacetValue) => {
    const id = `f-${facet}-${value.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    return html`<li data-facet="${facet}" data-value="${value}"><input type="checkbox" id="${id}" name="${facet}" value="${value}"${selected.includes(value) ? html` checked` : ''}>
<label for="${id}">${label(facet, value)} <span class="count" data-count="${count}">(${locale.number(count)})</span></label></li>`;
  };
  const rest = values.slice(visible, Math.max(listedValues, visible));
  return html`<fieldset class="facet" data-facet="${facet}">
<legend>${locale.t.facets[facet]}</legend>
<ul>${values.slice(0, visible).map(item)}</ul>
${rest.length ? html`<details><summary>${locale.t.showMore(rest.length)}</summary><ul>${rest.map(item)}</ul></details>` : ''}
</fieldset>`;
}

function rangeFieldsets(locale: Locale, state: SearchState): Html {
  const { t } = locale;
  const number = (name: 'hoursMin' | 'hoursMax' | 'costMin' | 'costMax', text: string) =>
    html`<div class="range-field"><label for="${name}">${text}</label><input id="${name}" name="${name}" type="number" min="0" step="any" inputmode="decimal" value="${state.ranges[name] ?? ''}"></div>`;
  const date = (name: 'startFrom' | 'startTo', text: string) =>
    html`<div class="range-field"><label for="${name}">${text}</label><input id="${name}" name="${name}" type="date" value="${state.dates[name] ?? ''}"></div>`;
  return html`<fieldset class="facet range"><legend>${t.hoursRange}</legend>${number('hoursMin', t.minimum)}${number('hoursMax', t.maximum)}</fieldset>
<fieldset class="facet range"><legend>${t.costRange}</legend>${number('costMin', t.minimum)}${number('costMax', t.maximum)}</fieldset>
<fieldset class="facet range"><legend>${t.startRange}</legend>${date('startFrom', t.startFrom)}${date('startTo', t.startTo)}</fieldset>`;
}

function pagination(locale: Locale, state: SearchState, totalPages: number): Html | '' {
  const { t } = locale;
  if (totalPages <= 1) return '';
  const current = state.page;
  const link = (target: number, text: string | Html, rel?: string) =>
    html`<a href="${locale.prefix}/${searchQueryString(state, target)}"${rel ? html` rel="${rel}"` : ''}>${text}</a>`;
  const shown = [...new Set([1, current - 1, current, current + 1, totalPages])]
    .filter((n) => n >= 1 && n <= totalPages)
    .sort((a, b) => a - b);
  return html`<nav class="pagination" aria-label="${t.pagination}">
<p>${t.pageOf(Math.min(current, totalPages), totalPages)}</p>
<ul>
${current > 1 ? html`<li>${link(current - 1, t.previous, 'prev')}</li>` : ''}
${shown.map((n) =>
  n === current
    ? html`<li><a href="${locale.prefix}/${searchQueryString(state, n)}" aria-current="page">${t.page(n)}</a></li>`
    : html`<li>${link(n, t.page(n))}</li>`,
)}
${current < totalPages ? html`<li>${link(current + 1, t.next, 'next')}</li>` : ''}
</ul>
</nav>`;
}

/**
 * An institution's page: what the province's registry says about it (always
 * there), and its catalogue (from its own server; a clear notice, not an
 * error page, when that server is down).
 */
import type { PortalApi } from '../api.js';
import { html, safeHref } from '../html.js';
import type { Locale } from '../i18n/locale.js';
import { type InstitutionAnswer, institutionQuery } from '../queries.js';
import {
  entryCard,
  enumLabel,
  institutionPath,
  institutionPlainName,
  localizedText,
  notice,
  resultCard,
} from './components.js';
import { page } from './layout.js';
import { messagePage, type RenderedPage } from './messagePage.js';

export async function institutionPage(
  api: PortalApi,
  locale: Locale,
  code: string,
  after: string | null,
): Promise<RenderedPage> {
  const { t } = locale;
  const localPath =
    institutionPath({ ...locale, prefix: '' }, code) + (after ? `?after=${encodeURIComponent(after)}` : '');
  if (!/^[a-z][a-z0-9-]{1,31}$/.test(code))
    return messagePage(locale, localPath, 404, t.notFoundTitle, t.notFoundInstitution);
  const answer = await api.query<InstitutionAnswer>(institutionQuery, { code, after });
  const institution = answer.data?.institution;
  if (!institution) return messagePage(locale, localPath, 404, t.notFoundTitle, t.notFoundInstitution);
  const name = institutionPlainName(locale, institution);
  const catalogue = institution.microCredentials;
  const website = safeHref(institution.website);
  const body = html`<h1>${localizedText(locale, institution.name, institution.nameFr)}</h1>
<dl class="facts key-facts">
<div><dt>${t.institutionType}</dt><dd>${enumLabel(locale, 'InstitutionType', institution.type)}</dd></div>
<div><dt>${t.institutionRegion}</dt><dd>${enumLabel(locale, 'Region', institution.region)}</dd></div>
<div><dt>${t.institutionLanguages}</dt><dd>${institution.languages.map((l) => locale.languageName(l)).join(', ')}</dd></div>
${website ? html`<div><dt>${t.institutionWebsite}</dt><dd><a href="${website}" rel="noopener">${website}</a></dd></div>` : ''}
</dl>
<section aria-labelledby="catalogue-heading">
<h2 id="catalogue-heading">${t.institutionCatalogue(catalogue?.totalCount ?? 0)}</h2>
${
  catalogue
    ? html`<ol class="cards">${catalogue.edges.map(({ node }, index) => html`<li>${resultCard(locale, entryCard(node), { index })}</li>`)}</ol>
${catalogue.pageInfo.hasNextPage && catalogue.pageInfo.endCursor ? html`<p><a href="${locale.prefix}${institutionPath({ ...locale, prefix: '' }, code)}?after=${encodeURIComponent(catalogue.pageInfo.endCursor)}" rel="next">${t.morePage}</a></p>` : ''}`
    : notice('warning', t.institutionCatalogueDown(name))
}
</section>
${
  institution.programs?.length
    ? html`<section aria-labelledby="programs-heading"><h2 id="programs-heading">${t.institutionPrograms}</h2>
<ul>${institution.programs.map((p) => html`<li><span lang="en">${p.title}</span> — <span lang="en">${p.credential}</span> (OQF ${p.oqfLevel.number}), ${locale.number(p.totalCredits)} ${t.enums.TransferUnit.CREDITS}</li>`)}</ul></section>`
    : ''
}
${
  institution.articulationAgreements?.length
    ? html`<section aria-labelledby="agreements-heading"><h2 id="agreements-heading">${t.institutionAgreements}</h2>
<ul>${institution.articulationAgreements.map(
        (a) =>
          html`<li><span lang="en">${a.name}</span> — ${enumLabel(locale, 'AgreementKind', a.kind)}, ${enumLabel(locale, 'AgreementStatus', a.status)}, ${locale.date(a.dateEffective)}${a.expirationDate ? ` – ${locale.date(a.expirationDate)}` : ''}:
${a.partyCodes.map((party, i) => html`${i ? ', ' : ''}<a href="${institutionPath(locale, party)}">${party}</a>`)}</li>`,
      )}</ul></section>`
    : ''
}`;
  return { status: 200, html: page({ locale, title: name, localPath, section: 'other', body }) };
}

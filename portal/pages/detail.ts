/**
 * An entry's page at its permanent URL: the complete critical-information
 * summary, intakes with registration links, OQF alignment, recognition,
 * stacking, version history, and schema.org JSON-LD for search engines.
 */
import type { PortalApi } from '../api.js';
import { type Html, html, jsonForScript, safeHref } from '../html.js';
import { contactText, item, link, list } from './definitionList.js';
import { learnerInformationItems } from './learnerInformation.js';
import { trustMarksSection } from './trustMarks.js';
import { outcomesSection } from './outcomeReports.js';
import { type Locale, localized } from '../i18n/locale.js';
import { isMicroCredentialId } from '../ids.js';
import { type Detail, detailQuery, institutionNameQuery, type LearningItem, type Recognition } from '../queries.js';
import { schemaOrgCourse } from '../schemaOrgCourse.js';
import {
  entryPath,
  enumLabel,
  institutionName,
  institutionPath,
  institutionPlainName,
  localizedText,
  notice,
  priceText,
  today,
  upcoming,
} from './components.js';
import { page } from './layout.js';
import { type RenderedPage, messagePage } from './messagePage.js';

export async function detailPage(api: PortalApi, locale: Locale, id: string, origin: string): Promise<RenderedPage> {
  const { t } = locale;
  const localPath = entryPath({ ...locale, prefix: '' }, id);
  if (!isMicroCredentialId(id)) return messagePage(locale, localPath, 404, t.notFoundTitle, t.notFoundEntry);
  const answer = await api.query<{ microCredential: Detail | null }>(detailQuery, { id });
  const entry = answer.data?.microCredential;
  if (!entry) {
    const owner = answer.unavailableInstitutions[0];
    if (owner) {
      const named = await api.query<{ institution: { code: string; name: string; nameFr: string | null } | null }>(
        institutionNameQuery,
        { code: owner },
      );
      const name = institutionPlainName(locale, named.data?.institution ?? { code: owner, name: null, nameFr: null });
      return messagePage(locale, localPath, 503, t.entryUnavailable, t.entryInstitutionDown(name));
    }
    return messagePage(locale, localPath, 404, t.notFoundTitle, t.notFoundEntry);
  }
  const title = localized(locale, entry.title, entry.titleFr);
  const jsonLd = schemaOrgCourse(entry, `${origin}${localPath}`);
  const body = html`<article class="detail" aria-labelledby="entry-title">
<header class="detail-header">
<h1 id="entry-title"${title.lang !== locale.code ? html` lang="${title.lang}"` : ''}>${title.text}</h1>
<p class="card-institution"><a href="${institutionPath(locale, entry.institution.code)}">${institutionName(locale, entry.institution)}</a></p>
${entry.status === 'SUNSET' ? notice('warning', t.detailSunset) : ''}
${answer.unavailableInstitutions.length || answer.otherErrors.length ? notice('warning', t.partialUnavailable) : ''}
${keyFacts(locale, entry)}
</header>
${offeringsSection(locale, entry)}
<section aria-labelledby="overview-heading">
<h2 id="overview-heading">${t.detailOverview}</h2>
<p>${localizedText(locale, entry.description, entry.descriptionFr)}</p>
</section>
${criticalInformation(locale, entry)}
${oqfSection(locale, entry)}
${trustMarksSection(locale, entry)}
${outcomesSection(locale, entry)}
${recognitionSection(locale, entry)}
${stacksIntoSection(locale, entry)}
${historySection(locale, entry)}
</article>`;
  return {
    status: 200,
    html: page({
      locale,
      title: title.text,
      localPath,
      section: 'other',
      body,
      head: html`<script type="application/ld+json">${jsonForScript(jsonLd)}</script>`,
    }),
  };
}

function keyFacts(locale: Locale, entry: Detail): Html {
  const { t } = locale;
  const { nextStart, lowestPrice, count } = upcoming(entry.offerings);
  return html`<dl class="facts key-facts">
<div><dt>${t.detailHours}</dt><dd>${locale.number(entry.instructionalHours)}</dd></div>
<div><dt>${t.detailDuration}</dt><dd>${t.weeks(locale.number(entry.durationWeeks))}</dd></div>
<div><dt>${t.detailDelivery}</dt><dd>${enumLabel(locale, 'DeliveryMode', entry.deliveryMode)}</dd></div>
<div><dt>${t.price}</dt><dd>${priceText(locale, lowestPrice, count)}</dd></div>
<div><dt>${t.nextStart}</dt><dd>${nextStart ? locale.date(nextStart) : t.noUpcomingIntake}</dd></div>
${entry.oqfAlignment ? html`<div><dt>${t.facets.oqfBand}</dt><dd data-oqf-band="${entry.oqfAlignment.band}">${enumLabel(locale, 'OqfBand', entry.oqfAlignment.band)}</dd></div>` : ''}
<div><dt>${t.detailOsapApproval}</dt><dd data-osap-approved="${entry.trustMarks ? String(entry.trustMarks.osapApproved) : 'unknown'}">${entry.trustMarks ? (entry.trustMarks.osapApproved ? t.osapApproved : t.osapNotApproved) : t.osapUnknown}</dd></div>
</dl>`;
}

function offeringsSection(locale: Locale, entry: Detail): Html {
  const { t } = locale;
  const title = localized(locale, entry.title, entry.titleFr).text;
  const offerings = entry.offerings
    .filter((offering) => offering.endDate >= today())
    .sort((a, b) => a.startDate.localeCompare(b.startDate));
  return html`<section aria-labelledby="offerings-heading">
<h2 id="offerings-heading">${t.offerings}</h2>
${
  offerings.length
    ? html`<div class="table-scroll" role="group" aria-labelledby="offerings-heading" tabindex="0"><table>
<thead><tr><th scope="col">${t.offeringStart}</th><th scope="col">${t.offeringEnd}</th><th scope="col">${t.offeringLocation}</th><th scope="col">${t.offeringPrice}</th><th scope="col"><span class="visually-hidden">${t.offeringRegister}</span></th></tr></thead>
<tbody>${offerings.map((offering) => {
        const href = safeHref(offering.registrationUrl);
        return html`<tr><td>${locale.date(offering.startDate)}</td><td>${locale.date(offering.endDate)}</td><td>${offering.location}</td><td>${locale.money(offering.priceCad)}</td>
<td>${href ? html`<a class="button-link" href="${href}" rel="noopener" aria-label="${t.registerFor(title, locale.date(offering.startDate))}">${t.offeringRegister}</a>` : ''}</td></tr>`;
      })}</tbody></table></div>`
    : html`<p>${t.noOfferings}</p>`
}
</section>`;
}

/** Learner-facing items (outcomes, prerequisites) in French on French pages where the entry supplies them (1.1). */
function textList(locale: Locale, english: readonly string[], french: readonly string[] | null): Html | string {
  if (!english.length) return locale.t.detailNone;
  if (locale.code === 'fr' && french?.length === english.length) return list(french);
  return html`<span lang="en">${list(english)}</span>`;
}

/** Every EU and Ontario element the contract holds, in one definition list. */
function criticalInformation(locale: Locale, entry: Detail): Html {
  const { t } = locale;
  const institution = entry.institution;
  const assessment = entry.assessment;
  const english = html`<span lang="en">`;
  return html`<section aria-labelledby="critical-heading">
<h2 id="critical-heading">${t.detailCritical}</h2>
<dl class="critical">
${item(t.detailInstitution, html`${institutionName(locale, institution)}${institution.type ? html`, ${enumLabel(locale, 'InstitutionType', institution.type)}` : ''}${institution.region ? html`, ${enumLabel(locale, 'Region', institution.region)}` : ''}${institution.website ? html` — ${link(institution.website, institution.website)}` : ''}`)}
${item(t.detailLanguages, entry.languages.map((code) => locale.languageName(code)).join(', '))}
${item(t.detailOutcomes, textList(locale, entry.learningOutcomes, entry.learningOutcomesFr))}
${item(t.detailSkills, entry.skills.length ? list(entry.skills.map((s) => html`${link(s.code.startsWith('http') ? s.code : null, s.label)} <span class="hint">(${s.framework})</span>`)) : t.detailNone)}
${item(t.detailOccupations, entry.occupations.length ? list(entry.occupations.map((o) => html`${o.nocCode} — <span lang="en">${o.title}</span>`)) : t.detailNone)}
${item(t.detailProgram, html`${entry.cip.code} — <span lang="en">${entry.cip.title}</span>`)}
${item(t.detailHours, locale.number(entry.instructionalHours))}
${item(t.detailDuration, t.weeks(locale.number(entry.durationWeeks)))}
${item(t.detailCreditBearing, entry.creditBearing ? t.yes : t.no)}
${item(t.detailCredits, entry.credits != null ? html`${locale.number(entry.credits)}${entry.creditUnit ? ` ${enumLabel(locale, 'CreditUnit', entry.creditUnit)}` : ''}` : null)}
${item(t.detailDelivery, enumLabel(locale, 'DeliveryMode', entry.deliveryMode))}
${item(
  t.detailAssessment,
  html`${assessment.types.map((type) => enumLabel(locale, 'AssessmentType', type)).join(', ')}
${assessment.summativeDescription ? html`<br>${t.detailSummative}: ${english}${assessment.summativeDescription}</span>` : ''}
${assessment.passingThreshold != null ? html`<br>${t.detailPassing}: ${locale.number(assessment.passingThreshold)} %` : ''}
${assessment.attemptsAllowed != null ? html`<br>${t.detailAttempts}: ${assessment.attemptsAllowed}` : ''}`,
)}
${item(t.detailSupervision, enumLabel(locale, 'Supervision', entry.supervision))}
${item(t.detailPrerequisites, textList(locale, entry.prerequisites, entry.prerequisitesFr))}
${item(t.detailQuality, html`${entry.qualityAssurance.body} (${enumLabel(locale, 'QualityAssuranceType', entry.qualityAssurance.type)})`)}
${item(t.detailAwards, list(entry.awards.map((a) => html`${enumLabel(locale, 'AwardType', a.type)}: <span lang="en">${a.description}</span>${a.standard ? ` (${a.standard})` : ''}`)))}
${item(t.detailStackability, html`${enumLabel(locale, 'StackabilityKind', entry.stackability.kind)}${entry.stackability.programs.length ? list(entry.stackability.programs.map((p) => html`${link(p.url, p.name)}${p.programCode ? ` (${p.programCode})` : ''}`)) : ''}`)}
${item(t.detailOsapClaim, entry.osapEligible ? t.yes : t.no)}
${item(t.detailPartners, entry.partners.length ? list(entry.partners.map((p) => html`${p.name} (${enumLabel(locale, 'PartnerKind', p.kind)})`)) : t.detailNone)}
${item(t.detailContact, contactText(entry.transferContact))}
${learnerInformationItems(locale, entry)}
${item(t.detailOutline, link(entry.courseOutlineUrl, entry.courseOutlineUrl))}
${item(t.detailStatus, html`${enumLabel(locale, 'MicroCredentialStatus', entry.status)}${entry.sunsetReason ? html` — <span lang="en">${entry.sunsetReason}</span>` : ''}`)}
${item(t.detailEffective, locale.date(entry.effectiveDate))}
${item(t.detailExpiry, entry.expiryDate && locale.date(entry.expiryDate))}
${item(t.detailReview, entry.reviewDate && locale.date(entry.reviewDate))}
${item(t.detailVersion, String(entry.version))}
${item(t.detailUpdated, locale.date(entry.updatedAt))}
</dl>
</section>`;
}

function oqfSection(locale: Locale, entry: Detail): Html {
  const { t } = locale;
  const oqf = entry.oqfAlignment;
  return html`<section aria-labelledby="oqf-heading">
<h2 id="oqf-heading">${t.oqfTitle}</h2>
${
  oqf
    ? html`<p class="oqf-band"><strong>${enumLabel(locale, 'OqfBand', oqf.band)}</strong> — ${t.oqfBandExplanations[oqf.band as keyof typeof t.oqfBandExplanations] ?? ''}</p>
<p>${t.oqfIntro}</p>
<p lang="en" class="oqf-explanation">${oqf.explanation}</p>
${oqf.comparableLevel ? html`<p>${t.oqfComparable}: <span lang="en">${oqf.comparableLevel.name}</span> (${oqf.comparableLevel.number}/13, <span lang="en">${oqf.comparableLevel.typicalDuration}</span>)</p>` : html`<p>${t.oqfNone}</p>`}`
    : notice('warning', t.oqfUnavailable)
}
</section>`;
}

function learningItem(locale: Locale, learning: LearningItem): Html {
  const kind = enumLabel(locale, 'LearningItemKind', learning.kind);
  if (learning.microCredential) {
    const mc = learning.microCredential;
    return html`<a href="${entryPath(locale, mc.id)}">${localizedText(locale, mc.title, mc.titleFr)}</a> <span class="hint">(${kind}, ${learning.institutionCode ?? ''})</span>`;
  }
  return html`<span lang="en">${learning.title ?? learning.ref}</span> <span class="hint">(${kind}${learning.institutionCode ? `, ${learning.institutionCode}` : ''})</span>`;
}

function recognitionItem(locale: Locale, recognition: Recognition, direction: 'as' | 'from'): Html {
  const { t } = locale;
  const equivalency = recognition.equivalency;
  const conditions = [
    equivalency?.minimumGrade != null ? t.minimumGrade(locale.number(equivalency.minimumGrade)) : '',
    equivalency?.recencyYears != null ? t.recency(equivalency.recencyYears) : '',
  ].filter(Boolean);
  return html`<li class="recognition" data-basis="${recognition.basis}">
<p>${learningItem(locale, direction === 'as' ? recognition.for : recognition.from)}${recognition.institution ? html` — ${t.at} <a href="${institutionPath(locale, recognition.institution.code)}">${institutionName(locale, recognition.institution)}</a>` : ''}</p>
<dl class="inline">
<div><dt>${t.basis}</dt><dd>${enumLabel(locale, 'RecognitionBasis', recognition.basis)}${recognition.commonCoreEntry ? html` (${recognition.commonCoreEntry.code})` : ''}</dd></div>
${equivalency ? html`<div><dt>${t.transferValue}</dt><dd>${locale.number(equivalency.transferValue.value)} ${enumLabel(locale, 'TransferUnit', equivalency.transferValue.unit)}, ${enumLabel(locale, 'TransferExtent', equivalency.transferValue.extent)}</dd></div>` : ''}
${conditions.length || equivalency?.conditions ? html`<div><dt>${t.conditions}</dt><dd>${conditions.join('; ')}${equivalency?.conditions ? html`${conditions.length ? '; ' : ''}<span lang="en">${equivalency.conditions}</span>` : ''}</dd></div>` : ''}
${equivalency?.agreement ? html`<div><dt>${t.agreement}</dt><dd><span lang="en">${equivalency.agreement.name}</span> (${enumLabel(locale, 'AgreementKind', equivalency.agreement.kind)})</dd></div>` : ''}
${equivalency ? html`<div><dt>${t.validFromTo}</dt><dd>${locale.date(equivalency.startDate)}${equivalency.endDate ? ` – ${locale.date(equivalency.endDate)}` : ''}</dd></div>` : ''}
${recognition.inference ? html`<div><dt>${t.basis}</dt><dd>${t.strength(`${Math.round(recognition.inference.strength * 100)} %`)}</dd></div>` : ''}
</dl>
</li>`;
}

function recognitionSection(locale: Locale, entry: Detail): Html {
  const { t } = locale;
  const memberships = entry.commonCoreMemberships ?? [];
  const recognizedAs = entry.recognizedAs ?? [];
  const decisions = recognizedAs.filter((r) => r.basis !== 'INFERENCE');
  const inferred = recognizedAs.filter((r) => r.basis === 'INFERENCE');
  const recognizedFrom = entry.recognizedFrom ?? [];
  const nothing = !memberships.length && !recognizedAs.length && !recognizedFrom.length;
  return html`<section aria-labelledby="recognition-heading" class="recognition-section">
<h2 id="recognition-heading">${t.recognitionTitle}</h2>
${nothing ? html`<p>${t.noRecognition}</p>` : ''}
${
  memberships.length
    ? html`<h3>${t.commonCoreTitle}</h3><p>${t.commonCoreIntro}</p>
<ul>${memberships.map(
        ({ entry: core }) =>
          html`<li><strong lang="en">${core.title}</strong> (${core.code}): <span lang="en">${core.description}</span>
<br>${core.institutions.map((i, index) => html`${index ? ', ' : ''}<a href="${institutionPath(locale, i.code)}">${institutionName(locale, i)}</a>`)}</li>`,
      )}</ul>`
    : ''
}
${decisions.length ? html`<h3>${t.recognizedAsTitle}</h3><ul class="recognitions">${decisions.map((r) => recognitionItem(locale, r, 'as'))}</ul>` : ''}
${inferred.length ? html`<h3>${t.enums.RecognitionBasis.INFERENCE}</h3><p>${t.inferredNote}</p><ul class="recognitions">${inferred.map((r) => recognitionItem(locale, r, 'as'))}</ul>` : ''}
${recognizedFrom.length ? html`<h3>${t.recognizedFromTitle}</h3><ul class="recognitions">${recognizedFrom.map((r) => recognitionItem(locale, r, 'from'))}</ul>` : ''}
</section>`;
}

function stacksIntoSection(locale: Locale, entry: Detail): Html {
  const { t } = locale;
  const programs = entry.stacksInto ?? [];
  return html`<section aria-labelledby="stacks-heading">
<h2 id="stacks-heading">${t.stacksIntoTitle}</h2>
${
  programs.length
    ? html`<ul>${programs.map(
        (p) =>
          html`<li><strong lang="en">${p.title}</strong> — <span lang="en">${p.credential}</span>, ${locale.number(p.totalCredits)} ${t.enums.TransferUnit.CREDITS} (OQF ${p.oqfLevel.number}: <span lang="en">${p.oqfLevel.name}</span>)${p.institution ? html`, <a href="${institutionPath(locale, p.institution.code)}">${institutionName(locale, p.institution)}</a>` : ''}</li>`,
      )}</ul>`
    : html`<p>${t.stacksIntoNone}</p>`
}
</section>`;
}

function historySection(locale: Locale, entry: Detail): Html {
  const { t } = locale;
  return html`<section aria-labelledby="history-heading">
<h2 id="history-heading">${t.historyTitle}</h2>
<div class="table-scroll" role="group" aria-labelledby="history-heading" tabindex="0"><table>
<thead><tr><th scope="col">${t.historyVersion}</th><th scope="col">${t.historyStatus}</th><th scope="col">${t.historyRecorded}</th></tr></thead>
<tbody>${entry.history.map(
    (version) =>
      html`<tr><td>${version.version}</td><td>${enumLabel(locale, 'MicroCredentialStatus', version.status)}</td><td>${locale.date(version.recordedAt)}</td></tr>`,
  )}</tbody></table></div>
</section>`;
}

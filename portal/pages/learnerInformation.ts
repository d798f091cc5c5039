/**
 * Contract 1.1's critical information on an entry's page: who it is for, the
 * effort and pacing, how to start, grading, how long the credential lasts,
 * recognition of prior learning, what the fee covers, learning resources,
 * accessibility and whom to ask. Each item shows only when the entry has it:
 * entries published before 1.1, and institutions still on 1.0, leave them null.
 */
import type { Html } from '../html.js';
import { html } from '../html.js';
import type { Locale } from '../i18n/locale.js';
import type { Detail } from '../queries.js';
import { enumLabel, localizedText } from './components.js';
import { contactText, item, link, list, moneyText } from './definitionList.js';

export function learnerInformationItems(locale: Locale, entry: Detail): Html {
  const { t } = locale;
  return html`${item(t.detailAudience, entry.audience && localizedText(locale, entry.audience, entry.audienceFr))}
${item(t.detailEntryLanguages, entry.entryLanguages?.length ? entry.entryLanguages.map((code) => locale.languageName(code.toLowerCase())).join(', ') : null)}
${item(t.detailEffort, entry.learnerEffortHours != null && t.effortHours(locale.number(entry.learnerEffortHours)))}
${item(t.detailPacing, pacingText(locale, entry.pacing))}
${item(t.detailIntake, entry.intakeModel && enumLabel(locale, 'IntakeModel', entry.intakeModel))}
${item(t.detailGrading, entry.gradingScheme && enumLabel(locale, 'GradingScheme', entry.gradingScheme))}
${item(t.detailValidity, validityText(locale, entry.credentialValidity))}
${item(t.detailPriorLearning, priorLearningText(locale, entry.priorLearningAssessment))}
${item(t.detailFees, feesText(locale, entry.fees))}
${item(t.detailResources, entry.learningResources?.length ? resourcesList(locale, entry.learningResources) : null)}
${item(t.detailAccessibility, accessibilityText(locale, entry.accessibility))}
${item(t.detailLearnerContact, entry.learnerContact && contactText(entry.learnerContact))}`;
}

function pacingText(locale: Locale, pacing: Detail['pacing']): string | null {
  if (!pacing) return null;
  const { t } = locale;
  const window = pacing.completionWindowWeeks;
  return `${pacing.selfPaced ? t.selfPaced : t.notSelfPaced}${window != null ? `, ${t.completionWindow(locale.number(window))}` : ''}`;
}

function validityText(locale: Locale, validity: Detail['credentialValidity']): string | null {
  if (!validity) return null;
  const kind = enumLabel(locale, 'CredentialValidityKind', validity.kind);
  return validity.months != null ? `${kind}, ${locale.t.validForMonths(validity.months)}` : kind;
}

function priorLearningText(locale: Locale, plar: Detail['priorLearningAssessment']): Html | null {
  if (!plar) return null;
  const { t } = locale;
  if (!plar.available) return html`${t.priorLearningNotOffered}`;
  return html`${t.priorLearningOffered}${plar.process ? html`: ${localizedText(locale, plar.process, plar.processFr)}` : ''}
${plar.fee ? html`<br>${t.fee}: ${moneyText(locale, plar.fee)}` : ''}
${plar.contact ? html`<br>${contactText(plar.contact)}` : ''}`;
}

function feesText(locale: Locale, fees: Detail['fees']): Html | null {
  if (!fees) return null;
  const { t } = locale;
  const other = fees.other
    ? html`<li>${t.feeOther}: ${moneyText(locale, fees.other)}${fees.otherDescription ? html` (${localizedText(locale, fees.otherDescription, fees.otherDescriptionFr)})` : ''}</li>`
    : '';
  return html`<ul><li>${t.feeTuition}: ${moneyText(locale, fees.tuition)}</li>
${fees.materials ? html`<li>${t.feeMaterials}: ${moneyText(locale, fees.materials)}</li>` : ''}${other}</ul>`;
}

function resourcesList(locale: Locale, resources: NonNullable<Detail['learningResources']>): Html {
  const { t } = locale;
  return list(
    resources.map(
      (resource) =>
        html`${link(resource.url, locale.code === 'fr' && resource.titleFr ? resource.titleFr : resource.title)} <span class="hint">(${enumLabel(locale, 'LearningResourceKind', resource.kind)}, ${resource.includedInFees ? t.includedInFees : t.notIncludedInFees})</span>`,
    ),
  );
}

function accessibilityText(locale: Locale, accessibility: Detail['accessibility']): Html | null {
  if (!accessibility) return null;
  const features = accessibility.features.map((feature) => enumLabel(locale, 'AccessibilityFeature', feature));
  return html`${features.length ? list(features) : ''}${localizedText(locale, accessibility.accommodations, accessibility.accommodationsFr)}
<br>${contactText(accessibility.contact)}`;
}

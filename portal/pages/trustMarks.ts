/**
 * The province's trust marks on an entry's page (schema/framework.graphql,
 * "Provincial trust marks"): what the province, or a body it registered,
 * attests, kept apart from what the institution says about itself. OSAP
 * approval is shown from the province's approval only, never from the
 * institution's `osapEligible` claim.
 */
import { type Html, html } from '../html.js';
import type { Locale } from '../i18n/locale.js';
import type { Detail, TrustMarks } from '../queries.js';
import { enumLabel, notice } from './components.js';
import { link } from './definitionList.js';

const markOrder: ReadonlyArray<keyof TrustMarks> = [
  'osapApproved',
  'verifiedQualityAssurance',
  'employerEndorsed',
  'carriesTransferCredit',
  'stacksIntoProgram',
];

export function trustMarksSection(locale: Locale, entry: Detail): Html {
  const { t } = locale;
  const marks = entry.trustMarks;
  return html`<section aria-labelledby="trust-heading" class="trust-marks">
<h2 id="trust-heading">${t.trustTitle}</h2>
${
  marks
    ? html`<p>${t.trustIntro}</p>
<dl class="facts">${markOrder.map(
        (mark) =>
          html`<div data-trust-mark="${mark}" data-held="${String(marks[mark])}"><dt>${t.trustMarks[mark]}</dt><dd>${marks[mark] ? t.trustHeld : t.trustNotHeld}</dd></div>`,
      )}</dl>
${osapApprovalDetails(locale, entry.osapApproval)}
${verifications(locale, entry.qualityAssuranceVerifications ?? [])}
${endorsements(locale, entry.endorsements ?? [])}`
    : notice('warning', t.trustUnavailable)
}
</section>`;
}

function osapApprovalDetails(locale: Locale, approval: Detail['osapApproval']): Html | '' {
  if (!approval?.inForce) return '';
  const { t } = locale;
  const until = approval.validUntil ? ` – ${locale.date(approval.validUntil)}` : '';
  return html`<p class="osap-approval">${t.osapApproved}: ${t.osapReference} ${approval.reference}, ${locale.date(approval.validFrom)}${until}${approval.ruleException ? html`. ${t.osapRuleException}: <span lang="en">${approval.ruleException}</span>` : ''}</p>`;
}

function verifications(locale: Locale, list: NonNullable<Detail['qualityAssuranceVerifications']>): Html | '' {
  if (!list.length) return '';
  const { t } = locale;
  return html`<h3>${t.verificationsTitle}</h3>
<ul>${list.map(
    (verification) =>
      html`<li><span lang="en">${verification.bodyName}</span>: <span lang="en">${verification.scope}</span>, ${locale.date(verification.verifiedOn)}${verification.validUntil ? ` – ${locale.date(verification.validUntil)}` : ''}</li>`,
  )}</ul>`;
}

function endorsements(locale: Locale, list: NonNullable<Detail['endorsements']>): Html | '' {
  if (!list.length) return '';
  const { t } = locale;
  return html`<h3>${t.endorsementsTitle}</h3>
<ul>${list.map(
    (endorsement) =>
      html`<li>${link(endorsement.endorser.website, endorsement.endorser.name)} <span class="hint">(${enumLabel(locale, 'EndorserKind', endorsement.endorser.kind)})</span>: <q lang="en">${endorsement.statement}</q></li>`,
  )}</ul>`;
}

/**
 * The readable form of a permanent URL: a plain, complete critical-information
 * summary, until the portal serves its own detail pages. The renderers are
 * plain functions of the exported data (`HtmlRenderers`), so the portal can
 * replace them without touching the routes. No script, no external asset:
 * the page works with any browser, screen reader or text browser.
 */
import { deliveryModeText, hoursText, institutionTypeText, regionText, weeksText } from './describe.js';
import type { ExportedEntry, ExportedInstitution } from './exportQueries.js';

export interface InstitutionListing {
  institution: ExportedInstitution;
  entries: Array<{ id: string; url: string; title: string; status: string }>;
  totalCount: number;
}

export interface HtmlRenderers {
  credential(entry: ExportedEntry, schemaOrg: unknown): string;
  institution(listing: InstitutionListing, schemaOrg: unknown): string;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => escapes[character]!);
}

/** JSON inside <script>: `<` escaped so no value can close the element or open a comment. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const style = `body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}
dt{font-weight:600;margin-top:.6rem}dd{margin-left:0}table{border-collapse:collapse;width:100%}
th,td{border:1px solid #888;padding:.3rem .5rem;text-align:left;vertical-align:top}
.notice{border:2px solid #8a4b00;background:#fff4e5;padding:.6rem 1rem}a{color:#0645ad}`;

function page(options: { lang: string; title: string; body: string; jsonLd: unknown; alternates: string[] }): string {
  return `<!doctype html>
<html lang="${escapeHtml(options.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
${options.alternates.join('\n')}
<style>${style}</style>
<script type="application/ld+json">${jsonForScript(options.jsonLd)}</script>
</head>
<body>
<main>
${options.body}
</main>
<footer><p>Ontario micro-credential directory.</p></footer>
</body>
</html>
`;
}

function alternateLinks(url: string): string[] {
  return [
    `<link rel="alternate" type="application/ld+json" href="${escapeHtml(url)}.ctdl.jsonld" title="CTDL">`,
    `<link rel="alternate" type="application/json" href="${escapeHtml(url)}.ob3.json" title="Open Badges 3.0">`,
    `<link rel="alternate" type="application/ld+json" href="${escapeHtml(url)}.schema.jsonld" title="schema.org">`,
  ];
}

function formatLinks(url: string): string {
  return `<h2>Machine-readable forms</h2>
<ul>
<li><a href="${escapeHtml(url)}.ctdl.jsonld">CTDL (Credential Registry) JSON-LD</a></li>
<li><a href="${escapeHtml(url)}.ob3.json">Open Badges 3.0 Achievement</a></li>
<li><a href="${escapeHtml(url)}.schema.jsonld">schema.org Course JSON-LD</a></li>
</ul>`;
}

const list = (items: string[]) => `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
const field = (term: string, value: string) => `<dt>${escapeHtml(term)}</dt><dd>${value}</dd>`;
const link = (href: string, text: string) => `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
const money = (amount: number) => `$${amount.toFixed(2)} CAD`;
const words = (value: string) => value.toLowerCase().replace(/_/g, ' ');

function credentialPage(entry: ExportedEntry, schemaOrg: unknown): string {
  const sunset =
    entry.status === 'SUNSET'
      ? `<p class="notice" role="note"><strong>No longer offered.</strong> This micro-credential was retired${entry.expiryDate ? ` on ${escapeHtml(entry.expiryDate)}` : ''}${entry.sunsetReason ? `: ${escapeHtml(entry.sunsetReason)}` : '.'} This record is kept for learners who earned it and for transfer evaluators.</p>`
      : '';
  const offerings = entry.offerings.length
    ? `<table><caption>Intakes</caption><thead><tr><th scope="col">Starts</th><th scope="col">Ends</th><th scope="col">Where</th><th scope="col">Tuition</th><th scope="col">Register</th></tr></thead><tbody>${entry.offerings
        .map(
          (offering) =>
            `<tr><td>${escapeHtml(offering.startDate)}</td><td>${escapeHtml(offering.endDate)}</td><td>${escapeHtml(offering.location)}</td><td>${money(offering.priceCad)}</td><td>${link(offering.registrationUrl, `Register for ${offering.startDate}`)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p>No intakes are scheduled.</p>';
  const facts = [
    field('Offered by', link(entry.institution.url, entry.institution.name)),
    field('Status', escapeHtml(entry.status === 'SUNSET' ? 'Retired (sunset)' : 'Active')),
    field(
      'Workload',
      `${escapeHtml(hoursText(entry.instructionalHours))} over ${escapeHtml(weeksText(entry.durationWeeks))}`,
    ),
    field('Delivery', escapeHtml(deliveryModeText[entry.deliveryMode])),
    field('Languages of instruction', escapeHtml(entry.languages.join(', '))),
    field(
      'Credit',
      escapeHtml(
        entry.creditBearing && entry.credits != null
          ? `${entry.credits} credits at ${entry.institution.name}`
          : 'Not credit-bearing',
      ),
    ),
    field('OSAP for Micro-credentials', entry.osapEligible ? 'Eligible' : 'Not eligible'),
    field('OQF comparison', escapeHtml(entry.oqfAlignment?.explanation ?? 'Not available right now.')),
    field(
      'Assessment',
      escapeHtml(
        [
          entry.assessment.types.map(words).join(', '),
          entry.assessment.summativeDescription,
          entry.assessment.passingThreshold != null ? `Passing grade ${entry.assessment.passingThreshold}%.` : null,
          entry.assessment.attemptsAllowed != null ? `${entry.assessment.attemptsAllowed} attempts allowed.` : null,
        ]
          .filter(Boolean)
          .join(' — '),
      ),
    ),
    field('Supervision of assessment', escapeHtml(words(entry.supervision))),
    field('Quality assurance', escapeHtml(`${entry.qualityAssurance.body} (${words(entry.qualityAssurance.type)})`)),
    field(
      'Awarded',
      list(entry.awards.map((award) => `${award.description}${award.standard ? ` (${award.standard})` : ''}`)),
    ),
    field(
      'Stackability',
      entry.stackability.kind === 'STACKABLE' && entry.stackability.programs.length
        ? list(entry.stackability.programs.map((program) => program.name))
        : 'Stand-alone',
    ),
    field('Prerequisites', entry.prerequisites.length ? list(entry.prerequisites) : 'None'),
    field('Related occupations (NOC 2021)', list(entry.occupations.map((o) => `${o.nocCode} ${o.title}`))),
    field('Field of study (CIP 2021)', escapeHtml(`${entry.cip.code} ${entry.cip.title}`)),
    field('Partners', entry.partners.length ? list(entry.partners.map((p) => `${p.name} (${words(p.kind)})`)) : 'None'),
    field(
      'Transfer-credit contact',
      `${escapeHtml(entry.transferContact.name)}, ${link(`mailto:${entry.transferContact.email}`, entry.transferContact.email)}${entry.transferContact.phone ? `, ${escapeHtml(entry.transferContact.phone)}` : ''}`,
    ),
    field('Course outline', link(entry.courseOutlineUrl, entry.courseOutlineUrl)),
    field(
      'Effective',
      escapeHtml(`${entry.effectiveDate}${entry.reviewDate ? `; next review ${entry.reviewDate}` : ''}`),
    ),
    field(
      'Directory id',
      `<code>${escapeHtml(entry.id)}</code> (version ${entry.version}, updated ${escapeHtml(entry.updatedAt)})`,
    ),
  ];
  const body = `<h1>${escapeHtml(entry.title)}</h1>
${entry.titleFr ? `<p lang="fr"><strong>${escapeHtml(entry.titleFr)}</strong></p>` : ''}
${sunset}
<p>${escapeHtml(entry.description)}</p>
${entry.descriptionFr ? `<p lang="fr">${escapeHtml(entry.descriptionFr)}</p>` : ''}
<h2>Key facts</h2>
<dl>${facts.join('\n')}</dl>
<h2>What you will be able to do</h2>
${list(entry.learningOutcomes)}
<h2>Skills</h2>
${list(entry.skills.map((skill) => skill.label))}
<h2>Intakes and tuition</h2>
${offerings}
${formatLinks(entry.url)}`;
  return page({
    lang: 'en',
    title: `${entry.title} — ${entry.institution.name}`,
    body,
    jsonLd: schemaOrg,
    alternates: alternateLinks(entry.url),
  });
}

function institutionPage(listing: InstitutionListing, schemaOrg: unknown): string {
  const { institution } = listing;
  const more =
    listing.totalCount > listing.entries.length
      ? `<p>Showing ${listing.entries.length} of ${listing.totalCount}; the full list is in the <a href="/feeds/credentials.jsonl">directory feed</a>.</p>`
      : '';
  const body = `<h1>${escapeHtml(institution.name)}</h1>
${institution.nameFr ? `<p lang="fr"><strong>${escapeHtml(institution.nameFr)}</strong></p>` : ''}
<dl>
${field('Type', escapeHtml(institutionTypeText[institution.type]))}
${field('Region', escapeHtml(regionText[institution.region]))}
${field('Languages of instruction', escapeHtml(institution.languages.join(', ')))}
${field('Website', link(institution.website, institution.website))}
</dl>
<h2>Micro-credentials (${listing.totalCount})</h2>
<ul>${listing.entries
    .map((entry) => `<li>${link(entry.url, entry.title)}${entry.status === 'SUNSET' ? ' (retired)' : ''}</li>`)
    .join('')}</ul>
${more}
${formatLinks(institution.url)}`;
  return page({
    lang: 'en',
    title: institution.name,
    body,
    jsonLd: schemaOrg,
    alternates: alternateLinks(institution.url),
  });
}

export const plainHtmlRenderers: HtmlRenderers = { credential: credentialPage, institution: institutionPage };

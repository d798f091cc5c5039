/** Writes entry inputs as import CSV, following the encoding README "Publishing a catalogue" documents. */
import { csvColumns } from '../../subgraphs/catalogue/catalogueCsv.js';

const escapeItem = (value: unknown) => String(value ?? '').replace(/[\\;|]/g, (char) => `\\${char}`);
const items = (list: unknown, parts: string[]) =>
  ((list as Array<Record<string, unknown>>) ?? [])
    .map((item) => parts.map((part) => escapeItem(item[part])).join('|'))
    .join(';');
const plainList = (list: unknown) => ((list as unknown[]) ?? []).map(escapeItem).join(';');

function cells(entry: Record<string, any>): Record<string, unknown> {
  return {
    slug: entry.slug,
    externalCode: entry.externalCode,
    title: entry.title,
    titleFr: entry.titleFr,
    description: entry.description,
    descriptionFr: entry.descriptionFr,
    languages: plainList(entry.languages),
    learningOutcomes: plainList(entry.learningOutcomes),
    skills: items(entry.skills, ['framework', 'code', 'label']),
    occupations: items(entry.occupations, ['nocCode', 'title']),
    cipCode: entry.cip?.code,
    cipTitle: entry.cip?.title,
    instructionalHours: entry.instructionalHours,
    durationWeeks: entry.durationWeeks,
    creditBearing: entry.creditBearing,
    credits: entry.credits,
    deliveryMode: entry.deliveryMode,
    assessmentTypes: plainList(entry.assessment?.types),
    summativeDescription: entry.assessment?.summativeDescription,
    passingThreshold: entry.assessment?.passingThreshold,
    attemptsAllowed: entry.assessment?.attemptsAllowed,
    supervision: entry.supervision,
    prerequisites: plainList(entry.prerequisites),
    qualityAssuranceBody: entry.qualityAssurance?.body,
    qualityAssuranceType: entry.qualityAssurance?.type,
    awards: items(entry.awards, ['type', 'description', 'standard']),
    stackabilityKind: entry.stackability?.kind,
    stackabilityPrograms: items(entry.stackability?.programs, ['name', 'programCode', 'url']),
    offerings: items(entry.offerings, [
      'code',
      'startDate',
      'endDate',
      'location',
      'online',
      'priceCad',
      'registrationUrl',
    ]),
    osapEligible: entry.osapEligible,
    partners: items(entry.partners, ['name', 'kind']),
    transferContactName: entry.transferContact?.name,
    transferContactEmail: entry.transferContact?.email,
    transferContactPhone: entry.transferContact?.phone,
    courseOutlineUrl: entry.courseOutlineUrl,
    status: entry.status ?? 'ACTIVE',
    effectiveDate: entry.effectiveDate,
    expiryDate: entry.expiryDate,
    reviewDate: entry.reviewDate,
  };
}

function quote(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(entries: Array<Record<string, unknown>>): string {
  const columns = Object.keys(csvColumns);
  const rows = entries.map((entry) => {
    const row = cells(entry);
    return columns.map((column) => quote(row[column])).join(',');
  });
  return `${[columns.join(','), ...rows].join('\r\n')}\r\n`;
}

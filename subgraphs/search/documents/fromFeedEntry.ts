/**
 * Maps one change-feed entry to the document the index holds, checking
 * everything on the way: the entry comes from a remote subgraph and is not
 * trusted. A bad entry is rejected with a reason and never indexed.
 */
import type { FeedEntry } from '../indexer/changesQuery.js';
import { frenchLabel, frenchSkillLabel } from '../../../runtime/taxonomyLabels.js';
import {
  deliveryModes,
  institutionTypes,
  oqfBands,
  regions,
  type DeliveryMode,
  type InstitutionType,
  type OqfBand,
  type PublicStatus,
  type QualityMarker,
  type Region,
  type SearchDocument,
} from './searchDocument.js';

export type MappedEntry = { document: SearchDocument } | { rejected: string };

const maxTextLength = 20_000;
const calendarDate = /^\d{4}-\d{2}-\d{2}$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point: they are stripped from feed text.
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** `today` (`YYYY-MM-DD`) decides which intakes are upcoming. */
export function toSearchDocument(entry: unknown, institution: string, today: string): MappedEntry {
  try {
    return { document: mapEntry(entry as FeedEntry, institution, today) };
  } catch (error) {
    if (error instanceof EntryProblem) return { rejected: error.message };
    throw error;
  }
}

class EntryProblem extends Error {}

function mapEntry(entry: FeedEntry, institution: string, today: string): SearchDocument {
  if (typeof entry !== 'object' || entry === null) throw new EntryProblem('entry is not an object');
  const id = text(entry.id, 'id');
  if (!id.startsWith(`${institution}:`) || id.length === institution.length + 1) {
    throw new EntryProblem(`id "${id.slice(0, 80)}" does not belong to institution "${institution}"`);
  }
  const status = oneOf<PublicStatus>(entry.status, ['ACTIVE', 'SUNSET'], 'status');
  const offerings = list(entry.offerings, 'offerings').map((offering) => ({
    startDate: date(offering?.startDate, 'offerings.startDate'),
    priceCad: nonNegative(offering?.priceCad, 'offerings.priceCad'),
  }));
  const upcoming = offerings.filter((offering) => offering.startDate >= today);
  const priced = upcoming.length ? upcoming : offerings;
  const owner = entry.institution ?? ({} as FeedEntry['institution']);
  if (owner.code !== institution)
    throw new EntryProblem(`institution.code "${String(owner.code)}" is not "${institution}"`);
  const ownLanguages = distinct(list(entry.languages, 'languages').map((language) => text(language, 'languages')));
  const updatedAt = Date.parse(text(entry.updatedAt, 'updatedAt'));
  if (Number.isNaN(updatedAt)) throw new EntryProblem('updatedAt is not an instant');
  return {
    id,
    institution,
    institutionName: optionalText(owner.name, 'institution.name') ?? institution,
    institutionNameFr: optionalText(owner.nameFr, 'institution.nameFr'),
    institutionType:
      owner.type == null ? null : oneOf<InstitutionType>(owner.type, institutionTypes, 'institution.type'),
    region: owner.region == null ? null : oneOf<Region>(owner.region, regions, 'institution.region'),
    title: text(entry.title, 'title'),
    titleFr: optionalText(entry.titleFr, 'titleFr'),
    description: text(entry.description, 'description'),
    descriptionFr: optionalText(entry.descriptionFr, 'descriptionFr'),
    skills: distinct(list(entry.skills, 'skills').map((skill) => text(skill?.label, 'skills.label'))),
    skillsFr: distinct(list(entry.skills, 'skills').flatMap((skill) => (skill ? (frenchSkillLabel(skill) ?? []) : []))),
    occupations: distinct(list(entry.occupations, 'occupations').map((o) => text(o?.nocCode, 'occupations.nocCode'))),
    occupationTitles: distinct(list(entry.occupations, 'occupations').map((o) => text(o?.title, 'occupations.title'))),
    occupationTitlesFr: distinct(
      list(entry.occupations, 'occupations').flatMap((o) => frenchLabel('noc', String(o?.nocCode)) ?? []),
    ),
    languages: ownLanguages.length
      ? ownLanguages
      : distinct(list(owner.languages ?? [], 'institution.languages').map((l) => text(l, 'institution.languages'))),
    deliveryMode: oneOf<DeliveryMode>(entry.deliveryMode, deliveryModes, 'deliveryMode'),
    oqfBand: entry.oqfAlignment == null ? null : oneOf<OqfBand>(entry.oqfAlignment.band, oqfBands, 'oqfAlignment.band'),
    osapEligible: bool(entry.osapEligible, 'osapEligible'),
    creditBearing: bool(entry.creditBearing, 'creditBearing'),
    ...qualityMarkersOf(entry),
    commonCore: distinct(
      list(entry.commonCoreMemberships ?? [], 'commonCoreMemberships').map((m) =>
        text(m?.entry?.code, 'commonCoreMemberships.entry.code'),
      ),
    ),
    hours: nonNegative(entry.instructionalHours, 'instructionalHours'),
    weeks: nonNegative(entry.durationWeeks, 'durationWeeks'),
    cost: priced.length ? Math.min(...priced.map((offering) => offering.priceCad)) : null,
    maxCost: priced.length ? Math.max(...priced.map((offering) => offering.priceCad)) : null,
    nextStartDate: upcoming.length ? upcoming.map((offering) => offering.startDate).sort()[0]! : null,
    status,
    updatedAt: new Date(updatedAt).toISOString(),
    url: httpUrl(entry.url, 'url'),
  };
}

/**
 * The quality markers (searchDocument.ts `qualityMarkers`). A feed without the
 * province's `trustMarks` (an older feed, tests) counts none of the province's marks.
 */
function qualityMarkersOf(entry: FeedEntry): Record<QualityMarker, boolean> {
  const marks = entry.trustMarks ?? null;
  const mark = (field: keyof NonNullable<FeedEntry['trustMarks']>) =>
    marks === null ? false : bool(marks[field], `trustMarks.${field}`);
  const partnerKinds = list(entry.partners ?? [], 'partners').map((partner) => partner?.kind);
  return {
    employerPartnered: partnerKinds.includes('EMPLOYER') || mark('employerEndorsed'),
    stackable: entry.stackability?.kind === 'STACKABLE' || mark('stacksIntoProgram'),
    verifiedQualityAssurance: mark('verifiedQualityAssurance'),
    transferCredit: mark('carriesTransferCredit'),
    osapApproved: mark('osapApproved'),
  };
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new EntryProblem(`${field} must be a non-empty string`);
  if (value.length > maxTextLength) throw new EntryProblem(`${field} is longer than ${maxTextLength} characters`);
  // Control characters have no place in catalogue text, and two of them are our highlight markers.
  return value.replace(controlCharacters, '');
}

function httpUrl(value: unknown, field: string): string {
  const url = text(value, field);
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol))
    throw new EntryProblem(`${field} is not an http(s) URL`);
  return url;
}

function optionalText(value: unknown, field: string): string | null {
  return value == null || value === '' ? null : text(value, field);
}

function list<T>(value: T[] | null | undefined, field: string): T[] {
  if (!Array.isArray(value)) throw new EntryProblem(`${field} must be a list`);
  return value;
}

function nonNegative(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new EntryProblem(`${field} must be a non-negative number`);
  }
  return value;
}

function bool(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw new EntryProblem(`${field} must be true or false`);
  return value;
}

function date(value: unknown, field: string): string {
  if (typeof value !== 'string' || !calendarDate.test(value)) throw new EntryProblem(`${field} must be YYYY-MM-DD`);
  return value;
}

function oneOf<T extends string>(value: unknown, allowed: readonly string[], field: string): T {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw new EntryProblem(`${field} "${String(value).slice(0, 40)}" is not one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}

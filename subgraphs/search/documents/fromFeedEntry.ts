/**
 * Maps one change-feed entry to the document the index holds, parsing
 * everything on the way: the entry comes from an institution's subgraph and is
 * not trusted. Like a catalogue entry (runtime/checker.ts), it yields the
 * document typed only when nothing is wrong, and otherwise every problem, each
 * with a code and a path, so the indexer's log names everything the
 * institution has to fix at once. A rejected entry is never indexed.
 */
import { Checker, isRecord, type Parsed } from '../../../runtime/checker.js';
import type { Path } from '../../../runtime/problemPath.js';
import { isCalendarDate, isHttpUrl } from '../../../runtime/stringFormats.js';
import { frenchLabel, frenchSkillLabel } from '../../../runtime/taxonomyLabels.js';
import type { FeedEntry } from '../indexer/changesQuery.js';
import type { FeedEntryProblemCode } from './feedEntryProblems.js';
import {
  deliveryModes,
  institutionTypes,
  oqfBands,
  publicStatuses,
  regions,
  type InstitutionType,
  type QualityMarker,
  type Region,
  type SearchDocument,
} from './searchDocument.js';

export type ParsedFeedEntry = Parsed<SearchDocument, FeedEntryProblemCode>;

type FeedChecker = Checker<FeedEntryProblemCode>;

const maxTextLength = 20_000;
/** The feed's lists have no size limit of their own: the institution's contract sets those. */
const anySize = { min: 0, max: Number.POSITIVE_INFINITY };
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point: they are stripped from feed text.
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** `today` (`YYYY-MM-DD`) decides which intakes are upcoming; `institution` is the feed's owner. */
export function parseFeedEntry(entry: unknown, institution: string, today: string): ParsedFeedEntry {
  const check: FeedChecker = new Checker();
  if (!check.record([], entry)) return { ok: false, problems: check.problems };
  return check.parsed(documentOf(entry, check, institution, today));
}

/** The document as each check read its field; a field that failed holds a placeholder `check.parsed` never hands out. */
function documentOf(
  entry: Record<string, unknown>,
  check: FeedChecker,
  institution: string,
  today: string,
): SearchDocument {
  // Read in the order the problems should be listed: who the entry is, then what it says.
  const id = ownId(check, entry.id, institution);
  const owner = ownerOf(check, entry.institution, institution);
  const offerings = listOf(check, ['offerings'], entry.offerings, (path, offering) =>
    offeringOf(check, path, offering),
  );
  const upcoming = offerings.filter((offering) => offering.startDate >= today);
  const priced = upcoming.length ? upcoming : offerings;
  const skills = listOf(check, ['skills'], entry.skills, (path, skill) =>
    check.record(path, skill)
      ? { label: text(check, [...path, 'label'], skill.label), labelFr: frenchSkillLabel(skill) }
      : { label: '', labelFr: undefined },
  );
  const occupations = listOf(check, ['occupations'], entry.occupations, (path, occupation) =>
    check.record(path, occupation)
      ? {
          nocCode: text(check, [...path, 'nocCode'], occupation.nocCode),
          title: text(check, [...path, 'title'], occupation.title),
        }
      : { nocCode: '', title: '' },
  );
  const ownLanguages = texts(check, ['languages'], entry.languages);
  return {
    id,
    institution,
    institutionName: owner.name ?? institution,
    institutionNameFr: owner.nameFr,
    institutionType: owner.type,
    region: owner.region,
    title: text(check, ['title'], entry.title),
    titleFr: optionalText(check, ['titleFr'], entry.titleFr),
    description: text(check, ['description'], entry.description),
    descriptionFr: optionalText(check, ['descriptionFr'], entry.descriptionFr),
    skills: distinct(skills.map((skill) => skill.label)),
    skillsFr: distinct(skills.flatMap((skill) => skill.labelFr ?? [])),
    occupations: distinct(occupations.map((occupation) => occupation.nocCode)),
    occupationTitles: distinct(occupations.map((occupation) => occupation.title)),
    occupationTitlesFr: distinct(occupations.flatMap((occupation) => frenchLabel('noc', occupation.nocCode) ?? [])),
    // The institution's languages stand in for an entry that names none, and are read only then.
    languages: ownLanguages.length ? ownLanguages : owner.languages(),
    deliveryMode: check.oneOf(['deliveryMode'], entry.deliveryMode, deliveryModes) ? entry.deliveryMode : 'HYBRID',
    oqfBand: optionalOneOf(check, ['oqfAlignment', 'band'], bandOf(check, entry.oqfAlignment), oqfBands),
    osapEligible: flag(check, ['osapEligible'], entry.osapEligible),
    creditBearing: flag(check, ['creditBearing'], entry.creditBearing),
    ...qualityMarkersOf(check, entry),
    commonCore: distinct(
      listOf(check, ['commonCoreMemberships'], entry.commonCoreMemberships ?? [], (path, membership) =>
        check.record(path, membership) && check.record([...path, 'entry'], membership.entry)
          ? text(check, [...path, 'entry', 'code'], membership.entry.code)
          : '',
      ),
    ),
    hours: nonNegative(check, ['instructionalHours'], entry.instructionalHours),
    weeks: nonNegative(check, ['durationWeeks'], entry.durationWeeks),
    cost: priced.length ? Math.min(...priced.map((offering) => offering.priceCad)) : null,
    maxCost: priced.length ? Math.max(...priced.map((offering) => offering.priceCad)) : null,
    nextStartDate: upcoming.length ? upcoming.map((offering) => offering.startDate).sort()[0]! : null,
    status: check.oneOf(['status'], entry.status, publicStatuses) ? entry.status : 'ACTIVE',
    updatedAt: instant(check, ['updatedAt'], entry.updatedAt),
    url: httpUrl(check, ['url'], entry.url),
  };
}

/** The global id `<institution>:<slug>`, which must be of the institution whose feed sent it. */
function ownId(check: FeedChecker, value: unknown, institution: string): string {
  const id = cleanText(check, ['id'], value);
  if (id === undefined) return '';
  if (!id.startsWith(`${institution}:`) || id.length === institution.length + 1) {
    check.problem(['id'], 'WRONG_INSTITUTION', `must be "${institution}:" and a slug, got ${JSON.stringify(id)}`);
  }
  return id;
}

interface Owner {
  name: string | null;
  nameFr: string | null;
  type: InstitutionType | null;
  region: Region | null;
  /** Read on demand: only an entry naming no language of instruction falls back to them. */
  languages(): string[];
}

/** The entry's institution, as the framework describes it; its code must be the feed's. */
function ownerOf(check: FeedChecker, value: unknown, institution: string): Owner {
  const path = ['institution'];
  if (!check.record(path, value)) return { name: null, nameFr: null, type: null, region: null, languages: () => [] };
  if (!check.missing([...path, 'code'], value.code, `"${institution}"`) && value.code !== institution) {
    check.problem(
      [...path, 'code'],
      'WRONG_INSTITUTION',
      `must be "${institution}", got ${JSON.stringify(value.code)}`,
    );
  }
  return {
    name: optionalText(check, [...path, 'name'], value.name),
    nameFr: optionalText(check, [...path, 'nameFr'], value.nameFr),
    type: optionalOneOf(check, [...path, 'type'], value.type, institutionTypes),
    region: optionalOneOf(check, [...path, 'region'], value.region, regions),
    languages: () => texts(check, [...path, 'languages'], value.languages ?? []),
  };
}

function offeringOf(check: FeedChecker, path: Path, value: unknown): { startDate: string; priceCad: number } {
  if (!check.record(path, value)) return { startDate: '', priceCad: 0 };
  const date = { code: 'INVALID_DATE', test: isCalendarDate } as const;
  return {
    startDate: check.format([...path, 'startDate'], value.startDate, date, 'a date YYYY-MM-DD') ? value.startDate : '',
    priceCad: nonNegative(check, [...path, 'priceCad'], value.priceCad),
  };
}

/** The band of `oqfAlignment`, which the framework leaves null when it has no alignment. */
function bandOf(check: FeedChecker, alignment: unknown): unknown {
  return alignment == null || !check.record(['oqfAlignment'], alignment) ? null : alignment.band;
}

type TrustMarkField = keyof NonNullable<FeedEntry['trustMarks']>;

/**
 * The quality markers (searchDocument.ts `qualityMarkers`). A feed without the
 * province's `trustMarks` (an older feed, tests) counts none of the province's marks.
 */
function qualityMarkersOf(check: FeedChecker, entry: Record<string, unknown>): Record<QualityMarker, boolean> {
  const marks = entry.trustMarks == null || !check.record(['trustMarks'], entry.trustMarks) ? null : entry.trustMarks;
  const mark = (field: TrustMarkField) => (marks === null ? false : flag(check, ['trustMarks', field], marks[field]));
  const endorsed = {
    employer: mark('employerEndorsed'),
    stacking: mark('stacksIntoProgram'),
    qualityAssurance: mark('verifiedQualityAssurance'),
    transferCredit: mark('carriesTransferCredit'),
    osap: mark('osapApproved'),
  };
  // Partners' kinds and the stackability are the institution's own claims; only an employer partner and STACKABLE count.
  const partners = listOf(check, ['partners'], entry.partners ?? [], (_path, partner) =>
    isRecord(partner) ? partner.kind : undefined,
  );
  const stackability = isRecord(entry.stackability) ? entry.stackability.kind : undefined;
  return {
    employerPartnered: partners.includes('EMPLOYER') || endorsed.employer,
    stackable: stackability === 'STACKABLE' || endorsed.stacking,
    verifiedQualityAssurance: endorsed.qualityAssurance,
    transferCredit: endorsed.transferCredit,
    osapApproved: endorsed.osap,
  };
}

/** A checked list's items as each was read; a list that is not one reads as empty (its problem is in `check`). */
function listOf<T>(check: FeedChecker, path: Path, value: unknown, readItem: (path: Path, item: unknown) => T): T[] {
  const items: T[] = [];
  check.list(path, value, anySize, (itemPath, item) => items.push(readItem(itemPath, item)));
  return items;
}

/** A list of texts, each once. */
function texts(check: FeedChecker, path: Path, value: unknown): string[] {
  return distinct(listOf(check, path, value, (itemPath, item) => text(check, itemPath, item)));
}

function text(check: FeedChecker, path: Path, value: unknown): string {
  return cleanText(check, path, value) ?? '';
}

/** A non-empty string of at most maxTextLength characters, control characters removed; undefined when it is not one. */
function cleanText(check: FeedChecker, path: Path, value: unknown): string | undefined {
  // Control characters have no place in catalogue text, and two of them are our highlight markers.
  return check.text(path, value, maxTextLength) ? value.replace(controlCharacters, '') : undefined;
}

/** Absent, null and empty are all "none". */
function optionalText(check: FeedChecker, path: Path, value: unknown): string | null {
  return value == null || value === '' ? null : text(check, path, value);
}

function optionalOneOf<T extends string>(
  check: FeedChecker,
  path: Path,
  value: unknown,
  allowed: readonly T[],
): T | null {
  return value != null && check.oneOf(path, value, allowed) ? value : null;
}

function httpUrl(check: FeedChecker, path: Path, value: unknown): string {
  const url = cleanText(check, path, value);
  if (url === undefined) return '';
  if (isHttpUrl(url)) return url;
  check.problem(path, 'INVALID_URL', 'must be an absolute http(s) URL');
  return '';
}

/** An instant in any form Date.parse reads, stored as ISO 8601 UTC. */
function instant(check: FeedChecker, path: Path, value: unknown): string {
  const written = cleanText(check, path, value);
  if (written === undefined) return '';
  const time = Date.parse(written);
  if (!Number.isNaN(time)) return new Date(time).toISOString();
  check.problem(path, 'INVALID_INSTANT', 'must be an instant such as 2026-06-01T12:00:00Z');
  return '';
}

function nonNegative(check: FeedChecker, path: Path, value: unknown): number {
  return check.number(path, value, { min: 0, max: Number.POSITIVE_INFINITY }) ? value : 0;
}

function flag(check: FeedChecker, path: Path, value: unknown): boolean {
  return check.boolean(path, value) ? value : false;
}

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}

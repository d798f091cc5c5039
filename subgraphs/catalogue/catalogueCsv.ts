/**
 * The CSV import format: one entry per row, columns named as below (order
 * free). Nested lists use `;` between items and `|` between an item's parts,
 * in the order given here; `\;`, `\|` and `\\` escape them. An empty cell is
 * "not given". README "Publishing a catalogue" documents the same table.
 */
import { splitEscaped, type CsvRecord } from './csvRecords.js';
import { setPath } from './setPath.js';

type Cell = (value: string) => unknown;

const text: Cell = (value) => value;
const list: Cell = (value) => splitEscaped(value, ';').map((item) => item.trim());
const number: Cell = (value) => (value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value);
const boolean: Cell = (value) => {
  const normal = value.trim().toLowerCase();
  return ['true', 'yes', '1'].includes(normal) ? true : ['false', 'no', '0'].includes(normal) ? false : value;
};
/** The parts of each record column, in their order in a cell (and of a money cell, `250|CAD`). */
export const recordParts = {
  skills: ['framework', 'code', 'label'],
  occupations: ['nocCode', 'title'],
  awards: ['type', 'description', 'standard', 'descriptionFr'],
  stackabilityPrograms: ['name', 'programCode', 'url'],
  offerings: [
    'code',
    'startDate',
    'endDate',
    'location',
    'online',
    'priceCad',
    'registrationUrl',
    'seats',
    'seatsAvailable',
    'language',
  ],
  offeringAddresses: ['code', 'streetAddress', 'locality', 'region', 'postalCode', 'country'],
  offeringSessions: ['code', 'day', 'startTime', 'endTime', 'timeZone'],
  learningResources: ['kind', 'title', 'url', 'includedInFees', 'titleFr'],
  partners: ['name', 'kind'],
  money: ['amount', 'currency'],
};

/** A `;`-list of `|`-separated parts, each converted by its own cell reader. */
const records =
  (names: string[], readers: Cell[] = []): Cell =>
  (value) =>
    splitEscaped(value, ';').map((item) => {
      const parts = splitEscaped(item, '|');
      return Object.fromEntries(
        names.map((name, index) => {
          const part = parts[index]?.trim();
          return [name, part === undefined || part === '' ? null : (readers[index] ?? text)(part)];
        }),
      );
    });

/** One `|`-separated record, e.g. a fee `250|CAD`. */
const record =
  (names: string[], readers: Cell[] = []): Cell =>
  (value) =>
    (records(names, readers)(value) as unknown[])[0];
const money = record(recordParts.money, [number, text]);

/** Column → where it goes in the entry, and how the cell is read. */
export const csvColumns: Record<string, { path: string[]; read: Cell }> = {
  slug: { path: ['slug'], read: text },
  externalCode: { path: ['externalCode'], read: text },
  title: { path: ['title'], read: text },
  titleFr: { path: ['titleFr'], read: text },
  description: { path: ['description'], read: text },
  descriptionFr: { path: ['descriptionFr'], read: text },
  languages: { path: ['languages'], read: list },
  learningOutcomes: { path: ['learningOutcomes'], read: list },
  skills: { path: ['skills'], read: records(recordParts.skills) },
  occupations: { path: ['occupations'], read: records(recordParts.occupations) },
  cipCode: { path: ['cip', 'code'], read: text },
  cipTitle: { path: ['cip', 'title'], read: text },
  instructionalHours: { path: ['instructionalHours'], read: number },
  durationWeeks: { path: ['durationWeeks'], read: number },
  creditBearing: { path: ['creditBearing'], read: boolean },
  credits: { path: ['credits'], read: number },
  deliveryMode: { path: ['deliveryMode'], read: text },
  assessmentTypes: { path: ['assessment', 'types'], read: list },
  summativeDescription: { path: ['assessment', 'summativeDescription'], read: text },
  passingThreshold: { path: ['assessment', 'passingThreshold'], read: number },
  attemptsAllowed: { path: ['assessment', 'attemptsAllowed'], read: number },
  supervision: { path: ['supervision'], read: text },
  prerequisites: { path: ['prerequisites'], read: list },
  audience: { path: ['audience'], read: text },
  audienceFr: { path: ['audienceFr'], read: text },
  qualityAssuranceBody: { path: ['qualityAssurance', 'body'], read: text },
  qualityAssuranceType: { path: ['qualityAssurance', 'type'], read: text },
  awards: { path: ['awards'], read: records(recordParts.awards) },
  stackabilityKind: { path: ['stackability', 'kind'], read: text },
  stackabilityPrograms: { path: ['stackability', 'programs'], read: records(recordParts.stackabilityPrograms) },
  offerings: {
    path: ['offerings'],
    read: records(recordParts.offerings, [text, text, text, text, boolean, number, text, number, number, text]),
  },
  // Contract 1.1.
  offeringAddresses: {
    path: ['offeringAddresses'],
    read: records(recordParts.offeringAddresses),
  },
  offeringSessions: { path: ['offeringSessions'], read: records(recordParts.offeringSessions) },
  entryLanguages: { path: ['entryLanguages'], read: list },
  learningOutcomesFr: { path: ['learningOutcomesFr'], read: list },
  prerequisitesFr: { path: ['prerequisitesFr'], read: list },
  summativeDescriptionFr: { path: ['assessment', 'summativeDescriptionFr'], read: text },
  plarAvailable: { path: ['priorLearningAssessment', 'available'], read: boolean },
  plarProcess: { path: ['priorLearningAssessment', 'process'], read: text },
  plarProcessFr: { path: ['priorLearningAssessment', 'processFr'], read: text },
  plarFee: { path: ['priorLearningAssessment', 'fee'], read: money },
  plarContactName: { path: ['priorLearningAssessment', 'contact', 'name'], read: text },
  plarContactEmail: { path: ['priorLearningAssessment', 'contact', 'email'], read: text },
  plarContactPhone: { path: ['priorLearningAssessment', 'contact', 'phone'], read: text },
  learningResources: {
    path: ['learningResources'],
    read: records(recordParts.learningResources, [text, text, text, boolean, text]),
  },
  selfPaced: { path: ['pacing', 'selfPaced'], read: boolean },
  completionWindowWeeks: { path: ['pacing', 'completionWindowWeeks'], read: number },
  intakeModel: { path: ['intakeModel'], read: text },
  credentialValidityKind: { path: ['credentialValidity', 'kind'], read: text },
  credentialValidityMonths: { path: ['credentialValidity', 'months'], read: number },
  gradingScheme: { path: ['gradingScheme'], read: text },
  creditUnit: { path: ['creditUnit'], read: text },
  learnerEffortHours: { path: ['learnerEffortHours'], read: number },
  learnerContactName: { path: ['learnerContact', 'name'], read: text },
  learnerContactEmail: { path: ['learnerContact', 'email'], read: text },
  learnerContactPhone: { path: ['learnerContact', 'phone'], read: text },
  accessibilityFeatures: { path: ['accessibility', 'features'], read: list },
  accessibilityAccommodations: { path: ['accessibility', 'accommodations'], read: text },
  accessibilityAccommodationsFr: { path: ['accessibility', 'accommodationsFr'], read: text },
  accessibilityContactName: { path: ['accessibility', 'contact', 'name'], read: text },
  accessibilityContactEmail: { path: ['accessibility', 'contact', 'email'], read: text },
  accessibilityContactPhone: { path: ['accessibility', 'contact', 'phone'], read: text },
  feeTuition: { path: ['fees', 'tuition'], read: money },
  feeMaterials: { path: ['fees', 'materials'], read: money },
  feeOther: { path: ['fees', 'other'], read: money },
  feeOtherDescription: { path: ['fees', 'otherDescription'], read: text },
  feeOtherDescriptionFr: { path: ['fees', 'otherDescriptionFr'], read: text },
  osapEligible: { path: ['osapEligible'], read: boolean },
  partners: { path: ['partners'], read: records(recordParts.partners) },
  transferContactName: { path: ['transferContact', 'name'], read: text },
  transferContactEmail: { path: ['transferContact', 'email'], read: text },
  transferContactPhone: { path: ['transferContact', 'phone'], read: text },
  courseOutlineUrl: { path: ['courseOutlineUrl'], read: text },
  status: { path: ['status'], read: text },
  effectiveDate: { path: ['effectiveDate'], read: text },
  expiryDate: { path: ['expiryDate'], read: text },
  reviewDate: { path: ['reviewDate'], read: text },
};

/** Lists that an empty cell leaves empty rather than missing (an entry may have none). */
const emptyListColumns = new Set(['prerequisites', 'partners', 'offerings', 'stackabilityPrograms']);

export interface CsvEntry {
  line: number;
  entry: Record<string, unknown>;
}

/** Rows as entry objects; unknown header columns are reported, not ignored. */
export function entriesFromCsv(rows: CsvRecord[]): { entries: CsvEntry[]; unknownColumns: string[] } {
  const [header, ...data] = rows;
  if (!header) return { entries: [], unknownColumns: [] };
  const columns = header.fields.map((name) => name.trim());
  const unknownColumns = columns.filter((name) => !(name in csvColumns));
  const entries = data.map(({ line, fields }) => {
    const entry: Record<string, unknown> = {};
    columns.forEach((name, index) => {
      const column = csvColumns[name];
      const cell = fields[index] ?? '';
      if (!column) return;
      if (cell.trim() === '') {
        if (emptyListColumns.has(name)) setPath(entry, column.path, []);
        return;
      }
      setPath(entry, column.path, column.read(cell));
    });
    // Stand-alone entries stack toward nothing; saying so in every row would be noise.
    const stackability = entry.stackability as Record<string, unknown> | undefined;
    if (stackability && stackability.programs === undefined) stackability.programs = [];
    attachOfferingParts(entry);
    return { line, entry };
  });
  return { entries, unknownColumns };
}

/**
 * Addresses and weekly sessions sit in their own columns, keyed by offering
 * code, because a cell cannot nest a third separator. A code that names no
 * offering of the row becomes an offering of its own, so validation reports
 * its missing dates instead of the data vanishing.
 */
function attachOfferingParts(entry: Record<string, unknown>): void {
  const { offeringAddresses, offeringSessions } = entry as Record<string, Array<Record<string, unknown>> | undefined>;
  delete entry.offeringAddresses;
  delete entry.offeringSessions;
  if (!offeringAddresses && !offeringSessions) return;
  entry.offerings ??= [];
  const offerings = entry.offerings as Array<Record<string, unknown>>;
  const offering = (code: unknown) => {
    const found = offerings.find((candidate) => candidate.code === code);
    if (found) return found;
    const added = { code } as Record<string, unknown>;
    offerings.push(added);
    return added;
  };
  for (const { code, ...address } of offeringAddresses ?? []) offering(code).address = address;
  for (const { code, timeZone, ...session } of offeringSessions ?? []) {
    const target = offering(code);
    target.schedule ??= { timeZone, sessions: [], note: null };
    (target.schedule as { sessions: unknown[] }).sessions.push(session);
  }
}

/**
 * The CSV import format: one entry per row, columns named as below (order
 * free). Nested lists use `;` between items and `|` between an item's parts,
 * in the order given here; `\;`, `\|` and `\\` escape them. An empty cell is
 * "not given". README "Publishing a catalogue" documents the same table.
 */
import { splitEscaped, type CsvRecord } from './csvRecords.js';

type Cell = (value: string) => unknown;

const text: Cell = (value) => value;
const list: Cell = (value) => splitEscaped(value, ';').map((item) => item.trim());
const number: Cell = (value) => (value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value);
const boolean: Cell = (value) => {
  const normal = value.trim().toLowerCase();
  return ['true', 'yes', '1'].includes(normal) ? true : ['false', 'no', '0'].includes(normal) ? false : value;
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
  skills: { path: ['skills'], read: records(['framework', 'code', 'label']) },
  occupations: { path: ['occupations'], read: records(['nocCode', 'title']) },
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
  awards: { path: ['awards'], read: records(['type', 'description', 'standard']) },
  stackabilityKind: { path: ['stackability', 'kind'], read: text },
  stackabilityPrograms: { path: ['stackability', 'programs'], read: records(['name', 'programCode', 'url']) },
  offerings: {
    path: ['offerings'],
    read: records(
      ['code', 'startDate', 'endDate', 'location', 'online', 'priceCad', 'registrationUrl'],
      [text, text, text, text, boolean, number, text],
    ),
  },
  osapEligible: { path: ['osapEligible'], read: boolean },
  partners: { path: ['partners'], read: records(['name', 'kind']) },
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
    return { line, entry };
  });
  return { entries, unknownColumns };
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[path.at(-1)!] = value;
}

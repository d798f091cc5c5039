/**
 * Bulk import, shared by the importCatalogue mutation and `npm run import`.
 * Every row is validated and every bad row reported (line and field) before
 * anything is written; the write is one transaction; entries are matched by
 * externalCode, so importing the same file again updates rather than
 * duplicates (and changes nothing when nothing changed).
 */
import { inArray, or } from 'drizzle-orm';
import { isRecord } from '../../../runtime/checker.js';
import { CatalogueEntryError, parseCatalogueEntries, findEntryWarnings } from '../catalogueEntry.js';
import { entriesFromCsv, type CsvEntry } from '../catalogueCsv.js';
import type { OfficialLanguage } from '../criticalInformation.js';
import { CsvSyntaxError, parseCsv } from '../csvRecords.js';
import type { ImportPayloadParent, PublishingProblem } from '../parents.js';
import { recordAudit, type Actor } from './auditTrail.js';
import { explainConstraintViolation, writeValidEntries } from './catalogueStore.js';
import { lockChangeLog } from './changeLog.js';
import type { CatalogueDatabase, CatalogueTransaction } from './connection.js';
import { asPublishingProblem, PublishingRefusal } from './publishingStore.js';
import type { OsapClaimCheck } from '../osapClaim.js';
import { microCredentials } from './schema.js';

export type ImportFormat = 'CSV' | 'JSON';

/** One row of an import as the file gave it: a JSON file's item may be anything until it is parsed. */
interface ImportRecord {
  line: number;
  entry: unknown;
}

/** At most this many rows per import; larger catalogues import in several files. */
export const maxImportRows = 5000;

export async function importCatalogue(
  db: CatalogueDatabase,
  actor: Actor,
  format: ImportFormat,
  content: string,
  checkOsapClaims: OsapClaimCheck,
  institutionLanguages?: readonly OfficialLanguage[],
): Promise<ImportPayloadParent> {
  const refused = (problems: PublishingProblem[]): ImportPayloadParent => ({
    created: [],
    updated: [],
    unchanged: [],
    problems,
    warnings: [],
  });
  let records: ImportRecord[];
  try {
    records = format === 'CSV' ? csvRecords(content) : jsonRecords(content);
  } catch (error) {
    if (error instanceof PublishingRefusal) return refused(error.problems);
    throw error;
  }
  if (records.length > maxImportRows) {
    return refused([
      {
        code: 'TOO_MANY_ITEMS',
        path: [],
        message: `at most ${maxImportRows} entries per import, got ${records.length}`,
      },
    ]);
  }
  try {
    return await db.transaction(async (tx) => {
      await lockChangeLog(tx);
      const entries = await withStoredSlugs(tx, records);
      const parsed = parseCatalogueEntries(entries.map((record) => record.entry));
      const problems: PublishingProblem[] = (parsed.ok ? [] : parsed.problems).map((problem) => ({
        ...asPublishingProblem(problem),
        line: entries[problem.entryIndex]!.line,
      }));
      problems.push(...entries.flatMap((record) => record.problems));
      if (problems.length > 0 || !parsed.ok)
        throw new PublishingRefusal(problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
      const valid = parsed.entries;
      // Drafts are not published: the OSAP rule waits for their publication.
      const osapProblems = await checkOsapClaims(
        valid.flatMap((entry, index) =>
          entry.status === 'DRAFT' ? [] : [{ slug: entry.slug, entry, line: entries[index]!.line }],
        ),
      );
      if (osapProblems.length > 0) throw new PublishingRefusal(osapProblems);
      const result = await writeValidEntries(tx, valid);
      await recordAudit(tx, actor, 'IMPORTED', {
        detail: {
          format,
          created: result.created.length,
          updated: result.updated.length,
          unchanged: result.unchanged.length,
        },
      });
      const warnings = valid.flatMap((entry, index) =>
        findEntryWarnings(entry, index, institutionLanguages).map((warning) => ({
          ...asPublishingProblem(warning),
          line: entries[index]!.line,
        })),
      );
      return { ...result, problems: [], warnings };
    });
  } catch (error) {
    if (error instanceof PublishingRefusal) return refused(error.problems);
    const explained = explainConstraintViolation(error);
    if (explained instanceof CatalogueEntryError) return refused(explained.details.map(asPublishingProblem));
    throw error;
  }
}

function csvRecords(content: string): CsvEntry[] {
  let rows: ReturnType<typeof parseCsv>;
  try {
    rows = parseCsv(content);
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      throw new PublishingRefusal([{ code: 'INVALID_CSV', path: [], message: error.message, line: error.line }]);
    throw error;
  }
  const { entries, unknownColumns } = entriesFromCsv(rows);
  if (unknownColumns.length > 0) {
    throw new PublishingRefusal(
      unknownColumns.map((column) => ({
        code: 'UNKNOWN_COLUMN',
        path: [column],
        message: `"${column}" is not an import column`,
        line: 1,
      })),
    );
  }
  return entries;
}

function jsonRecords(content: string): ImportRecord[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch (error) {
    throw new PublishingRefusal([
      { code: 'INVALID_JSON', path: [], message: error instanceof Error ? error.message : 'not JSON' },
    ]);
  }
  if (!Array.isArray(parsed))
    throw new PublishingRefusal([{ code: 'NOT_A_LIST', path: [], message: 'must be a JSON array of entries' }]);
  return parsed.map((entry, index) => ({ line: index + 1, entry }));
}

/**
 * Matches rows to stored entries by externalCode (the import key): a row for
 * a stored entry takes its slug, so re-importing updates it. A row may not
 * take over the slug of an entry with another external code.
 */
async function withStoredSlugs(tx: CatalogueTransaction, records: ImportRecord[]) {
  const entries = records.map((record) => (isRecord(record.entry) ? record.entry : {}));
  const codes = entries.map((entry) => entry.externalCode).filter((code): code is string => typeof code === 'string');
  const slugs = entries.map((entry) => entry.slug).filter((slug): slug is string => typeof slug === 'string');
  const stored =
    codes.length + slugs.length === 0
      ? []
      : await tx
          .select({ slug: microCredentials.slug, externalCode: microCredentials.externalCode })
          .from(microCredentials)
          .where(
            or(
              inArray(microCredentials.externalCode, codes.length ? codes : ['']),
              inArray(microCredentials.slug, slugs.length ? slugs : ['']),
            ),
          );
  const slugByCode = new Map(
    stored.filter((row) => row.externalCode !== null).map((row) => [row.externalCode!, row.slug]),
  );
  const codeBySlug = new Map(stored.map((row) => [row.slug, row.externalCode]));
  return records.map(({ line, entry: raw }) => {
    const problems: PublishingProblem[] = [];
    // Not an object: parsing the entries reports it.
    if (!isRecord(raw)) return { line, entry: raw, problems };
    const entry: Record<string, unknown> = { status: 'ACTIVE', ...raw };
    const code = entry.externalCode;
    if (typeof code !== 'string' || code.trim() === '') {
      problems.push({
        code: 'REQUIRED',
        path: ['externalCode'],
        message: 'is required for import: it is how re-imports find the entry',
        line,
      });
      return { line, entry, problems };
    }
    const storedSlug = slugByCode.get(code);
    if (storedSlug !== undefined) {
      if (entry.slug !== undefined && entry.slug !== storedSlug) {
        problems.push({
          code: 'INCONSISTENT',
          path: ['slug'],
          message: `externalCode "${code}" is stored as "${storedSlug}"; an import cannot rename it`,
          line,
        });
      }
      entry.slug = storedSlug;
    } else if (typeof entry.slug === 'string' && codeBySlug.has(entry.slug)) {
      problems.push({
        code: 'DUPLICATE',
        path: ['slug'],
        message: `is already used by the entry with externalCode ${JSON.stringify(codeBySlug.get(entry.slug))}`,
        line,
      });
    }
    return { line, entry, problems };
  });
}

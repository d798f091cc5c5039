/**
 * importOutcomes: CSV (a header row naming OutcomeReportInput fields, nested
 * ones dotted: `period.label`, `satisfaction.respondents`, ...) or a JSON
 * array, turned into the same inputs reportOutcomes takes. Syntax problems
 * are reported like catalogue imports, with the line.
 */
import { CsvSyntaxError, parseCsv } from '../csvRecords.js';
import type { PublishingProblem } from '../parents.js';
import { setPath } from '../setPath.js';

const numberColumns = new Set([
  'enrolments',
  'completions',
  'credentialsAwarded',
  'medianWeeksToCompletion',
  'expectedVersion',
  'satisfaction.respondents',
  'satisfaction.satisfied',
  'followUp.monthsAfter',
  'followUp.respondents',
  'followUp.employed',
  'followUp.furtherStudy',
]);
export const outcomeCsvColumns = [
  'microCredentialId',
  'period.label',
  'period.start',
  'period.end',
  'enrolments',
  'completions',
  'credentialsAwarded',
  'medianWeeksToCompletion',
  'counts.source',
  'counts.method',
  'satisfaction.respondents',
  'satisfaction.satisfied',
  'satisfaction.provenance.source',
  'satisfaction.provenance.method',
  'followUp.monthsAfter',
  'followUp.respondents',
  'followUp.employed',
  'followUp.furtherStudy',
  'followUp.provenance.source',
  'followUp.provenance.method',
  'expectedVersion',
];

/** `lines` are the CSV lines of the inputs (JSON: their positions from 1). */
export interface ParsedOutcomes {
  inputs: Array<Record<string, unknown>>;
  lines?: number[];
  problems: PublishingProblem[];
}

export function parseOutcomeImport(format: 'CSV' | 'JSON', content: string): ParsedOutcomes {
  return format === 'CSV' ? fromCsv(content) : fromJson(content);
}

function fromJson(content: string): ParsedOutcomes {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch (error) {
    return refused({ code: 'INVALID_JSON', path: [], message: (error as Error).message });
  }
  if (!Array.isArray(parsed))
    return refused({ code: 'NOT_A_LIST', path: [], message: 'must be a JSON array of reports' });
  const notObjects = parsed.flatMap((item, index) =>
    typeof item === 'object' && item !== null && !Array.isArray(item)
      ? []
      : [{ code: 'NOT_AN_OBJECT' as const, path: [], message: 'each report must be an object', line: index + 1 }],
  );
  return notObjects.length ? { inputs: [], problems: notObjects } : { inputs: parsed, problems: [] };
}

function fromCsv(content: string): ParsedOutcomes {
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(content);
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      return refused({ code: 'INVALID_CSV', path: [], message: error.message, line: error.line });
    throw error;
  }
  const [header, ...rows] = records;
  if (!header) return refused({ code: 'REQUIRED', path: [], message: 'the CSV needs a header row' });
  const unknown = header.fields.filter((column) => !outcomeCsvColumns.includes(column));
  if (unknown.length) {
    return {
      inputs: [],
      problems: unknown.map((column) => ({
        code: 'UNKNOWN_COLUMN',
        path: [column],
        message: `"${column}" is not an outcome column; columns are ${outcomeCsvColumns.join(', ')}`,
        line: 1,
      })),
    };
  }
  return {
    lines: rows.map((row) => row.line),
    inputs: rows.map((row) => {
      const input: Record<string, unknown> = {};
      header.fields.forEach((column, index) => {
        const text = row.fields[index]?.trim() ?? '';
        if (text === '') return;
        const value = numberColumns.has(column) && /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
        setPath(input, column.split('.'), value);
      });
      return input;
    }),
    problems: [],
  };
}

function refused(problem: PublishingProblem): ParsedOutcomes {
  return { inputs: [], problems: [problem] };
}

/**
 * The gateway's own small-cell check of outcome counts, after the answer
 * check (checkAnswer.ts) and with the same rule the reference catalogue
 * applies at the source (runtime/outcomeSuppression.ts): an institution that
 * sends a count below 10, or a part whose difference from its total is below
 * 10, has it withheld here. A part is published only beside the total it is
 * part of (completions beside enrolments, ...): without the total the gateway
 * could not tell whether the difference is small, so it withholds the part.
 * A median time to completion goes only with its completions. Reports of one
 * entry whose periods overlap are withheld whole (one could be subtracted
 * from the other). Withheld cells are added to `suppressed` when it is asked for.
 */
import { getNamedType, isObjectType, type GraphQLFormattedError, type GraphQLObjectType } from 'graphql';
import { isRecord } from '../../runtime/checker.js';
import {
  containedIn,
  outcomeCellEnum,
  periodsOverlap,
  suppressSmallCells,
  type OutcomeCell,
  type OutcomeCounts,
} from '../../runtime/outcomeSuppression.js';
import type { AnswerPlan, FieldPlan, SelectionPlan } from './answerPlan.js';

/** Where each cell lives: the object type and field that carries it. */
const cellFields: Record<string, Partial<Record<string, OutcomeCell>>> = {
  OutcomeReport: { enrolments: 'enrolments', completions: 'completions', credentialsAwarded: 'credentialsAwarded' },
  SatisfactionOutcome: { respondents: 'satisfactionRespondents', satisfied: 'satisfied' },
  FollowUpOutcome: { respondents: 'followUpRespondents', employed: 'employed', furtherStudy: 'furtherStudy' },
};

interface Located {
  /** The objects and response keys holding each cell in this report. */
  places: Map<OutcomeCell, Array<{ object: Record<string, unknown>; key: string }>>;
  medians: Array<{ object: Record<string, unknown>; key: string }>;
  suppressedLists: unknown[][];
  report: Record<string, unknown>;
  fields: Map<string, FieldPlan>;
}

export function withholdSmallCells(
  data: Record<string, unknown> | null,
  plan: AnswerPlan,
  institution: string,
): GraphQLFormattedError[] {
  // Every outcome field, type and fragment condition spells "utcome": other answers are not walked.
  if (data === null || !plan.mentionsOutcomes) return [];
  const reports: Located[] = [];
  collect(data, plan.root, plan.rootType, reports, undefined);
  let smallCells = 0;
  const periods = new Map<string, Array<{ located: Located; start: string; end: string }>>();
  for (const located of reports) {
    const counts: OutcomeCounts = {};
    for (const [cell, places] of located.places) {
      const value = places[0]!.object[places[0]!.key];
      counts[cell] = typeof value === 'number' ? value : null;
      if (typeof value === 'number' && value < 10) smallCells++;
    }
    const { suppressed } = suppressSmallCells(counts);
    const withheld = new Set<OutcomeCell>(suppressed);
    // A part without its total in the answer cannot be checked for a small difference.
    for (const [total, part] of containedIn) {
      if (counts[part] != null && counts[total] == null) withheld.add(part);
    }
    withhold(located, withheld);
    const period = readPeriod(located);
    const id = readField(located, 'microCredentialId');
    if (period && typeof id === 'string') periods.set(id, [...(periods.get(id) ?? []), { located, ...period }]);
  }
  for (const list of periods.values()) {
    for (const a of list) {
      if (list.some((b) => b !== a && periodsOverlap(a, b))) withhold(a.located, new Set(a.located.places.keys()));
    }
  }
  return smallCells === 0
    ? []
    : [
        {
          message: `Institution "${institution}" sent ${smallCells} outcome count(s) below 10; the gateway withheld them.`,
          extensions: { code: 'INSTITUTION_UNSUPPRESSED_CELL', institution },
        },
      ];
}

function withhold(located: Located, cells: ReadonlySet<OutcomeCell>): void {
  for (const cell of cells) {
    for (const { object, key } of located.places.get(cell) ?? []) object[key] = null;
    for (const list of located.suppressedLists)
      if (!list.includes(outcomeCellEnum(cell))) list.push(outcomeCellEnum(cell));
  }
  const completions = located.places.get('completions');
  if (!completions || completions.some(({ object, key }) => object[key] == null)) {
    for (const { object, key } of located.medians) object[key] = null;
  }
}

function readField(located: Located, name: string): unknown {
  for (const [key, field] of located.fields) if (field.name === name) return located.report[key];
  return undefined;
}

function readPeriod(located: Located): { start: string; end: string } | undefined {
  let start: unknown;
  let end: unknown;
  for (const [key, field] of located.fields) {
    // The answer is the institution's. A period that is not an object reads as none, like a period not asked for
    // (no overlap check); checkAnswer.ts has already reported it and discarded its report before this runs.
    const period = located.report[key];
    const type = getNamedType(field.type);
    if (field.name !== 'period' || !field.selection || !isObjectType(type) || !isRecord(period)) continue;
    for (const [inner, innerField] of field.selection.fieldsFor(type)) {
      if (innerField.name === 'start') start = period[inner];
      if (innerField.name === 'end') end = period[inner];
    }
  }
  return typeof start === 'string' && typeof end === 'string' ? { start, end } : undefined;
}

function collect(
  value: unknown,
  selection: SelectionPlan,
  type: GraphQLObjectType,
  reports: Located[],
  current: Located | undefined,
): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, selection, type, reports, current);
    return;
  }
  if (!isRecord(value)) return;
  const object = value;
  const fields = selection.fieldsFor(type);
  let located = current;
  if (type.name === 'OutcomeReport') {
    located = { places: new Map(), medians: [], suppressedLists: [], report: object, fields };
    reports.push(located);
  }
  for (const [key, field] of fields) {
    const cell = cellFields[type.name]?.[field.name];
    if (located && cell) located.places.set(cell, [...(located.places.get(cell) ?? []), { object, key }]);
    if (located && type.name === 'OutcomeReport' && field.name === 'medianWeeksToCompletion')
      located.medians.push({ object, key });
    const answered = object[key];
    if (located && type.name === 'OutcomeReport' && field.name === 'suppressed' && Array.isArray(answered))
      located.suppressedLists.push(answered);
    const named = getNamedType(field.type);
    if (field.selection && isObjectType(named)) collect(answered, field.selection, named, reports, located);
  }
}

/**
 * The pathway planner: which programs a learner's completed micro-credentials
 * (from any institutions) ladder into, what counts toward each stacking rule
 * and why, and what remains. Only decisions in force count.
 *
 * A completed micro-credential counts at most once per program, and each
 * listed micro-credential is satisfied at most once. Direct listings are
 * matched first, then common-core membership, then the program institution's
 * own equivalency decisions.
 */
import type { ProgramRow, StackingRuleRow } from '../db/recognitionSchema.js';
import type { DecisionGraph } from './decisions.js';
import { itemKey, type CountedCredentialValue, type PathwayPlanValue, type RuleProgressValue } from './model.js';

export function planPathways(
  graph: DecisionGraph,
  programs: ProgramRow[],
  rulesByProgram: Map<string, StackingRuleRow[]>,
  completed: readonly string[],
): PathwayPlanValue[] {
  const plans = programs.map((program) =>
    planProgram(graph, program, rulesByProgram.get(program.id) ?? [], [...new Set(completed)]),
  );
  return plans
    .filter((plan) => plan.rules.some((rule) => rule.counted.length > 0))
    .sort(
      (a, b) =>
        Number(b.complete) - Number(a.complete) ||
        b.creditsEarned - a.creditsEarned ||
        a.program.id.localeCompare(b.program.id),
    );
}

function planProgram(
  graph: DecisionGraph,
  program: ProgramRow,
  rules: StackingRuleRow[],
  completed: string[],
): PathwayPlanValue {
  const used = new Set<string>();
  const progress = rules.map((rule) => progressOn(graph, program, rule, completed, used));
  const creditsEarned = sum(progress.filter((rule) => rule.satisfied).map((rule) => rule.rule.creditsGranted));
  const creditsRemaining = sum(progress.filter((rule) => !rule.satisfied).map((rule) => rule.rule.creditsGranted));
  return {
    program,
    complete: progress.every((rule) => rule.satisfied),
    creditsEarned,
    creditsRemaining,
    rules: progress,
  };
}

function progressOn(
  graph: DecisionGraph,
  program: ProgramRow,
  rule: StackingRuleRow,
  completed: string[],
  used: Set<string>,
): RuleProgressValue {
  const counted: CountedCredentialValue[] = [];
  const satisfiedListings = new Set<string>();
  const take = (value: CountedCredentialValue) => {
    counted.push(value);
    used.add(value.completed);
    if (rule.microCredentialIds.includes(value.countsAs)) satisfiedListings.add(value.countsAs);
  };
  const open = () => completed.filter((id) => !used.has(id));
  const full = () => counted.length >= rule.requiredCount;

  for (const id of open()) {
    if (full()) break;
    if (rule.microCredentialIds.includes(id) && !satisfiedListings.has(id))
      take({ completed: id, basis: 'LISTED', countsAs: id, equivalency: null });
  }
  for (const id of open()) {
    if (full()) break;
    const match = commonCoreMatch(graph, rule, id, satisfiedListings);
    if (match) take({ completed: id, basis: 'COMMON_CORE', countsAs: match, equivalency: null });
  }
  for (const id of open()) {
    if (full()) break;
    const link = (graph.outgoing.get(itemKey({ kind: 'MICRO_CREDENTIAL', ref: id })) ?? []).find(
      (candidate) =>
        candidate.basis === 'AGREEMENT' &&
        candidate.equivalency.receivingInstitution === program.institutionCode &&
        candidate.for.kind === 'MICRO_CREDENTIAL' &&
        rule.microCredentialIds.includes(candidate.for.ref) &&
        !satisfiedListings.has(candidate.for.ref),
    );
    if (link && link.basis === 'AGREEMENT')
      take({ completed: id, basis: 'AGREEMENT', countsAs: link.for.ref, equivalency: link.equivalency });
  }
  const satisfied = counted.length >= rule.requiredCount;
  return {
    rule,
    satisfied,
    counted,
    remainingCount: Math.max(0, rule.requiredCount - counted.length),
    remainingChoices: satisfied ? [] : rule.microCredentialIds.filter((id) => !satisfiedListings.has(id)),
  };
}

/** The common-core entry code, or the listed micro-credential sharing an entry, that `id` counts as. */
function commonCoreMatch(
  graph: DecisionGraph,
  rule: StackingRuleRow,
  id: string,
  satisfiedListings: Set<string>,
): string | undefined {
  const entries = (graph.membershipsOf.get(id) ?? []).map((membership) => membership.entry.code);
  const entry = entries.find((code) => rule.commonCoreCodes.includes(code));
  if (entry) return entry;
  return rule.microCredentialIds.find(
    (listed) =>
      !satisfiedListings.has(listed) && entries.some((code) => (graph.membersOf.get(code) ?? []).includes(listed)),
  );
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

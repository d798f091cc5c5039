/**
 * Plausible equivalencies: where decided links chain, a candidate from the
 * start item to an item it is not yet recognized for.
 *
 * The walk follows each decision forward (X for Y) or backward (two decisions
 * sharing an item: A for X and B for X make A and B plausibly alike). It is
 * bounded by `maxDepth` steps, visits no item twice on one path (so cycles end
 * and the start never becomes its own candidate), and reports each target once,
 * with its strongest path. Only decisions in force are in the graph, so an
 * expired or withdrawn decision supports nothing.
 */
import type { DecisionGraph } from './decisions.js';
import {
  institutionOfItem,
  itemKey,
  type DecidedLink,
  type InferenceKind,
  type InferenceStepValue,
  type InferredCandidate,
  type LearningItemRef,
} from './model.js';

export const defaultInferenceDepth = 3;
export const maxInferenceDepth = 4;
/** However dense the graph, one request explores at most this many partial paths. */
const explorationBudget = 50_000;

const backwardFactor = 0.8;

function stepStrength(step: InferenceStepValue): number {
  const link = step.link;
  const base = link.basis === 'COMMON_CORE' ? 0.95 : link.equivalency.extent === 'FULL' ? 0.9 : 0.6;
  return step.direction === 'BACKWARD' ? base * backwardFactor : base;
}

export function inferEquivalencies(
  graph: DecisionGraph,
  start: LearningItemRef,
  maxDepth = defaultInferenceDepth,
): InferredCandidate[] {
  const startKey = itemKey(start);
  const decided = new Set((graph.outgoing.get(startKey) ?? []).map((link) => itemKey(link.for)));
  const best = new Map<string, InferredCandidate>();
  let budget = explorationBudget;

  const visit = (current: LearningItemRef, path: InferenceStepValue[], onPath: Set<string>) => {
    if (path.length >= 2) consider(path);
    if (path.length >= maxDepth || budget <= 0) return;
    for (const step of stepsFrom(graph, current)) {
      const key = itemKey(step.to);
      if (onPath.has(key)) continue;
      budget -= 1;
      onPath.add(key);
      visit(step.to, [...path, step], onPath);
      onPath.delete(key);
    }
  };

  const consider = (path: InferenceStepValue[]) => {
    const target = path[path.length - 1]!.to;
    const key = itemKey(target);
    // Decided already, or not something an institution can grant: not a candidate.
    if (decided.has(key) || target.kind === 'INDUSTRY_CREDENTIAL' || institutionOfItem(target) === null) return;
    const candidate: InferredCandidate = {
      from: start,
      for: target,
      kind: kindOf(start, path),
      strength: Math.round(path.reduce((product, step) => product * stepStrength(step), 1) * 1000) / 1000,
      path,
    };
    const known = best.get(key);
    if (!known || isBetter(candidate, known)) best.set(key, candidate);
  };

  visit(start, [], new Set([startKey]));
  return [...best.values()].sort(
    (a, b) => b.strength - a.strength || a.path.length - b.path.length || a.for.ref.localeCompare(b.for.ref),
  );
}

function stepsFrom(graph: DecisionGraph, item: LearningItemRef): InferenceStepValue[] {
  const key = itemKey(item);
  const forward = (graph.outgoing.get(key) ?? []).map(
    (link): InferenceStepValue => ({ from: item, to: link.for, direction: 'FORWARD', link }),
  );
  // Common-core links exist both ways already; following one backward would only repeat the forward step.
  const backward = (graph.incoming.get(key) ?? [])
    .filter((link: DecidedLink) => link.basis === 'AGREEMENT')
    .map((link): InferenceStepValue => ({ from: item, to: link.from, direction: 'BACKWARD', link }));
  return [...forward, ...backward];
}

function kindOf(start: LearningItemRef, path: InferenceStepValue[]): InferenceKind {
  if (start.kind === 'INDUSTRY_CREDENTIAL') return 'INDUSTRY_CREDENTIAL_REUSE';
  return path.some((step) => step.direction === 'BACKWARD') ? 'SHARED_ITEM' : 'CHAIN';
}

/** Stronger first, then shorter, then the path that reads first (so answers are stable). */
function isBetter(candidate: InferredCandidate, known: InferredCandidate): boolean {
  if (candidate.strength !== known.strength) return candidate.strength > known.strength;
  if (candidate.path.length !== known.path.length) return candidate.path.length < known.path.length;
  return pathText(candidate) < pathText(known);
}

function pathText(candidate: InferredCandidate): string {
  return candidate.path.map((step) => itemKey(step.to)).join(' > ');
}

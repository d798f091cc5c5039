/**
 * What recognition resolvers hand down to the fields below them (codegen.json
 * maps the GraphQL types to these). Decided facts and inferred candidates are
 * different types on purpose, so no code path can mistake one for the other.
 */
import type {
  CommonCoreEntryRow,
  EquivalencyRow,
  LearningItemKind,
  ProgramRow,
  StackingRuleRow,
} from '../db/recognitionSchema.js';
import { institutionOfMicroCredentialId } from '../../../runtime/microCredentialId.js';

/** A learning item by kind and reference; `title` only for items the directory does not hold (courses, blocks). */
export interface LearningItemRef {
  kind: LearningItemKind;
  ref: string;
  title: string | null;
}

/** One decided recognition: an equivalency decision or a shared common-core entry. */
export type DecidedLink =
  | { basis: 'AGREEMENT'; from: LearningItemRef; for: LearningItemRef; equivalency: EquivalencyRow }
  | { basis: 'COMMON_CORE'; from: LearningItemRef; for: LearningItemRef; entry: CommonCoreEntryRow };

export interface InferenceStepValue {
  from: LearningItemRef;
  to: LearningItemRef;
  direction: 'FORWARD' | 'BACKWARD';
  link: DecidedLink;
}

export type InferenceKind = 'CHAIN' | 'SHARED_ITEM' | 'INDUSTRY_CREDENTIAL_REUSE';

export interface InferredCandidate {
  from: LearningItemRef;
  for: LearningItemRef;
  kind: InferenceKind;
  strength: number;
  path: InferenceStepValue[];
}

export type RecognitionValue =
  | { basis: 'AGREEMENT' | 'COMMON_CORE'; link: DecidedLink }
  | { basis: 'INFERENCE'; candidate: InferredCandidate };

export interface ItemRecognitionsValue {
  item: LearningItemRef;
  recognizedAs: RecognitionValue[];
  recognizedFrom: RecognitionValue[];
}

export interface CommonCoreMembershipValue {
  entry: CommonCoreEntryRow;
  mappedAt: string;
}

export interface CountedCredentialValue {
  completed: string;
  basis: 'LISTED' | 'COMMON_CORE' | 'AGREEMENT';
  countsAs: string;
  equivalency: EquivalencyRow | null;
}

export interface RuleProgressValue {
  rule: StackingRuleRow;
  satisfied: boolean;
  counted: CountedCredentialValue[];
  remainingCount: number;
  remainingChoices: string[];
}

export interface PathwayPlanValue {
  program: ProgramRow;
  complete: boolean;
  creditsEarned: number;
  creditsRemaining: number;
  rules: RuleProgressValue[];
}

/** The institution a reference belongs to: the prefix of `<institution>:...`; none for industry credentials. */
export function institutionOfItem(item: LearningItemRef): string | null {
  if (item.kind === 'INDUSTRY_CREDENTIAL') return null;
  return institutionOfMicroCredentialId(item.ref) ?? null;
}

export function itemKey(item: { kind: string; ref: string }): string {
  return `${item.kind}|${item.ref}`;
}

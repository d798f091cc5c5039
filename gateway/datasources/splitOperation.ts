/**
 * Cuts one operation down to some of its root fields, keeping only the
 * fragments and variable definitions those fields use, so that each
 * institution receives a valid operation about its own data only.
 */
import {
  Kind,
  parse,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';

const parsed = new Map<string, DocumentNode>();

/** Parses a fetch's operation text; the planner reuses the same texts, so they are cached. */
export function parseOperation(query: string): { document: DocumentNode; operation: OperationDefinitionNode } {
  let document = parsed.get(query);
  if (!document) {
    document = parse(query);
    if (parsed.size > 5000) parsed.clear();
    parsed.set(query, document);
  }
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (!operation) throw new Error('the fetch has no operation');
  return { document, operation };
}

type SplitOperation = { readonly query: string; readonly variableNames: readonly string[] };

/**
 * Per parsed document (itself cached per query text above), the split already
 * printed for each set of root fields: the planner sends the same fetches over
 * and over, and visiting and printing them was per-request work.
 */
const splits = new WeakMap<DocumentNode, Map<string, SplitOperation>>();
/**
 * Variables decide which root fields go together, so one query text can split
 * into many field sets (2^15 with 15 aliases); past this many per document,
 * further splits are computed without being kept.
 */
const maxSplitsPerDocument = 64;

export function operationForFields(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  fields: readonly FieldNode[],
): SplitOperation {
  let byFields = splits.get(document);
  if (!byFields) {
    byFields = new Map();
    splits.set(document, byFields);
  }
  // Response keys are unique at the root of one operation, so they name the field set.
  const key = fields.map((field) => (field.alias ?? field.name).value).join(',');
  let split = byFields.get(key);
  if (split) return split;
  split = splitOperation(document, operation, fields);
  if (byFields.size < maxSplitsPerDocument) byFields.set(key, split);
  return split;
}

function splitOperation(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  fields: readonly FieldNode[],
): SplitOperation {
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const usedFragments = new Map<string, FragmentDefinitionNode>();
  const usedVariables = new Set<string>();
  const collect = (node: FieldNode | FragmentDefinitionNode) =>
    visit(node, {
      Variable: (variable) => void usedVariables.add(variable.name.value),
      FragmentSpread: (spread) => {
        const fragment = fragments.get(spread.name.value);
        if (fragment && !usedFragments.has(spread.name.value)) {
          usedFragments.set(spread.name.value, fragment);
          collect(fragment);
        }
      },
    });
  fields.forEach(collect);
  const trimmed: OperationDefinitionNode = {
    ...operation,
    variableDefinitions: operation.variableDefinitions?.filter((d) => usedVariables.has(d.variable.name.value)),
    selectionSet: { kind: Kind.SELECTION_SET, selections: fields },
  };
  const query = print({ kind: Kind.DOCUMENT, definitions: [trimmed, ...usedFragments.values()] });
  return { query, variableNames: [...usedVariables] };
}

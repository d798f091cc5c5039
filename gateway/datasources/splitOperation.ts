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

export function operationForFields(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  fields: readonly FieldNode[],
): { query: string; variableNames: string[] } {
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

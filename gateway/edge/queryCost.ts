/**
 * Estimated cost of an operation: every field selected costs 1, times the
 * number of times it can be resolved. A list field multiplies its own
 * selection by its page size (`first`, `last` or `pageSize`, literal or
 * variable, else the argument's default) or, without one, by an assumed list
 * length; so nested lists multiply, and twelve levels of
 * `recognizedAs { for { microCredential { recognizedAs … } } }` cost 10^12.
 *
 * Hand-written because graphql-armor's cost limit reads only literal
 * `first`/`last` arguments and counts a list without one (`recognizedAs`,
 * `offerings`) as a single object, so it cannot see the nesting that took the
 * gateway down. Fragments are costed once each (memoised), so a document of
 * fragments spreading fragments cannot make the estimate itself expensive.
 */
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  valueFromASTUntyped,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ASTVisitor,
} from 'graphql';

export interface QueryCostOptions {
  maxCost: number;
  /** Assumed length of a list that has no page-size argument. */
  defaultListSize: number;
  /** Known lengths of particular lists, keyed `Type.field`, e.g. `Query.oqfLevels: 13`. */
  listSizes?: Record<string, number>;
  /** The request's variables, for page sizes given as variables. */
  variables?: Record<string, unknown>;
  onRefused(error: GraphQLError): void;
}

const pageSizeArguments = ['first', 'last', 'pageSize'];

export function queryCostRule(options: QueryCostOptions) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation: OperationDefinitionNode) {
      const cost = estimateOperationCost(context, operation, options);
      if (cost > options.maxCost) {
        options.onRefused(
          new GraphQLError(
            `The operation's estimated cost is ${formatCost(cost)}, above the limit of ${options.maxCost}: ` +
              'ask for fewer items per page (first, pageSize), fewer nested lists, or split it into several requests.',
            {
              extensions: {
                code: 'QUERY_TOO_COSTLY',
                cost: Number.isFinite(cost) ? cost : null,
                limit: options.maxCost,
              },
            },
          ),
        );
      }
      return false;
    },
  });
}

export function estimateOperationCost(
  context: ValidationContext,
  operation: OperationDefinitionNode,
  options: Pick<QueryCostOptions, 'defaultListSize' | 'listSizes' | 'variables'>,
): number {
  const schema = context.getSchema();
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const fragmentCosts = new Map<string, number>();
  const variables = { ...variableDefaults(operation), ...options.variables };

  const selectionSetCost = (set: SelectionSetNode, parent: GraphQLCompositeType, pagedParent: boolean): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(selection, parent, pagedParent);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) total += selectionSetCost(selection.selectionSet, type, pagedParent);
      } else {
        total += fragmentCost(selection.name.value, pagedParent);
      }
    }
    return total;
  };

  const fragmentCost = (name: string, pagedParent: boolean): number => {
    const known = fragmentCosts.get(name);
    if (known !== undefined) return known;
    // A cycle is refused by validation later; here it must only not loop.
    fragmentCosts.set(name, 0);
    const fragment = context.getFragment(name);
    const type = fragment ? schema.getType(fragment.typeCondition.name.value) : undefined;
    const cost =
      fragment && type && isCompositeType(type) ? selectionSetCost(fragment.selectionSet, type, pagedParent) : 0;
    fragmentCosts.set(name, cost);
    return cost;
  };

  const fieldCost = (node: FieldNode, parent: GraphQLCompositeType, pagedParent: boolean): number => {
    // Introspection (GraphiQL's schema load) is bounded by the schema itself.
    if (node.name.value.startsWith('__')) return 1;
    const field = fieldsOf(parent)?.[node.name.value];
    if (!field) return 1; // unknown fields are refused by validation
    const pageSize = pageSizeOf(node, field, variables);
    const isList = isListType(getNullableType(field.type));
    const multiplier = isList
      ? (pageSize ??
        (pagedParent ? 1 : (options.listSizes?.[`${parent.name}.${field.name}`] ?? options.defaultListSize)))
      : (pageSize ?? 1);
    const type = getNamedType(field.type);
    const below =
      node.selectionSet && isCompositeType(type)
        ? selectionSetCost(node.selectionSet, type, pageSize !== undefined && !isList)
        : 0;
    return multiplier * (1 + below);
  };

  return selectionSetCost(operation.selectionSet, root, false);
}

function variableDefaults(operation: OperationDefinitionNode): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue)
      defaults[definition.variable.name.value] = valueFromASTUntyped(definition.defaultValue);
  }
  return defaults;
}

function fieldsOf(type: GraphQLCompositeType): Record<string, GraphQLField<unknown, unknown>> | undefined {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields() : undefined;
}

/** The page size asked for, or the argument's default; undefined when the field has no page-size argument. */
function pageSizeOf(
  node: FieldNode,
  field: GraphQLField<unknown, unknown>,
  variables: Record<string, unknown> | undefined,
): number | undefined {
  for (const name of pageSizeArguments) {
    const definition = field.args.find((arg) => arg.name === name);
    if (!definition) continue;
    const given = node.arguments?.find((arg) => arg.name.value === name);
    const value = given ? valueFromASTUntyped(given.value, variables) : definition.defaultValue;
    // A missing or malformed size is refused by validation or the subgraph; cost it as one page of the default.
    return typeof value === 'number' && value >= 0 ? value : 1;
  }
  return undefined;
}

function formatCost(cost: number): string {
  return Number.isFinite(cost) && cost < 1e15 ? String(Math.round(cost)) : 'beyond measure';
}

/**
 * Cuts a catalogue operation written against the current contract down to an
 * earlier contract version, so an institution still on that version receives
 * only what its schema has and nothing fails its validation.
 *
 * - selections of fields (and fragments on types) its version lacks are
 *   removed; the gateway's result shaping then answers them with null, as
 *   for any nullable field the subgraph did not return, and a selection set
 *   left empty asks for `__typename`;
 * - arguments its version lacks are removed from queries (a minor version adds
 *   only arguments whose absence gives a correct answer, such as a language
 *   preference answered in the default language); in a mutation they carry
 *   data, so a value there is refused;
 * - input object fields its version lacks are removed when null (nothing is
 *   lost); a value is refused, in queries and mutations alike: dropping a
 *   filter or a field to be written would silently change the outcome;
 * - variables and fragments left unused are removed, and the result is
 *   validated against the institution's own schema: anything still invalid
 *   (an enum value its version does not have, say) is refused with the reason.
 *
 * Pure and cached per (operation text, target schema): the planner sends the
 * same texts over and over. The target is what the institution serves, its
 * version without the optional parts its SDL leaves out (servedContract.ts), so
 * the cache is keyed by version and parts; institutions serving the same share it. Variable values differ per request, so those whose
 * input types differ between the versions are checked per request
 * (downgradeVariables).
 */
import {
  Kind,
  TypeInfo,
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  parse,
  print,
  typeFromAST,
  validate,
  visit,
  visitWithTypeInfo,
  type DefinitionNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from 'graphql';

export type Downgrade =
  | {
      kind: 'SENDABLE';
      /** The operation to send: the original text when nothing had to change. */
      query: string;
      /** `Type.field` coordinates removed (`Type.field(argument)` for arguments, `Type.field` for input fields). */
      removed: readonly string[];
      /** Variables whose values may hold what the target version lacks, checked per request. */
      variablesToCheck: readonly VariableDefinitionNode[];
    }
  | { kind: 'UNSUPPORTED'; reasons: readonly string[] };

/** Per target schema (version and parts served), per operation text; bounded so hostile clients cannot grow it without limit. */
const downgrades = new WeakMap<GraphQLSchema, Map<string, Downgrade>>();
const maxCachedPerVersion = 5000;

/** `query` (valid against `current`) as `target` can receive it. */
export function downgradeOperation(query: string, current: GraphQLSchema, target: GraphQLSchema): Downgrade {
  let cached = downgrades.get(target);
  if (!cached) {
    cached = new Map();
    downgrades.set(target, cached);
  }
  let downgrade = cached.get(query);
  if (!downgrade) {
    downgrade = computeDowngrade(query, current, target);
    if (cached.size >= maxCachedPerVersion) cached.clear();
    cached.set(query, downgrade);
  }
  return downgrade;
}

function computeDowngrade(query: string, current: GraphQLSchema, target: GraphQLSchema): Downgrade {
  const document = parse(query);
  const isMutation = document.definitions.some(
    (d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'mutation',
  );
  const removed: string[] = [];
  const reasons: string[] = [];
  const missingType = (name: string) => !target.getType(name);
  const droppedFragments = new Set(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .filter((d) => missingType(d.typeCondition.name.value))
      .map((d) => d.name.value),
  );
  const typeInfo = new TypeInfo(current);
  let rewritten: DocumentNode = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      FragmentDefinition: (node) => (droppedFragments.has(node.name.value) ? null : undefined),
      FragmentSpread: (node) => (droppedFragments.has(node.name.value) ? null : undefined),
      InlineFragment: (node) => {
        const condition = node.typeCondition?.name.value;
        if (!condition || !missingType(condition)) return undefined;
        removed.push(condition);
        return null;
      },
      Field: (node) => {
        const parent = typeInfo.getParentType();
        if (!parent || node.name.value.startsWith('__')) return undefined;
        if (hasField(target.getType(parent.name), node.name.value)) return undefined;
        const coordinate = `${parent.name}.${node.name.value}`;
        // A write the institution's version does not have cannot be answered with null: refused.
        if (parent === current.getMutationType()) reasons.push(`${coordinate} is not in this version`);
        else removed.push(coordinate);
        return null;
      },
      Argument: (node) => {
        const field = typeInfo.getFieldDef();
        const parent = typeInfo.getParentType();
        if (!field || !parent) return undefined;
        const targetField = fieldOf(target.getType(parent.name), field.name);
        if (!targetField || targetField.args.some((arg) => arg.name === node.name.value)) return undefined;
        const coordinate = `${parent.name}.${field.name}(${node.name.value})`;
        if (isMutation && node.value.kind !== Kind.NULL) reasons.push(`${coordinate} is not in this version`);
        else removed.push(coordinate);
        return null;
      },
      ObjectField: (node) => {
        const parent = typeInfo.getParentInputType();
        const named = parent && getNamedType(parent);
        if (!named || !isInputObjectType(named)) return undefined;
        const targetType = target.getType(named.name);
        if (isInputObjectType(targetType) && node.name.value in targetType.getFields()) return undefined;
        const coordinate = `${named.name}.${node.name.value}`;
        if (node.value.kind !== Kind.NULL) reasons.push(`${coordinate} is not in this version`);
        else removed.push(coordinate);
        return null;
      },
      SelectionSet: {
        leave: (node): SelectionSetNode | undefined =>
          node.selections.length > 0 ? undefined : { ...node, selections: [typenameField] },
      },
    }),
  );
  if (reasons.length > 0) return { kind: 'UNSUPPORTED', reasons };
  if (removed.length > 0) rewritten = withoutUnused(rewritten);
  const errors = validate(target, rewritten);
  if (errors.length > 0) return { kind: 'UNSUPPORTED', reasons: errors.map((error) => error.message) };
  const operation = rewritten.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  return {
    kind: 'SENDABLE',
    query: removed.length > 0 ? print(rewritten) : query,
    removed: [...new Set(removed)],
    variablesToCheck: (operation?.variableDefinitions ?? []).filter((definition) =>
      inputDiffers(inputTypeOf(current, definition), target),
    ),
  };
}

const typenameField: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };

function inputTypeOf(schema: GraphQLSchema, definition: VariableDefinitionNode): GraphQLInputType | undefined {
  return typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
}

function fieldOf(type: GraphQLNamedType | undefined | null, name: string) {
  return type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields()[name] : undefined;
}

function hasField(type: GraphQLNamedType | undefined | null, name: string): boolean {
  return !!fieldOf(type, name) || (!!type && isCompositeType(type) && name === '__typename');
}

/** Drops variable definitions and fragments nothing uses any more (GraphQL forbids unused ones). */
function withoutUnused(document: DocumentNode): DocumentNode {
  let current = document;
  for (;;) {
    const usedVariables = new Set<string>();
    const usedFragments = new Set<string>();
    visit(current, {
      VariableDefinition: () => false,
      Variable: (node) => void usedVariables.add(node.name.value),
      FragmentSpread: (node) => void usedFragments.add(node.name.value),
    });
    let changed = false;
    const definitions = current.definitions.flatMap((definition): DefinitionNode[] => {
      if (definition.kind === Kind.FRAGMENT_DEFINITION && !usedFragments.has(definition.name.value)) {
        changed = true;
        return [];
      }
      if (definition.kind !== Kind.OPERATION_DEFINITION) return [definition];
      const variableDefinitions = definition.variableDefinitions?.filter((d) =>
        usedVariables.has(d.variable.name.value),
      );
      if (variableDefinitions?.length === definition.variableDefinitions?.length) return [definition];
      changed = true;
      return [{ ...definition, variableDefinitions }];
    });
    if (!changed) return current;
    current = { ...current, definitions };
  }
}

/** Whether values of `type` may hold an input field or enum value `target` does not have. */
function inputDiffers(type: GraphQLInputType | undefined, target: GraphQLSchema, seen = new Set<string>()): boolean {
  if (!type) return false;
  const named = getNamedType(type);
  if (seen.has(named.name)) return false;
  seen.add(named.name);
  const targetType = target.getType(named.name);
  if (isEnumType(named))
    return !isEnumType(targetType) || named.getValues().some((value) => !targetType.getValue(value.name));
  if (!isInputObjectType(named)) return false;
  if (!isInputObjectType(targetType)) return true;
  const targetFields = targetType.getFields();
  return Object.values(named.getFields()).some(
    (field) => !(field.name in targetFields) || inputDiffers(field.type, target, seen),
  );
}

export type VariablesDowngrade =
  | { kind: 'SENDABLE'; variables: Record<string, unknown> }
  | { kind: 'UNSUPPORTED'; reasons: readonly string[] };

/**
 * The request's variable values as `target` can receive them: input fields it
 * lacks are removed when null and refused otherwise, and so is an enum value
 * it does not have. Only the variables the downgrade flagged are walked.
 */
export function downgradeVariables(
  variables: Record<string, unknown>,
  toCheck: readonly VariableDefinitionNode[],
  current: GraphQLSchema,
  target: GraphQLSchema,
): VariablesDowngrade {
  if (toCheck.length === 0) return { kind: 'SENDABLE', variables };
  const reasons: string[] = [];
  const result = { ...variables };
  for (const definition of toCheck) {
    const name = definition.variable.name.value;
    const type = inputTypeOf(current, definition);
    if (type && name in result) result[name] = downgradeValue(result[name], type, target, `$${name}`, reasons);
  }
  return reasons.length > 0 ? { kind: 'UNSUPPORTED', reasons } : { kind: 'SENDABLE', variables: result };
}

function downgradeValue(
  value: unknown,
  type: GraphQLInputType,
  target: GraphQLSchema,
  path: string,
  reasons: string[],
): unknown {
  if (value === null || value === undefined) return value;
  if (isNonNullType(type)) return downgradeValue(value, type.ofType, target, path, reasons);
  if (isListType(type)) {
    const item = type.ofType as GraphQLInputType;
    return Array.isArray(value)
      ? value.map((element, index) => downgradeValue(element, item, target, `${path}[${index}]`, reasons))
      : downgradeValue(value, item, target, path, reasons);
  }
  const targetType = target.getType(type.name);
  if (isEnumType(type)) {
    if (typeof value === 'string' && !(isEnumType(targetType) && targetType.getValue(value)))
      reasons.push(`${path}: ${type.name}.${value} is not in this version`);
    return value;
  }
  if (!isInputObjectType(type) || typeof value !== 'object' || Array.isArray(value)) return value;
  const fields = type.getFields();
  const targetFields = isInputObjectType(targetType) ? targetType.getFields() : {};
  const downgraded: Record<string, unknown> = {};
  for (const [key, fieldValue] of Object.entries(value as Record<string, unknown>)) {
    const field = fields[key];
    if (!field) {
      downgraded[key] = fieldValue; // not in the current contract either: the institution's validation says so
    } else if (!(key in targetFields)) {
      if (fieldValue !== null && fieldValue !== undefined)
        reasons.push(`${path}.${key}: ${type.name}.${key} is not in this version`);
    } else {
      downgraded[key] = downgradeValue(fieldValue, field.type, target, `${path}.${key}`, reasons);
    }
  }
  return downgraded;
}

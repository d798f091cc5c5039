/**
 * What a valid answer to one query looks like, derived once per query text.
 *
 * For every selection set of the query sent to an institution, the plan knows,
 * per concrete object type, each response key's field, its contract type, the
 * page size its `first` argument allows, and whether the gateway added it
 * (the reserved ownership aliases). Fields are collected the way graphql-js
 * executes them (fragments, type conditions, merged response keys), so the
 * answer walk in checkAnswer.ts only looks things up.
 */
import {
  Kind,
  TypeNameMetaFieldDef,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { isOwnershipAlias, ownerFields } from './ownership.js';

/** Where a request sets no page size and the contract declares no default, lists stop here. */
export const fallbackPageSize = 1000;

/**
 * A contract type reduced to what the answer walk needs, so that it never
 * calls graphql-js's type predicates (costly `instanceof` checks) per value.
 */
export type Shape =
  | { kind: 'NON_NULL'; of: Shape }
  | { kind: 'LIST'; of: Shape }
  | { kind: 'SCALAR'; name: string }
  | { kind: 'ENUM'; name: string; values: ReadonlySet<string> }
  | { kind: 'OBJECT'; name: string; type: GraphQLObjectType }
  | { kind: 'UNION'; name: string; members: ReadonlyMap<string, GraphQLObjectType> };

const shapes = new WeakMap<GraphQLOutputType, Shape>();

export function shapeOf(type: GraphQLOutputType): Shape {
  let shape = shapes.get(type);
  if (!shape) {
    if (isNonNullType(type)) shape = { kind: 'NON_NULL', of: shapeOf(type.ofType) };
    else if (isListType(type)) shape = { kind: 'LIST', of: shapeOf(type.ofType) };
    else if (isEnumType(type))
      shape = { kind: 'ENUM', name: type.name, values: new Set(type.getValues().map((v) => v.name)) };
    else if (isObjectType(type)) shape = { kind: 'OBJECT', name: type.name, type };
    else if (isUnionType(type))
      shape = { kind: 'UNION', name: type.name, members: new Map(type.getTypes().map((t) => [t.name, t])) };
    // Interfaces are not in the catalogue contract; a scalar check of an unknown name accepts any value.
    else shape = { kind: 'SCALAR', name: type.name };
    shapes.set(type, shape);
  }
  return shape;
}

export interface FieldPlan {
  name: string;
  type: GraphQLOutputType;
  shape: Shape;
  /** The value is a list (possibly non-null). */
  isList: boolean;
  /** Under @skip/@include: may be absent from the answer. */
  conditional: boolean;
  /** Added by the gateway (reserved alias): removed before the answer goes on. */
  reserved: boolean;
  /** The page size this field's `first` argument sets for the lists directly inside its value. */
  pageSize?: (variables: Record<string, unknown>) => number;
  /** The `id` argument the value's own `id` must equal (`microCredential(id:)`). */
  idArgument?: (variables: Record<string, unknown>) => unknown;
  /** The selection inside the field, for composite types. */
  selection?: SelectionPlan;
}

/** A response key of an object and the field it must be read as, for the ownership proof. */
export type IdentityField = readonly [responseKey: string, fieldName: string];

export class SelectionPlan {
  private readonly byType = new Map<string, Map<string, FieldPlan>>();
  private readonly identityByType = new Map<string, readonly IdentityField[]>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly selectionSets: readonly SelectionSetNode[],
    readonly parentType: GraphQLCompositeType,
  ) {}

  /** The fields selected on an object of concrete type `type`, by response key. */
  fieldsFor(type: GraphQLObjectType): Map<string, FieldPlan> {
    let fields = this.byType.get(type.name);
    if (!fields) {
      fields = this.collect(type);
      this.byType.set(type.name, fields);
    }
    return fields;
  }

  /**
   * Where an object of `type` names its owner or its type: the owner fields and
   * `__typename` under every alias asked for, and under their own names when not
   * asked for (a forged key must not hide in a field nobody selected).
   */
  identityFieldsFor(type: GraphQLObjectType): readonly IdentityField[] {
    let identity = this.identityByType.get(type.name);
    if (!identity) {
      const fields = this.fieldsFor(type);
      const names = [...(ownerFields[type.name] ?? []), '__typename'];
      identity = [
        ...[...fields]
          .filter(([, field]) => names.includes(field.name))
          .map(([key, field]) => [key, field.name] as const),
        ...names.filter((name) => !fields.has(name)).map((name) => [name, name] as const),
      ];
      this.identityByType.set(type.name, identity);
    }
    return identity;
  }

  private collect(type: GraphQLObjectType): Map<string, FieldPlan> {
    const nodes = new Map<string, FieldNode[]>();
    const visited = new Set<string>();
    const walk = (selectionSet: SelectionSetNode, conditional: boolean) => {
      for (const selection of selectionSet.selections) {
        const isConditional = conditional || (selection.directives?.length ?? 0) > 0;
        if (selection.kind === Kind.FIELD) {
          const key = (selection.alias ?? selection.name).value;
          nodes.set(key, [...(nodes.get(key) ?? []), isConditional ? markConditional(selection) : selection]);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const condition = selection.typeCondition?.name.value;
          if (!condition || this.applies(condition, type)) walk(selection.selectionSet, isConditional);
        } else {
          const fragment = this.fragments.get(selection.name.value);
          if (!fragment || visited.has(fragment.name.value)) continue;
          visited.add(fragment.name.value);
          if (this.applies(fragment.typeCondition.name.value, type)) walk(fragment.selectionSet, isConditional);
        }
      }
    };
    for (const set of this.selectionSets) walk(set, false);
    const fields = new Map<string, FieldPlan>();
    for (const [key, fieldNodes] of nodes) {
      const plan = this.planField(type, fieldNodes);
      if (plan) fields.set(key, plan);
    }
    return fields;
  }

  private applies(condition: string, type: GraphQLObjectType): boolean {
    if (condition === type.name) return true;
    const conditionType = this.schema.getType(condition);
    return !!conditionType && isAbstractType(conditionType) && this.schema.isSubType(conditionType, type);
  }

  private planField(type: GraphQLObjectType, nodes: FieldNode[]): FieldPlan | undefined {
    const first = nodes[0]!;
    const name = first.name.value;
    const definition: GraphQLField<unknown, unknown> | undefined =
      name === '__typename' ? TypeNameMetaFieldDef : type.getFields()[name];
    if (!definition) return undefined;
    const named = getNamedType(definition.type);
    const childSets = nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
    const shape = shapeOf(definition.type);
    return {
      name,
      type: definition.type,
      shape,
      isList: (shape.kind === 'NON_NULL' ? shape.of : shape).kind === 'LIST',
      conditional: nodes.every((node) => conditionalNodes.has(node)),
      reserved: isOwnershipAlias(first),
      pageSize: pageSizeOf(definition, first),
      idArgument: argumentOf(first, 'id'),
      selection:
        isCompositeType(named) && childSets.length
          ? new SelectionPlan(this.schema, this.fragments, childSets, named)
          : undefined,
    };
  }
}

const conditionalNodes = new WeakSet<FieldNode>();

function markConditional(node: FieldNode): FieldNode {
  conditionalNodes.add(node);
  return node;
}

function pageSizeOf(definition: GraphQLField<unknown, unknown>, node: FieldNode) {
  const argument = definition.args.find((arg) => arg.name === 'first');
  if (!argument) return undefined;
  const declaredDefault = typeof argument.defaultValue === 'number' ? argument.defaultValue : fallbackPageSize;
  const given = argumentOf(node, 'first');
  return (variables: Record<string, unknown>) => {
    const value = given ? given(variables) : declaredDefault;
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : fallbackPageSize;
  };
}

function argumentOf(node: FieldNode, name: string) {
  const value: ValueNode | undefined = node.arguments?.find((arg) => arg.name.value === name)?.value;
  if (!value) return undefined;
  return (variables: Record<string, unknown>): unknown => {
    if (value.kind === Kind.VARIABLE) return variables[value.name.value];
    if (value.kind === Kind.INT) return Number(value.value);
    if (value.kind === Kind.STRING) return value.value;
    return undefined;
  };
}

export interface AnswerPlan {
  root: SelectionPlan;
  rootType: GraphQLObjectType;
  /** The query selects outcome fields (outcomeCells.ts walks only those answers). */
  mentionsOutcomes: boolean;
}

/** Per contract version (institutions on an earlier one are held to it), per text sent. */
const plansBySchema = new WeakMap<GraphQLSchema, Map<string, AnswerPlan>>();

/** The plan of `document` (the text sent to institutions) under `schema`, cached by both. */
export function answerPlan(text: string, document: DocumentNode, schema: GraphQLSchema): AnswerPlan {
  let plans = plansBySchema.get(schema);
  if (!plans) {
    plans = new Map();
    plansBySchema.set(schema, plans);
  }
  let plan = plans.get(text);
  if (!plan) {
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    const rootType = operation?.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
    if (!operation || !rootType) throw new Error('the catalogue fetch has no query or mutation operation');
    const fragments = new Map(
      document.definitions
        .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    );
    plan = {
      root: new SelectionPlan(schema, fragments, [operation.selectionSet], rootType),
      rootType,
      mentionsOutcomes: /utcome/.test(text),
    };
    if (plans.size > 5000) plans.clear();
    plans.set(text, plan);
  }
  return plan;
}

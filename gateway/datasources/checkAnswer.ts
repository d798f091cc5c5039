/**
 * Holds an institution's answer to the request it was sent, in one walk
 * guided by the query's plan (answerPlan.ts):
 *
 * - ownership is proven by the data: every owner field (`id`, `code`,
 *   `microCredentialId`, aliased or not) must name the answering institution
 *   and agree with the others, `__typename` must be the type the gateway
 *   expects, and an entity answered for a key or id argument must have that
 *   key. Anything else is INSTITUTION_IMPERSONATION;
 * - shape: values of the wrong type, unknown enum values, missing or null
 *   non-null fields and fields nobody asked for are INSTITUTION_INVALID_RESPONSE;
 * - lists are no longer than the page size the request set (`first`, or the
 *   contract's default): extra items are dropped and reported.
 *
 * A bad value is discarded where it stands: a nullable field becomes null, an
 * item of a list is removed, otherwise its parent object is discarded in turn,
 * so the rest of the answer, and every other institution's, stays intact.
 * The answer is corrected in place; the problems come back as GraphQL errors
 * naming the institution.
 */
import { getNamedType, type GraphQLFormattedError, type GraphQLObjectType } from 'graphql';
import {
  shapeOf,
  type AnswerPlan,
  type FieldPlan,
  type IdentityField,
  type SelectionPlan,
  type Shape,
} from './answerPlan.js';
import { keyOfRepresentation, ownerFields, ownerOf } from './ownership.js';

/** A position in the answer, built as a chain so that valid values cost no array; materialised only for errors. */
type Path = { parent: Path; key: string | number } | undefined;

function pathArray(path: Path): Array<string | number> {
  const keys: Array<string | number> = [];
  for (let at = path; at; at = at.parent) keys.push(at.key);
  return keys.reverse();
}
type Code = 'INSTITUTION_IMPERSONATION' | 'INSTITUTION_INVALID_RESPONSE';

/** At most this many problems are reported one by one; the rest are counted. */
const reportedProblems = 10;

/** Strict result checks for the contract's scalars (GraphQL's own serializers coerce instead of refusing). */
const scalarChecks: Record<string, (value: unknown) => boolean> = {
  String: (v) => typeof v === 'string',
  ID: (v) => typeof v === 'string' || Number.isInteger(v),
  Int: (v) => Number.isInteger(v) && Math.abs(v as number) <= 2 ** 31 - 1,
  Float: (v) => typeof v === 'number' && Number.isFinite(v),
  Boolean: (v) => typeof v === 'boolean',
  Date: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
  DateTime: (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)),
  URL: (v) => typeof v === 'string',
  PathSegment: (v) => typeof v === 'string' || Number.isInteger(v),
};

export function checkAnswer(
  data: Record<string, unknown> | null,
  plan: AnswerPlan,
  context: {
    institution: string;
    variables: Record<string, unknown>;
    /** For `_entities`: what each item must be. */
    representations?: readonly unknown[];
  },
): GraphQLFormattedError[] {
  if (data === null) return [];
  const walk = new AnswerWalk(context.institution, context.variables);
  const representations = context.representations;
  walk.object(data, shapeOf(plan.rootType) as Extract<Shape, { kind: 'OBJECT' }>, plan.root, undefined, undefined, {
    // Each `_entities` item is the entity its representation names, whatever the item says.
    entity: representations
      ? (position) => representations[position] as Record<string, unknown> | undefined
      : undefined,
  });
  return walk.errors();
}

interface Expectation {
  /** The key the object must have. */
  key?: unknown;
  /** The concrete type the object must be (for `_entities` items). */
  typename?: string;
}

class AnswerWalk {
  private readonly problems: Array<{ code: Code; reason: string; message: string; path: Path }> = [];

  constructor(
    private readonly institution: string,
    private readonly variables: Record<string, unknown>,
  ) {}

  errors(): GraphQLFormattedError[] {
    const shown: GraphQLFormattedError[] = this.problems
      .slice(0, reportedProblems)
      .map(({ code, reason, message, path }) => ({
        message: `Institution "${this.institution}" ${message}; ${
          reason === 'LIST_TOO_LONG' ? 'the items beyond were dropped' : 'that part of its answer was discarded'
        }.`,
        path: pathArray(path),
        extensions: { code, institution: this.institution, reason },
      }));
    const hidden = this.problems.length - shown.length;
    if (hidden > 0) {
      const { code, reason } = this.problems[reportedProblems]!;
      shown.push({
        message: `Institution "${this.institution}" gave ${hidden} more invalid values in the same answer; they were discarded.`,
        path: [],
        extensions: { code, institution: this.institution, reason },
      });
    }
    return shown;
  }

  /** Checks `value` against `shape`; false when the value must be discarded by its parent. */
  value(value: unknown, shape: Shape, field: FieldPlan, path: Path, pageSize?: number): boolean {
    switch (shape.kind) {
      case 'NON_NULL':
        if (value === null) {
          return this.problem('INVALID_VALUE', `answered null for the non-null ${describe(field)}`, path);
        }
        return this.value(value, shape.of, field, path, pageSize);
      case 'LIST': {
        if (value === null) return true;
        if (!Array.isArray(value))
          return this.problem('WRONG_TYPE', `answered a non-list for ${describe(field)}`, path);
        if (pageSize !== undefined && value.length > pageSize) {
          this.problem(
            'LIST_TOO_LONG',
            `answered ${value.length} items where at most ${pageSize} were asked for`,
            path,
          );
          value.length = pageSize;
        }
        for (let i = value.length - 1; i >= 0; i--) {
          if (this.value(value[i], shape.of, field, { parent: path, key: i })) continue;
          if (shape.of.kind === 'NON_NULL') value.splice(i, 1);
          else value[i] = null;
        }
        return true;
      }
      case 'SCALAR': {
        const check = scalarChecks[shape.name];
        return value === null || !check || check(value)
          ? true
          : this.problem('WRONG_TYPE', `answered a ${kindOf(value)} where ${describe(field)} is a ${shape.name}`, path);
      }
      case 'ENUM':
        return value === null || (typeof value === 'string' && shape.values.has(value))
          ? true
          : this.problem(
              'UNKNOWN_ENUM_VALUE',
              `answered a value that is not a ${shape.name} for ${describe(field)}`,
              path,
            );
      default:
        if (value === null) return true;
        return this.object(value, shape, field.selection, path, pageSize, { key: field.idArgument?.(this.variables) });
    }
  }

  object(
    value: unknown,
    shape: Extract<Shape, { kind: 'OBJECT' | 'UNION' }>,
    selection: SelectionPlan | undefined,
    path: Path,
    pageSize: number | undefined,
    expected: Expectation & { entity?: (position: number) => Record<string, unknown> | undefined },
  ): boolean {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return this.problem(
        'WRONG_TYPE',
        `answered a ${kindOf(value)} where an object of type ${shape.name} belongs`,
        path,
      );
    }
    const record = value as Record<string, unknown>;
    const concrete = concreteType(record, shape, expected.typename);
    if (!concrete)
      return this.problem('WRONG_TYPE', `answered an object of an unexpected type for ${shape.name}`, path);
    if (!selection) return this.problem('WRONG_TYPE', 'answered an object where none was asked for', path);
    const fields = selection.fieldsFor(concrete);
    if (!this.owned(record, concrete, selection.identityFieldsFor(concrete), path, expected)) return false;
    for (const key in record) {
      if (!fields.has(key)) {
        this.problem('UNEXPECTED_FIELD', `answered a field "${truncate(key)}" that was not asked for`, {
          parent: path,
          key,
        });
        delete record[key];
      }
    }
    for (const [key, field] of fields) {
      const child = record[key];
      if (child === undefined && field.conditional) continue;
      const at = { parent: path, key };
      const ok =
        child === undefined
          ? this.problem('MISSING_FIELD', `left out ${describe(field)}`, at)
          : field.name === '_entities' && expected.entity
            ? this.entities(child, field, at, expected.entity)
            : this.value(
                child,
                field.shape,
                field,
                at,
                field.pageSize?.(this.variables) ?? (field.isList ? pageSize : undefined),
              );
      if (!ok) {
        if (field.shape.kind === 'NON_NULL') return false;
        record[key] = null;
      }
      if (field.reserved) delete record[key];
    }
    return true;
  }

  /** `_entities`: each item is held to the representation at its position. */
  private entities(
    value: unknown,
    field: FieldPlan,
    path: Path,
    representation: (position: number) => Record<string, unknown> | undefined,
  ): boolean {
    if (!Array.isArray(value)) return this.problem('WRONG_TYPE', 'answered a non-list for _entities', path);
    const shape = shapeOf(getNamedType(field.type)) as Extract<Shape, { kind: 'OBJECT' | 'UNION' }>;
    value.forEach((item, position) => {
      const wanted = representation(position);
      const expected = { typename: String(wanted?.__typename), key: wanted ? keyOfRepresentation(wanted) : undefined };
      if (
        item !== null &&
        !this.object(item, shape, field.selection, { parent: path, key: position }, undefined, expected)
      ) {
        value[position] = null;
      }
    });
    return true;
  }

  /** The ownership proof: every owner field, real or aliased, and every `__typename`. */
  private owned(
    record: Record<string, unknown>,
    concrete: GraphQLObjectType,
    identity: readonly IdentityField[],
    path: Path,
    expected: Expectation,
  ): boolean {
    const owners = ownerFields[concrete.name] ?? [];
    let key: unknown;
    for (const [responseKey, name] of identity) {
      const value = record[responseKey];
      if (name === '__typename' && value !== undefined && value !== concrete.name) {
        return this.impersonation(`called a ${concrete.name} a "${truncate(String(value))}"`, path);
      }
      if (!owners.includes(name) || value === undefined || value === null) continue;
      if (ownerOf(concrete.name, value) !== this.institution) {
        return this.impersonation(
          `answered with ${concrete.name} "${truncate(String(value))}", which it does not own`,
          path,
        );
      }
      if (owners[0] !== name) continue;
      if (key !== undefined && key !== value) {
        return this.impersonation(`answered a ${concrete.name} whose key fields disagree`, path);
      }
      key = value;
    }
    if (expected.key !== undefined && key !== undefined && key !== expected.key) {
      return this.impersonation(
        `answered ${concrete.name} "${truncate(String(key))}" when asked for "${truncate(String(expected.key))}"`,
        path,
      );
    }
    return true;
  }

  private impersonation(message: string, path: Path): false {
    this.problems.push({ code: 'INSTITUTION_IMPERSONATION', reason: 'IMPERSONATION', message, path });
    return false;
  }

  private problem(reason: string, message: string, path: Path): false {
    this.problems.push({ code: 'INSTITUTION_INVALID_RESPONSE', reason, message, path });
    return false;
  }
}

function concreteType(
  record: Record<string, unknown>,
  shape: Extract<Shape, { kind: 'OBJECT' | 'UNION' }>,
  expectedTypename: string | undefined,
): GraphQLObjectType | undefined {
  if (shape.kind === 'OBJECT')
    return expectedTypename === undefined || expectedTypename === shape.name ? shape.type : undefined;
  const name = expectedTypename ?? record.__typename ?? record._shardType;
  return typeof name === 'string' ? shape.members.get(name) : undefined;
}

function describe(field: FieldPlan): string {
  return `field "${field.name}"`;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  return typeof value;
}

/** Institutions' strings are echoed only short, so an error never carries a body. */
function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

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
import {
  getNamedType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLCompositeType,
  type GraphQLFormattedError,
  type GraphQLObjectType,
  type GraphQLOutputType,
} from 'graphql';
import type { AnswerPlan, FieldPlan, SelectionPlan } from './answerPlan.js';
import { keyOfRepresentation, ownerFields, ownerOf } from './ownership.js';

type Path = Array<string | number>;
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
  walk.object(data, plan.rootType, plan.root, [], undefined, {
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
    const shown = this.problems.slice(0, reportedProblems).map(({ code, reason, message, path }) => ({
      message: `Institution "${this.institution}" ${message}; ${
        reason === 'LIST_TOO_LONG' ? 'the items beyond were dropped' : 'that part of its answer was discarded'
      }.`,
      path,
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

  /** Checks `value` against `type`; false when the value must be discarded by its parent. */
  value(value: unknown, type: GraphQLOutputType, field: FieldPlan, path: Path, pageSize?: number): boolean {
    if (isNonNullType(type)) {
      if (value === null)
        return this.problem('INVALID_VALUE', `answered null for the non-null ${describe(field)}`, path);
      return this.value(value, type.ofType, field, path, pageSize);
    }
    if (value === null) return true;
    if (isListType(type)) {
      if (!Array.isArray(value)) return this.problem('WRONG_TYPE', `answered a non-list for ${describe(field)}`, path);
      if (pageSize !== undefined && value.length > pageSize) {
        this.problem('LIST_TOO_LONG', `answered ${value.length} items where at most ${pageSize} were asked for`, path);
        value.length = pageSize;
      }
      for (let i = value.length - 1; i >= 0; i--) {
        if (this.value(value[i], type.ofType, field, [...path, i])) continue;
        if (isNonNullType(type.ofType)) value.splice(i, 1);
        else value[i] = null;
      }
      return true;
    }
    if (isScalarType(type)) {
      const check = scalarChecks[type.name];
      return !check || check(value)
        ? true
        : this.problem('WRONG_TYPE', `answered a ${kindOf(value)} where ${describe(field)} is a ${type.name}`, path);
    }
    if (isEnumType(type)) {
      return typeof value === 'string' && type.getValue(value)
        ? true
        : this.problem(
            'UNKNOWN_ENUM_VALUE',
            `answered a value that is not a ${type.name} for ${describe(field)}`,
            path,
          );
    }
    const key = field.idArgument?.(this.variables);
    return this.object(value, type, field.selection, path, pageSize, { key });
  }

  object(
    value: unknown,
    type: GraphQLCompositeType,
    selection: SelectionPlan | undefined,
    path: Path,
    pageSize: number | undefined,
    expected: Expectation & { entity?: (position: number) => Record<string, unknown> | undefined },
  ): boolean {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return this.problem(
        'WRONG_TYPE',
        `answered a ${kindOf(value)} where an object of type ${type.name} belongs`,
        path,
      );
    }
    const record = value as Record<string, unknown>;
    const concrete = this.concreteType(record, type, expected.typename);
    if (!concrete) return this.problem('WRONG_TYPE', `answered an object of an unexpected type for ${type.name}`, path);
    const fields = selection?.fieldsFor(concrete) ?? new Map<string, FieldPlan>();
    if (!this.owned(record, concrete, fields, path, expected)) return false;
    for (const key of Object.keys(record)) {
      if (!fields.has(key)) {
        this.problem('UNEXPECTED_FIELD', `answered a field "${truncate(key)}" that was not asked for`, [...path, key]);
        delete record[key];
      }
    }
    for (const [key, field] of fields) {
      const child = record[key];
      if (child === undefined && field.conditional) continue;
      const ok =
        child === undefined
          ? this.problem('MISSING_FIELD', `left out ${describe(field)}`, [...path, key])
          : field.name === '_entities' && expected.entity
            ? this.entities(child, field, [...path, key], expected.entity)
            : this.value(child, field.type, field, [...path, key], this.pageSizeOf(field, pageSize));
      if (!ok) {
        if (isNonNullType(field.type)) return false;
        record[key] = null;
      }
      if (field.reserved) delete record[key];
    }
    return true;
  }

  /** A field's own `first`, else, for a list, the page size its parent's `first` set. */
  private pageSizeOf(field: FieldPlan, parentPageSize: number | undefined): number | undefined {
    const own = field.pageSize?.(this.variables);
    if (own !== undefined) return own;
    return isListType(isNonNullType(field.type) ? field.type.ofType : field.type) ? parentPageSize : undefined;
  }

  /** `_entities`: each item is held to the representation at its position. */
  private entities(
    value: unknown,
    field: FieldPlan,
    path: Path,
    representation: (position: number) => Record<string, unknown> | undefined,
  ): boolean {
    if (!Array.isArray(value)) return this.problem('WRONG_TYPE', 'answered a non-list for _entities', path);
    const type = getNamedType(field.type) as GraphQLCompositeType;
    value.forEach((item, position) => {
      const wanted = representation(position);
      const expected = { typename: String(wanted?.__typename), key: wanted ? keyOfRepresentation(wanted) : undefined };
      if (item !== null && !this.object(item, type, field.selection, [...path, position], undefined, expected)) {
        value[position] = null;
      }
    });
    return true;
  }

  private concreteType(
    record: Record<string, unknown>,
    type: GraphQLCompositeType,
    expectedTypename: string | undefined,
  ): GraphQLObjectType | undefined {
    if (isObjectType(type)) return expectedTypename === undefined || expectedTypename === type.name ? type : undefined;
    if (!isUnionType(type)) return undefined;
    const name = expectedTypename ?? record.__typename ?? record._shardType;
    return type.getTypes().find((member) => member.name === name);
  }

  /** The ownership proof: every owner field, real or aliased, and every `__typename`. */
  private owned(
    record: Record<string, unknown>,
    concrete: GraphQLObjectType,
    fields: Map<string, FieldPlan>,
    path: Path,
    expected: Expectation,
  ): boolean {
    const owners = ownerFields[concrete.name] ?? [];
    const keys = new Set<unknown>();
    // Owner fields and __typename under their own names too, even unasked: a foreign key anywhere is a forgery.
    const selected = [...fields].map(([responseKey, field]) => [responseKey, field.name] as const);
    const unasked = [...owners, '__typename'].filter((name) => !fields.has(name)).map((name) => [name, name] as const);
    for (const [responseKey, name] of [...selected, ...unasked]) {
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
      if (owners[0] === name) keys.add(value);
    }
    if (keys.size > 1) return this.impersonation(`answered a ${concrete.name} whose key fields disagree`, path);
    const [key] = keys;
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

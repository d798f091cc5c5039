/**
 * Proof of ownership for everything an institution returns.
 *
 * Before a query goes to an institution, every selection of a sharded entity
 * (MicroCredential, Institution) also asks for its key and type under reserved
 * aliases. When the answer comes back, every object carrying those aliases must
 * belong to the answering institution; the aliases are then removed so the
 * gateway sees exactly what it asked for.
 */
import {
  Kind,
  TypeInfo,
  getNamedType,
  parse,
  print,
  visit,
  visitWithTypeInfo,
  type FieldNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

const shardKeyAlias = '_shardKey';
const shardTypeAlias = '_shardType';

/** The key field of each entity type the catalogue shards, and how to tell who owns a key. */
const shardedEntities: Record<string, { keyField: string; ownerOf(key: string): string | undefined }> = {
  MicroCredential: { keyField: 'id', ownerOf: institutionOfMicroCredentialId },
  Institution: { keyField: 'code', ownerOf: (code) => code },
};

/** `humber:data-analytics` → `humber`; undefined when the id has no institution prefix. */
export function institutionOfMicroCredentialId(id: string): string | undefined {
  const separator = id.indexOf(':');
  return separator > 0 && separator < id.length - 1 ? id.slice(0, separator) : undefined;
}

export function institutionOfRepresentation(representation: unknown): string | undefined {
  if (typeof representation !== 'object' || representation === null) return undefined;
  const { __typename, ...fields } = representation as Record<string, unknown>;
  const entity = typeof __typename === 'string' ? shardedEntities[__typename] : undefined;
  const key = entity ? fields[entity.keyField] : undefined;
  return entity && typeof key === 'string' ? entity.ownerOf(key) : undefined;
}

export function keyOfRepresentation(representation: Record<string, unknown>): string | undefined {
  const entity = shardedEntities[String(representation.__typename)];
  const key = entity ? representation[entity.keyField] : undefined;
  return typeof key === 'string' ? key : undefined;
}

const rewriteCache = new Map<string, string>();

/** Adds the reserved key and type aliases to every sharded-entity selection of `query`. */
export function withOwnershipProof(query: string, contract: GraphQLSchema): string {
  const cached = rewriteCache.get(query);
  if (cached !== undefined) return cached;
  const typeInfo = new TypeInfo(contract);
  const rewritten = visit(
    parse(query),
    visitWithTypeInfo(typeInfo, {
      SelectionSet(node) {
        const type = typeInfo.getParentType();
        const entity = type ? shardedEntities[getNamedType(type).name] : undefined;
        if (!entity) return undefined;
        return addSelections(node, [
          aliasField(shardKeyAlias, entity.keyField),
          aliasField(shardTypeAlias, '__typename'),
        ]);
      },
    }),
  );
  const text = print(rewritten);
  if (rewriteCache.size > 5000) rewriteCache.clear();
  rewriteCache.set(query, text);
  return text;
}

function aliasField(alias: string, name: string): FieldNode {
  return { kind: Kind.FIELD, alias: { kind: Kind.NAME, value: alias }, name: { kind: Kind.NAME, value: name } };
}

function addSelections(node: SelectionSetNode, fields: FieldNode[]): SelectionSetNode {
  const present = new Set(node.selections.map((s) => (s.kind === Kind.FIELD ? (s.alias ?? s.name).value : '')));
  const missing = fields.filter((f) => !present.has(f.alias!.value));
  return missing.length === 0 ? node : { ...node, selections: [...node.selections, ...missing] };
}

export interface ForeignEntity {
  typename: string;
  key: string;
}

/**
 * Removes the reserved aliases from `value` in place and returns every entity
 * found in it that `institution` does not own.
 */
export function stripAndFindForeignEntities(value: unknown, institution: string): ForeignEntity[] {
  const foreign: ForeignEntity[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (shardTypeAlias in record || shardKeyAlias in record) {
      const typename = String(record[shardTypeAlias]);
      const key = String(record[shardKeyAlias]);
      const entity = shardedEntities[typename];
      if (!entity || entity.ownerOf(key) !== institution) foreign.push({ typename, key });
      delete record[shardTypeAlias];
      delete record[shardKeyAlias];
    }
    Object.values(record).forEach(walk);
  };
  walk(value);
  return foreign;
}

/** The key an entity answer claims, read from the reserved aliases before they are stripped. */
export function claimedKey(item: unknown): { typename: string; key: string } | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const record = item as Record<string, unknown>;
  if (!(shardKeyAlias in record)) return undefined;
  return { typename: String(record[shardTypeAlias]), key: String(record[shardKeyAlias]) };
}

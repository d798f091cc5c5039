/**
 * Who owns what the catalogue returns, and the request rewrite that makes
 * every answer carry its own proof.
 *
 * Before a query goes to an institution, every selection of a sharded entity
 * (MicroCredential, Institution) also asks for its key and type under reserved
 * aliases, so the key is there even when the client did not select it. The
 * answer is then checked (checkAnswer.ts) on every key field it carries, real
 * or aliased, and the aliases are removed so the gateway sees exactly what it
 * asked for.
 */
import {
  Kind,
  TypeInfo,
  getNamedType,
  parse,
  print,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { institutionOfMicroCredentialId } from '../../runtime/microCredentialId.js';

const shardKeyAlias = '_shardKey';
const shardTypeAlias = '_shardType';

/** The key field of each entity type the catalogue shards. */
const shardedEntities: Record<string, { keyField: string }> = {
  MicroCredential: { keyField: 'id' },
  Institution: { keyField: 'code' },
};

/**
 * Every field, per type, that names the institution owning the object; each
 * one present in an answer must name the answering institution.
 */
export const ownerFields: Record<string, readonly string[]> = {
  MicroCredential: ['id'],
  Institution: ['code'],
  MicroCredentialDraft: ['id'],
  Change: ['microCredentialId'],
  AuditEntry: ['microCredentialId'],
};

/** The institution a value of an owner field names: an institution code itself, or an id's prefix. */
export function ownerOf(typename: string, value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return typename === 'Institution' ? value : institutionOfMicroCredentialId(value);
}

export function institutionOfRepresentation(representation: unknown): string | undefined {
  if (typeof representation !== 'object' || representation === null) return undefined;
  const typename = (representation as Record<string, unknown>).__typename;
  return typeof typename === 'string' && typename in shardedEntities
    ? ownerOf(typename, keyOfRepresentation(representation as Record<string, unknown>))
    : undefined;
}

export function keyOfRepresentation(representation: Record<string, unknown>): string | undefined {
  const entity = shardedEntities[String(representation.__typename)];
  const key = entity ? representation[entity.keyField] : undefined;
  return typeof key === 'string' ? key : undefined;
}

const rewriteCache = new Map<string, { text: string; document: DocumentNode }>();

/** Adds the reserved key and type aliases to every sharded-entity selection of `query`. */
export function withOwnershipProof(query: string, contract: GraphQLSchema): { text: string; document: DocumentNode } {
  const cached = rewriteCache.get(query);
  if (cached !== undefined) return cached;
  const typeInfo = new TypeInfo(contract);
  const document = visit(
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
  const rewritten = { text: print(document), document };
  if (rewriteCache.size > 5000) rewriteCache.clear();
  rewriteCache.set(query, rewritten);
  return rewritten;
}

const addedByGateway = new WeakSet<FieldNode>();

/** Whether the gateway added this selection (and so removes it from the answer). */
export function isOwnershipAlias(node: FieldNode): boolean {
  return addedByGateway.has(node);
}

function aliasField(alias: string, name: string): FieldNode {
  const node: FieldNode = {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: alias },
    name: { kind: Kind.NAME, value: name },
  };
  addedByGateway.add(node);
  return node;
}

function addSelections(node: SelectionSetNode, fields: FieldNode[]): SelectionSetNode {
  const present = new Set(node.selections.map((s) => (s.kind === Kind.FIELD ? (s.alias ?? s.name).value : '')));
  const missing = fields.filter((f) => !present.has(f.alias!.value));
  return missing.length === 0 ? node : { ...node, selections: [...node.selections, ...missing] };
}

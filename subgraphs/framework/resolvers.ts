/**
 * All resolvers of schema/framework.graphql, one map per concern (OQF,
 * institution registry, and whatever is added next, e.g. recognition).
 *
 * codegen.json sets `"federation": false`, so `__resolveReference` is not typed
 * by codegen: each one types its reference by hand as the untrusted JSON it is
 * (a representation comes from the gateway, built from another subgraph's
 * answer), rather than as the well-formed key codegen's federation mode assumes.
 */
import { consumerKeyResolvers } from './consumerKeyResolvers.js';
import { dataVersionResolvers } from './dataVersionResolvers.js';
import type { Resolvers } from './generated/resolvers.js';
import { institutionResolvers } from './institutionResolvers.js';
import { languageResolvers } from './languageResolvers.js';
import { oqfResolvers } from './oqfResolvers.js';
import { recognitionResolvers } from './recognition/resolvers.js';
import { trustMarkResolvers } from './trustMarks/resolvers.js';

/** Combines per-concern maps type by type; two maps resolving the same field is a bug, so it throws. */
export function combineResolvers(...maps: Resolvers[]): Resolvers {
  const combined: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [typeName, fields] of Object.entries(map)) {
      const existing = combined[typeName];
      if (existing === undefined) {
        combined[typeName] = fields;
        continue;
      }
      if (!isFieldMap(existing) || !isFieldMap(fields)) throw new Error(`${typeName} is resolved by two resolver maps`);
      for (const field of Object.keys(fields)) {
        if (field in existing) throw new Error(`${typeName}.${field} is resolved by two resolver maps`);
      }
      combined[typeName] = { ...existing, ...fields };
    }
  }
  return combined as Resolvers;
}

function isFieldMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && value.constructor === Object;
}

export const resolvers: Resolvers = combineResolvers(
  oqfResolvers,
  institutionResolvers,
  recognitionResolvers,
  consumerKeyResolvers,
  dataVersionResolvers,
  languageResolvers,
  trustMarkResolvers,
);

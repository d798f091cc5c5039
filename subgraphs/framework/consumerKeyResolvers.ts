/** Consumer keys (consumerKeys.ts): the province manages them, the gateway reads and reports through its registry token. */
import { requireCaller } from './authorization.js';
import {
  activeConsumerKeyGrants,
  issueConsumerKey,
  listConsumerKeys,
  recordConsumerKeyUsage,
  revokeConsumerKey,
} from './consumerKeys.js';
import type { Resolvers } from './generated/resolvers.js';

export const consumerKeyResolvers: Resolvers = {
  Query: {
    consumerKeys: (_root, _args, { db, caller }) => {
      requireCaller(caller, 'PROVINCE', 'consumerKeys');
      return listConsumerKeys(db);
    },
    consumerKeyGrants: (_root, _args, { db, caller }) => {
      requireCaller(caller, 'REGISTRY', 'consumerKeyGrants');
      return activeConsumerKeyGrants(db);
    },
  },
  Mutation: {
    issueConsumerKey: (_root, { label, requestsPerMinute }, { db, caller }) => {
      requireCaller(caller, 'PROVINCE', 'issueConsumerKey');
      return issueConsumerKey(db, label, requestsPerMinute ?? undefined);
    },
    revokeConsumerKey: (_root, { id }, { db, caller }) => {
      requireCaller(caller, 'PROVINCE', 'revokeConsumerKey');
      return revokeConsumerKey(db, id);
    },
    recordConsumerKeyUsage: async (_root, { usage }, { db, caller }) => {
      requireCaller(caller, 'REGISTRY', 'recordConsumerKeyUsage');
      await recordConsumerKeyUsage(db, usage);
      return true;
    },
  },
  ConsumerKey: {
    createdAt: (key) => key.createdAt.toISOString(),
    lastUsedAt: (key) => key.lastUsedAt?.toISOString() ?? null,
    revokedAt: (key) => key.revokedAt?.toISOString() ?? null,
  },
};

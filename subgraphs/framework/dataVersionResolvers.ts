/** `frameworkDataVersion`: lets a cache in front of the framework tell when its answers went stale. */
import { readFrameworkDataVersion } from './db/dataVersion.js';
import type { Resolvers } from './generated/resolvers.js';

export const dataVersionResolvers: Resolvers = {
  Query: {
    frameworkDataVersion: (_root, _args, { db }) => readFrameworkDataVersion(db),
  },
};

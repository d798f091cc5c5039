/**
 * An optional safelist for the public endpoint: every query must be a
 * registered operation, so the operations a CDN and the cache see are a known,
 * bounded set. A credential does not exempt a query (any client can send a
 * token the gateway cannot verify); mutations are not limited by it, since
 * each is authorized by the subgraph that owns the data.
 *
 * Operations are matched by the SHA-256 of their exact text, the hash
 * persisted queries (APQ) use, so a registered operation can also be sent by
 * hash alone once the gateway has seen it.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../context.js';
import { operationHash } from './cacheKey.js';

export function safelistPlugin(operations: readonly string[]): ApolloServerPlugin<GatewayContext> {
  const allowed = new Set(operations.map(operationHash));
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, queryHash }) {
          // Any client can send a bearer token the gateway cannot verify, so a credential exempts no query.
          // Mutations are exempt: each is authorized by the subgraph that owns it, and refused without a key.
          if (operation?.operation === 'mutation' || allowed.has(queryHash)) return;
          throw new GraphQLError('This endpoint only runs registered operations; this one is not registered.', {
            extensions: { code: 'OPERATION_NOT_REGISTERED', http: { status: 403 } },
          });
        },
      };
    },
  };
}

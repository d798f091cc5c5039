/**
 * An optional safelist for the public endpoint: anonymous clients (and
 * consumer keys) may run only the registered operations, so the operations a
 * CDN and the cache see are a known, bounded set. Requests with a credential
 * (institutions, the province) are not limited by it: their writes and tools
 * are authorized by the subgraphs that own the data.
 *
 * Operations are matched by the SHA-256 of their exact text, the hash
 * persisted queries (APQ) use, so a registered operation can also be sent by
 * hash alone once the gateway has seen it.
 */
import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../context.js';
import { carriesCredential } from './credentials.js';

export function operationHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function safelistPlugin(operations: readonly string[]): ApolloServerPlugin<GatewayContext> {
  const allowed = new Set(operations.map(operationHash));
  return {
    async requestDidStart({ request }) {
      if (carriesCredential(request.http?.headers.get('authorization'))) return;
      return {
        async didResolveOperation({ queryHash }) {
          if (allowed.has(queryHash)) return;
          throw new GraphQLError('This endpoint only runs registered operations; this one is not registered.', {
            extensions: { code: 'OPERATION_NOT_REGISTERED', http: { status: 403 } },
          });
        },
      };
    },
  };
}

/**
 * The response cache as an Apollo Server plugin: after the operation is
 * parsed and validated (so every limit the gateway applies has already
 * passed), a public query is answered from the cache when it can be; a miss
 * runs normally and its answer is stored if it is clean. Most hits never get
 * this far: the fast path in front of Apollo (cacheHitFastPath.ts) answers
 * them with the same key, body and headers; this plugin answers the rest and
 * is the only one that stores.
 *
 * Stored: queries without a credential whose answer has no error, built only
 * from sources the watcher is following. Never stored: mutations, anything
 * that forwarded a credential, the change feeds and index status (followers
 * need them exact). A mutation through the gateway drops the answers built
 * from what it wrote as soon as it returns, so a client reads its own write.
 *
 * Headers (cachedResponse.ts): `x-cache: HIT | MISS | BYPASS`; public answers
 * get a strong `ETag` and `Cache-Control: public, max-age=1`; Express answers
 * a GET carrying a matching `If-None-Match` with 304.
 */
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { Kind, type DocumentNode, type FormattedExecutionResult, type SelectionSetNode } from 'graphql';
import type { GatewayContext } from '../context.js';
import { sharesPublicAnswers } from '../credentials.js';
import { cacheHeaders, responseBody, type CacheDecision } from './cachedResponse.js';
import { responseCacheKey } from './cacheKey.js';
import { countCacheDecision } from './metrics.js';
import { openScope } from './requestScope.js';
import type { ResponseStore } from './ResponseStore.js';

/** Root fields whose answers are never stored: feeds and status are read by followers that need them exact. */
const uncachedRootFields = new Set(['changes', 'directoryChanges', 'searchStatus']);

export interface ResponseCachePluginOptions {
  store: ResponseStore;
  /** Answers built from `tag` may be stored (its source is being watched). */
  watching(tag: string): boolean;
}

export function responseCachePlugin({
  store,
  watching,
}: ResponseCachePluginOptions): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const scope = openScope(contextValue);
      scope.credentialed = !sharesPublicAnswers(contextValue.credential);
      let decision: CacheDecision = 'BYPASS';
      let key = '';
      let since = 0;
      let etag: string | undefined;
      return {
        async responseForOperation(context) {
          if (scope.credentialed || !isCacheableQuery(context)) return null;
          key = cacheKey(context);
          const hit = store.get(key);
          if (!hit) {
            decision = 'MISS';
            since = store.now();
            return null;
          }
          decision = 'HIT';
          etag = hit.etag;
          return {
            http: { status: undefined, headers: new HeaderMap() },
            body: { kind: 'single', singleResult: JSON.parse(hit.json) },
          };
        },
        async willSendResponse(context) {
          const { response, operation } = context;
          if (operation?.operation === 'mutation') for (const tag of scope.tags) store.invalidate(tag);
          if (decision === 'MISS') {
            const stored = storable(context) && [...scope.tags].every(watching) && !scope.credentialed;
            const answer = stored
              ? store.set(key, responseBody(resultOf(context)), scope.tags, since, scope.searches)
              : undefined;
            etag = answer?.etag;
          }
          countCacheDecision(decision);
          for (const [name, value] of cacheHeaders(decision, etag, scope.credentialed)) {
            response.http.headers.set(name, value);
          }
        },
      };
    },
  };
}

function cacheKey({ queryHash, request, contextValue }: GraphQLRequestContext<GatewayContext>): string {
  return responseCacheKey({
    language: contextValue.language,
    // Apollo sets it before any operation is resolved (its types leave it optional).
    queryHash: queryHash ?? '',
    operationName: request.operationName,
    variables: request.variables,
  });
}

function isCacheableQuery(context: GraphQLRequestContext<GatewayContext>): boolean {
  const { operation, document } = context;
  return (
    operation?.operation === 'query' && !!document && !selectsAny(operation.selectionSet, document, uncachedRootFields)
  );
}

function selectsAny(selectionSet: SelectionSetNode, document: DocumentNode, names: Set<string>): boolean {
  return selectionSet.selections.some((selection) => {
    if (selection.kind === Kind.FIELD) return names.has(selection.name.value);
    if (selection.kind === Kind.INLINE_FRAGMENT) return selectsAny(selection.selectionSet, document, names);
    const fragment = document.definitions.find(
      (definition) => definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value,
    );
    return fragment?.kind === Kind.FRAGMENT_DEFINITION && selectsAny(fragment.selectionSet, document, names);
  });
}

/** Only called for a storable (single) response. */
function resultOf(context: GraphQLRequestContext<GatewayContext>): FormattedExecutionResult {
  const { body } = context.response;
  return body?.kind === 'single' ? body.singleResult : {};
}

/** A complete answer without errors, with no status of its own (a 200). */
function storable(context: GraphQLRequestContext<GatewayContext>): boolean {
  const { body, http } = context.response;
  return body?.kind === 'single' && !body.singleResult.errors && (http.status === undefined || http.status === 200);
}

/**
 * Hands the gateway what an answer added to demand, already anonymised, in the
 * response's `extensions.searchDemand`: the gateway keeps it with the answer it
 * caches and reports it back each time that cached answer is served
 * (cachedSearches.ts), so searches answered from its cache are counted too.
 * The gateway does not pass a subgraph's extensions on to its clients.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context.js';

export function demandExtensionPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (!contextValue.countedSearches.length || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, searchDemand: contextValue.countedSearches };
        },
      };
    },
  };
}

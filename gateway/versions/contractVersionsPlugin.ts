/**
 * Tells a client when part of its answer came from institutions on an earlier
 * catalogue contract version: one response extension,
 * `contractVersions: { "<institution>": "1.0" }`. Their data is intact; the
 * fields their version lacks are null (docs/versioning.md). Answers wholly from
 * current institutions carry nothing extra.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context.js';

export function contractVersionsPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const older = contextValue.olderContracts;
          if (!older?.size || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const sorted = [...older].sort(([a], [b]) => a.localeCompare(b));
          result.extensions = { ...result.extensions, contractVersions: Object.fromEntries(sorted) };
        },
      };
    },
  };
}

/** Records, for the response extension, that `institution` answered this request at `version`. */
export function noteOlderContract(context: GatewayContext | undefined, institution: string, version: string): void {
  if (!context) return;
  context.olderContracts ??= new Map();
  context.olderContracts.set(institution, version);
}

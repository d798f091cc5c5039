/**
 * Checks that micro-credentials exist at their institutions by asking the
 * gateway (`microCredential(id:)`, one aliased field per id in one request),
 * so the answer is what the public directory shows: published or sunset
 * entries of institutions that are up. The framework does not hold
 * catalogues; the gateway routes each id to its institution. The call goes
 * through the one client (runtime/graphqlClient.ts): deadline, size cap, shape check.
 */
import { GraphQLError } from 'graphql';
import { type GraphQLAnswer, GraphQLCallError, postGraphQL } from '../../../runtime/graphqlClient.js';

export interface MissingMicroCredential {
  id: string;
  /** NOT_FOUND: its institution answered without it. UNCONFIRMED: its institution could not be asked (e.g. down). */
  status: 'NOT_FOUND' | 'UNCONFIRMED';
  reason: string;
}

/** Resolves with the ids that do not exist (empty when all do); throws when it cannot check at all. */
export type MicroCredentialCheck = (ids: readonly string[]) => Promise<MissingMicroCredential[]>;

export function gatewayUnavailable(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'GATEWAY_UNAVAILABLE' } });
}

export function checkThroughGateway(gatewayUrl: () => string | undefined, timeoutMs = 10_000): MicroCredentialCheck {
  return async (ids) => {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const url = gatewayUrl();
    if (!url) {
      throw gatewayUnavailable(
        'Cannot check that the micro-credentials exist: the framework has no gateway URL (set GATEWAY_URL), so nothing was written.',
      );
    }
    const variables = Object.fromEntries(unique.map((id, index) => [`id${index}`, id]));
    const query = `query CheckMicroCredentials(${unique.map((_, i) => `$id${i}: ID!`).join(', ')}) {\n${unique
      .map((_, i) => `  m${i}: microCredential(id: $id${i}) { id }`)
      .join('\n')}\n}`;
    let answer: GraphQLAnswer;
    try {
      answer = await postGraphQL({ url, body: { query, variables }, timeoutMs });
    } catch (error) {
      if (!(error instanceof GraphQLCallError)) throw error;
      // The gateway's address is internal: the error says what failed, not where.
      throw gatewayUnavailable(
        `Cannot check that the micro-credentials exist: the gateway did not answer usably (${error.failure}: ${error.detail}), so nothing was written.`,
      );
    }
    const missing: MissingMicroCredential[] = [];
    unique.forEach((id, index) => {
      const found = answer.data?.[`m${index}`] as { id?: unknown } | null | undefined;
      if (found && found.id === id) return;
      const error = answer.errors.find(
        (candidate) => Array.isArray(candidate.path) && candidate.path[0] === `m${index}`,
      );
      if (error) {
        missing.push({
          id,
          status: 'UNCONFIRMED',
          reason: `could not be confirmed by its institution (${error.message}); try again later`,
        });
      } else {
        missing.push({
          id,
          status: 'NOT_FOUND',
          reason: 'is not a published or sunset micro-credential of its institution',
        });
      }
    });
    return missing;
  };
}

/**
 * What each outgoing call may carry: the gateway's whole credential policy.
 *
 * The client's Authorization header is parsed once, at the edge, into a typed
 * credential, and the data sources ask this module what to send. Nothing a
 * client sends is ever passed on unchanged: no cookie, no other header, and a
 * credential only to the one party it belongs to.
 *
 * - `mck_<institution>_<8 hex>_<secret>`: an institution's publishing key. The
 *   embedded code tells the gateway the owner without making the key usable
 *   anywhere else; it goes only to that institution, and only on the root
 *   fields addressed to it (their `institution` or `id` argument names it).
 *   Entity fetches and every other institution get nothing.
 * - `mck_<8 hex>_<secret>` (the old format, no owner): forwarded to nobody.
 *   Such keys still work sent directly to the institution's own subgraph;
 *   rotate them to the new format to publish through the gateway.
 * - `mdk_…`: a directory consumer key (job boards). It is the gateway's own
 *   business and is forwarded to no subgraph.
 * - `ek_…`: an endorser's key (employers, sector bodies, professional
 *   associations the province registered). Only the framework, which issued
 *   it, can check it: forwarded to the framework only.
 * - Any other bearer token (recognition keys `rk_…`, the province key): to
 *   the province-run framework subgraph, never to a catalogue. The province
 *   key also goes to the province-run search subgraph, which holds the
 *   province-only insights; recognition keys (`rk_…`, institutions' keys the
 *   framework checks) do not.
 */

import { parsePublishingKey } from '../runtime/publishingKeys.js';
import { bearerToken } from '../runtime/bearerToken.js';

export type Credential =
  | { kind: 'NONE' }
  | { kind: 'PUBLISHING_KEY'; institution: string; authorization: string }
  | { kind: 'OWNERLESS_PUBLISHING_KEY' }
  | { kind: 'CONSUMER_KEY' }
  | { kind: 'PROVINCE_TOKEN'; authorization: string }
  | { kind: 'ENDORSER_KEY'; authorization: string }
  /** Not a bearer token at all (Basic, garbage): forwarded to nobody. */
  | { kind: 'UNRECOGNISED' };

const none: Credential = { kind: 'NONE' };

export function parseCredential(header: string | string[] | undefined): Credential {
  if (header === undefined || header === '') return none;
  if (typeof header !== 'string') return { kind: 'UNRECOGNISED' };
  const token = bearerToken(header);
  if (!token) return { kind: 'UNRECOGNISED' };
  const authorization = `Bearer ${token}`;
  if (token.startsWith('mdk_')) return { kind: 'CONSUMER_KEY' };
  if (token.startsWith('ek_')) return { kind: 'ENDORSER_KEY', authorization };
  if (token.startsWith('mck_')) {
    const owner = parsePublishingKey(token)?.institution;
    return owner ? { kind: 'PUBLISHING_KEY', institution: owner, authorization } : { kind: 'OWNERLESS_PUBLISHING_KEY' };
  }
  return { kind: 'PROVINCE_TOKEN', authorization };
}

/** The only subgraph the province's, recognition and endorser tokens are meant for. */
export const provinceSubgraph = 'framework';

/** The province's other service: search, where the province key reads insights. */
export const provinceInsightsSubgraph = 'search';

/** Headers for a call to a province-run subgraph (`framework`, `search`). */
export function headersForSubgraph(credential: Credential | undefined, subgraph: string): Record<string, string> {
  if (credential?.kind === 'ENDORSER_KEY') {
    return subgraph === provinceSubgraph ? { authorization: credential.authorization } : {};
  }
  if (credential?.kind !== 'PROVINCE_TOKEN') return {};
  if (subgraph === provinceSubgraph) return { authorization: credential.authorization };
  const isRecognitionKey = credential.authorization.startsWith('Bearer rk_');
  return subgraph === provinceInsightsSubgraph && !isRecognitionKey ? { authorization: credential.authorization } : {};
}

/**
 * Headers for a call to an institution's catalogue. `addressed` is true only
 * for root fields whose institution or id argument names that institution.
 */
export function headersForInstitution(
  credential: Credential | undefined,
  institution: string,
  addressed: boolean,
): Record<string, string> {
  return addressed && credential?.kind === 'PUBLISHING_KEY' && credential.institution === institution
    ? { authorization: credential.authorization }
    : {};
}

/**
 * Whether an answer may be shared with every client (the response cache): only
 * when nothing the client sent can reach a subgraph and change what it answers.
 * A consumer key identifies a job board for its budget and grants nothing more.
 */
export function sharesPublicAnswers(credential: Credential | undefined): boolean {
  return credential === undefined || credential.kind === 'NONE' || credential.kind === 'CONSUMER_KEY';
}

/**
 * One health probe: the smallest GraphQL request (`{ __typename }`), with its
 * own short deadline. It tells whether a subgraph answers GraphQL right now,
 * whatever the traffic; it does not touch the subgraph's database.
 */
import { InstitutionCallError, callInstitution } from '../datasources/institutionClient.js';

export type ProbeResult = { ok: true } | { ok: false; reason: string; refused: boolean };

/**
 * A refused connection means the target is down; a slow or odd answer may be
 * a moment's load, so it counts only when the next probe fails too.
 */
export function probeFailuresBeforeDown(result: ProbeResult & { ok: false }): number {
  return result.refused ? 1 : 2;
}

export async function probe(name: string, url: string, timeoutMs: number): Promise<ProbeResult> {
  try {
    const answer = await callInstitution({ institution: name, url, body: { query: '{ __typename }' }, timeoutMs });
    return answer.data?.__typename
      ? { ok: true }
      : { ok: false, reason: 'malformed response: no __typename', refused: false };
  } catch (error) {
    const refused = error instanceof InstitutionCallError && error.failure === 'UNREACHABLE';
    return { ok: false, reason: failureReason(error), refused };
  }
}

/** A short reason for /health and logs, without the target's name: `timeout: no answer within 2000 ms`. */
export function failureReason(error: unknown): string {
  if (!(error instanceof InstitutionCallError)) return (error as Error).message;
  return `${error.failure.toLowerCase().replace(/_/g, ' ')}: ${error.detail}`;
}

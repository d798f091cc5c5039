/**
 * A rebuild asked of the running search subgraph's admin endpoint
 * (`POST /index/rebuild`), as `npm run reindex` reports it: the lines to print
 * and the exit code. Kept apart from the command so its answers to every kind
 * of reply are tested in-process; reindex.ts only reads the environment and
 * prints.
 */
import { isRecord } from '../../runtime/checker.js';
import type { CommandOutcome } from '../../runtime/commandOutcome.js';

export async function requestRebuild(base: string, token: string | undefined): Promise<CommandOutcome> {
  const started = Date.now();
  const failed = (line: string): CommandOutcome => ({ exitCode: 1, stdout: [], stderr: [line] });
  let response: Response;
  let reply: string;
  try {
    response = await fetch(new URL('/index/rebuild', base), {
      method: 'POST',
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    reply = await response.text();
  } catch (error) {
    return failed(`search subgraph unreachable at ${base}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const body = jsonObject(reply);
  if (!response.ok) return failed(`rebuild refused (HTTP ${response.status}): ${String(body?.error ?? '')}`);
  // The subgraph answers a rebuild with an object; anything else (null, a list, not JSON) is not an answer to read.
  if (!body)
    return failed(
      `rebuild answered HTTP ${response.status} without a JSON object: ${JSON.stringify(reply.slice(0, 200))}`,
    );
  const unfinished = body.error || (Array.isArray(body.failedInstitutions) && body.failedInstitutions.length > 0);
  return {
    exitCode: unfinished ? 1 : 0,
    stdout: [JSON.stringify(body, null, 2), `done in ${((Date.now() - started) / 1000).toFixed(1)} s`],
    stderr: [],
  };
}

/** The reply as a JSON object, or undefined when it is not one. */
function jsonObject(reply: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(reply);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

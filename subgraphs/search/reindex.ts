/**
 * `npm run reindex`: asks the running search subgraph to rebuild its index
 * from scratch (every catalogue's change feed from the start), and waits.
 * The old index keeps answering until the new one is complete.
 *
 *   SEARCH_ADMIN_URL (default http://127.0.0.1:4003), SEARCH_ADMIN_TOKEN if the subgraph requires one
 */
import { isRecord } from '../../runtime/checker.js';
import { optionalString } from '../../runtime/config.js';

const base = optionalString(process.env, 'SEARCH_ADMIN_URL') ?? 'http://127.0.0.1:4003';
const token = optionalString(process.env, 'SEARCH_ADMIN_TOKEN');
const started = Date.now();
console.log(`rebuilding the search index at ${base} ...`);
try {
  const response = await fetch(new URL('/index/rebuild', base), {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const reply = await response.text();
  const body = jsonObject(reply);
  if (!response.ok) {
    console.error(`rebuild refused (HTTP ${response.status}): ${String(body?.error ?? '')}`);
    process.exit(1);
  }
  // The subgraph answers a rebuild with an object; anything else (null, a list, not JSON) is not an answer to read.
  if (!body) {
    console.error(
      `rebuild answered HTTP ${response.status} without a JSON object: ${JSON.stringify(reply.slice(0, 200))}`,
    );
    process.exit(1);
  }
  console.log(JSON.stringify(body, null, 2));
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (body.error || (Array.isArray(body.failedInstitutions) && body.failedInstitutions.length)) process.exitCode = 1;
} catch (error) {
  console.error(`search subgraph unreachable at ${base}: ${(error as Error).message}`);
  process.exit(1);
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

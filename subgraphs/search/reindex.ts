/**
 * `npm run reindex`: asks the running search subgraph to rebuild its index
 * from scratch (every catalogue's change feed from the start), and waits.
 * The old index keeps answering until the new one is complete.
 *
 *   SEARCH_ADMIN_URL (default http://127.0.0.1:4003), SEARCH_ADMIN_TOKEN if the subgraph requires one
 */
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
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    console.error(`rebuild refused (HTTP ${response.status}): ${String(body.error ?? '')}`);
    process.exit(1);
  }
  console.log(JSON.stringify(body, null, 2));
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (body.error || (Array.isArray(body.failedInstitutions) && body.failedInstitutions.length)) process.exitCode = 1;
} catch (error) {
  console.error(`search subgraph unreachable at ${base}: ${(error as Error).message}`);
  process.exit(1);
}

/**
 * `npm run reindex`: asks the running search subgraph to rebuild its index
 * from scratch (every catalogue's change feed from the start), and waits.
 * The old index keeps answering until the new one is complete.
 *
 *   SEARCH_ADMIN_URL (default http://127.0.0.1:4003), SEARCH_ADMIN_TOKEN if the subgraph requires one
 */
import { printed } from '../../runtime/commandOutcome.js';
import { optionalString } from '../../runtime/config.js';
import { requestRebuild } from './rebuildRequest.js';

const base = optionalString(process.env, 'SEARCH_ADMIN_URL') ?? 'http://127.0.0.1:4003';
console.log(`rebuilding the search index at ${base} ...`);
const outcome = await requestRebuild(base, optionalString(process.env, 'SEARCH_ADMIN_TOKEN'));
process.exitCode = printed(outcome);

/**
 * What can be wrong with an entry an institution's change feed answers, each
 * problem with a code and a path (runtime/checker.ts). Subgraphs never import
 * each other, so the search subgraph has its own codes: the checker's, and the
 * few rules of the index. The indexer logs them; no client receives them.
 */
import { checkerProblemCodes, type Problem } from '../../../runtime/checker.js';
import { fieldName } from '../../../runtime/problemPath.js';

export const feedEntryProblemCodes = [
  ...checkerProblemCodes,
  /** The entry's `id` or `institution.code` names an institution other than the one whose feed it came from. */
  'WRONG_INSTITUTION',
  'INVALID_URL',
  'INVALID_DATE',
  /** `updatedAt` is not an instant. */
  'INVALID_INSTANT',
] as const;
export type FeedEntryProblemCode = (typeof feedEntryProblemCodes)[number];
export type FeedEntryProblem = Problem<FeedEntryProblemCode>;

/** Checker messages quote the value they refused, which an institution chose: a log line shows only its start. */
const maxMessageLength = 160;

/**
 * Every problem on one log line, each as path, code and message:
 * `title REQUIRED (must be a non-empty string); offerings[0].startDate INVALID_DATE (...)`.
 */
export function describeFeedEntryProblems(problems: readonly FeedEntryProblem[]): string {
  return problems
    .map(({ path, code, message }) => {
      const shown = message.length > maxMessageLength ? `${message.slice(0, maxMessageLength)}…` : message;
      return `${fieldName(path) || '(entry)'} ${code} (${shown})`;
    })
    .join('; ');
}

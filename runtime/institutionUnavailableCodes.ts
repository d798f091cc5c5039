/**
 * The error codes the gateway gives an institution it could not ask (gateway/datasources/
 * shardErrors.ts): its server down, slow or answering garbage, not conforming to the contract, or
 * not registered. The directory's own clients that read one institution through the public API
 * (the linked-data routes, the search subgraph's outcome insights) tell "that institution is out"
 * from "the directory failed" by them.
 */
export const institutionUnavailableCodes: ReadonlySet<string> = new Set([
  'INSTITUTION_UNAVAILABLE',
  'INSTITUTION_NOT_CONFORMING',
  'UNKNOWN_INSTITUTION',
]);

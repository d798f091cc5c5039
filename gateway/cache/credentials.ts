/**
 * Which requests may share cached answers. A cached answer is shared with
 * every client that sends the same operation, so it may only come from, and
 * only be given to, a request carrying no credential.
 *
 * Every `Authorization` value counts as a credential (institution keys
 * `mck_…`, recognition keys `rk_…`, the province key, anything unknown),
 * except a consumer key `mdk_…`: it only identifies a job board or portal for
 * its budget, is never forwarded to a subgraph, and grants nothing an
 * anonymous client could not read.
 */
const consumerKey = /^Bearer mdk_[A-Za-z0-9_-]+$/;

export function carriesCredential(authorization: string | null | undefined): boolean {
  if (authorization === undefined || authorization === null || authorization === '') return false;
  return !consumerKey.test(authorization.trim());
}

/**
 * The format of institutions' publishing keys, shared by the catalogue that
 * issues and verifies them and the gateway that decides where they may go.
 *
 * `mck_<institution>_<8 hex>_<secret>`: the institution code (never contains
 * `_`) names the owner, so the gateway can send the key to that institution
 * only, without being able to check or use it; the 8 hex characters are the
 * visible prefix shown in lists and the audit log; the secret is 256 bits in
 * base64url. Keys issued before the owner was embedded, `mck_<8 hex>_<secret>`,
 * still work sent directly to their institution's subgraph; the gateway
 * forwards them nowhere.
 */

export interface PublishingKey {
  /** Undefined for the old, ownerless format. */
  institution?: string;
  prefix: string;
}

const withOwner = /^mck_([a-z][a-z0-9-]{1,31})_([0-9a-f]{8})_[A-Za-z0-9_-]{43}$/;
const ownerless = /^mck_([0-9a-f]{8})_[A-Za-z0-9_-]{43}$/;

/** The parts of a publishing key; undefined when `token` is not one. */
export function parsePublishingKey(token: string): PublishingKey | undefined {
  const owned = withOwner.exec(token);
  if (owned) return { institution: owned[1]!, prefix: owned[2]! };
  const old = ownerless.exec(token);
  return old ? { prefix: old[1]! } : undefined;
}

export function formatPublishingKey(institution: string, prefix: string, secret: string): string {
  return `mck_${institution}_${prefix}_${secret}`;
}

/**
 * The token of an `Authorization: Bearer <token>` header (RFC 6750 §2.1). The scheme is
 * case-insensitive (RFC 9110 §11.1); surrounding spaces are tolerated, a token with spaces
 * inside is not a bearer token. Every service reads the header through this one function,
 * so the gateway and the subgraphs agree on what counts as "a bearer token was sent".
 */
export function bearerToken(authorization: string | undefined): string | undefined {
  if (authorization === undefined) return undefined;
  return /^Bearer +(\S+) *$/i.exec(authorization)?.[1];
}

/** Micro-credential ids from a request: `<institution>:<slug>`, checked before anything is sent to the API. */
const idPattern = /^[a-z][a-z0-9-]{1,31}:[a-z0-9][a-z0-9-]{0,199}$/;

export function isMicroCredentialId(value: string): boolean {
  return idPattern.test(value);
}

/** Distinct well-formed ids, in the order given, at most `limit`; `dropped` tells whether any were left out. */
export function idsFrom(values: string[], limit: number): { ids: string[]; dropped: boolean } {
  const valid = [...new Set(values.filter(isMicroCredentialId))];
  return { ids: valid.slice(0, limit), dropped: valid.length > limit || valid.length < values.length };
}

/**
 * A micro-credential id is `<institution>:<slug>` (schema/catalogue.graphql, `MicroCredential.id`): the
 * prefix names the institution whose catalogue owns the entry, and so who may answer for it. Programs
 * (`<institution>:<program code>`) and learning-item references follow the same convention.
 *
 * This module only splits at the first `:`; what a valid code or slug looks like is the caller's rule
 * (runtime/config.ts `isInstitutionCode`, the catalogue's slug rule).
 */
export interface InstitutionPrefixedId {
  institution: string;
  /** Everything after the first `:` (a slug, a program code). */
  local: string;
}

/** `humber:data-analytics` → `{ institution: 'humber', local: 'data-analytics' }`; undefined when either side is empty. */
export function splitInstitutionPrefixedId(id: string): InstitutionPrefixedId | undefined {
  const colon = id.indexOf(':');
  if (colon <= 0 || colon === id.length - 1) return undefined;
  return { institution: id.slice(0, colon), local: id.slice(colon + 1) };
}

/** `humber:data-analytics` → `humber`; undefined when the id has no institution prefix. */
export function institutionOfMicroCredentialId(id: string): string | undefined {
  return splitInstitutionPrefixedId(id)?.institution;
}

/**
 * What resolvers hand down to the fields below them, for types that are not
 * database rows (codegen.json maps the GraphQL types to these).
 */

/**
 * A micro-credential as the gateway represents it: `instructionalHours` comes
 * from the owning institution through `@requires` and is checked, never
 * trusted, before use.
 */
export interface MicroCredentialReference {
  id: string;
  instructionalHours: unknown;
}

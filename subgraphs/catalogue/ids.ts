import { isSlug } from './formats.js';

/** `humber` + `data-analytics` → `humber:data-analytics`. */
export function microCredentialId(institution: string, slug: string): string {
  return `${institution}:${slug}`;
}

/**
 * The slug of a global id if it belongs to `institution`; undefined for
 * another institution's id or anything malformed, which this catalogue simply
 * does not have.
 */
export function ownSlugOf(id: unknown, institution: string): string | undefined {
  if (typeof id !== 'string') return undefined;
  const prefix = `${institution}:`;
  if (!id.startsWith(prefix)) return undefined;
  const slug = id.slice(prefix.length);
  return isSlug(slug) ? slug : undefined;
}

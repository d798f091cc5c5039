/**
 * Permanent URLs of directory entries and institutions under the public
 * origin, and the strict parsing of the ids they carry. An id in a URL comes
 * from anyone on the internet: it is checked here before it reaches GraphQL.
 */
import { isInstitutionCode } from '../../runtime/config.js';
import { splitInstitutionPrefixedId } from '../../runtime/microCredentialId.js';

/** The part after `<institution>:`; the same rule as the catalogue contract's slugs. */
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const maxSlugLength = 100;

export type ParsedId = { ok: true; institution: string; slug: string } | { ok: false; problem: string };

/** `humber:data-analytics` → its institution and slug, or why it cannot be a micro-credential id. */
export function parseMicroCredentialId(id: string): ParsedId {
  const parts = splitInstitutionPrefixedId(id);
  if (!parts) return { ok: false, problem: 'an id is `<institution>:<slug>`, e.g. `humber:data-analytics`' };
  const { institution, local: slug } = parts;
  if (!isInstitutionCode(institution)) {
    return {
      ok: false,
      problem: `"${truncate(institution)}" is not an institution code (lower case, 2 to 32 characters)`,
    };
  }
  if (slug.length > maxSlugLength || !slugPattern.test(slug)) {
    return { ok: false, problem: 'the slug after `:` is lower-case letters and digits separated by single hyphens' };
  }
  return { ok: true, institution, slug };
}

function truncate(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

/** The origin every permanent URL starts with, without a trailing slash. */
export function normalizeOrigin(origin: string): string {
  const parsed = new URL(origin);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\/+$/, '')}`;
}

export function credentialUrl(origin: string, id: string): string {
  return `${origin}/credentials/${encodeURIComponent(id).replace(/%3A/gi, ':')}`;
}

export function institutionUrl(origin: string, code: string): string {
  return `${origin}/institutions/${encodeURIComponent(code)}`;
}

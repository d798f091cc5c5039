/**
 * The Meilisearch document id of an entry. Entry ids are institution-chosen
 * text (up to 20,000 characters, any character), but a Meilisearch document
 * id must be under 512 bytes of ASCII letters, digits, "-" and "_"
 * (`validate_document_id_str` in meilisearch/meilisearch:
 * crates/milli/src/documents/primary_key.rs, v1.50.0); one invalid id fails
 * its whole upload, so one long id would block its institution's indexing on
 * every pass. The key is therefore the SHA-256 of the id, base64url-encoded:
 * 43 allowed characters for any id, the same on every run, and no
 * institution can choose an id that lands on another's key. The real id is
 * kept in the document's `id` field.
 */
import { createHash } from 'node:crypto';

export function documentKeyOf(id: string): string {
  return createHash('sha256').update(id, 'utf8').digest('base64url');
}

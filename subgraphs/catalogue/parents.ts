/**
 * What resolvers hand down to the fields below them, for the types that are
 * not plain database rows (codegen.json maps the GraphQL types to these).
 */
import type { EntryFilter } from './db/catalogueReads.js';
import type { ChangeRow, MicroCredentialRow } from './db/schema.js';

export interface InstitutionParent {
  code: string;
}

export interface MicroCredentialPage {
  rows: MicroCredentialRow[];
  hasNextPage: boolean;
  /** Counted only when a client asks for totalCount. */
  filter: EntryFilter;
}

export interface ChangePageParent {
  rows: ChangeRow[];
  cursor: string | null;
  hasMore: boolean;
}

/**
 * What resolvers hand down to the fields below them, for the types that are
 * not plain database rows (codegen.json maps the GraphQL types to these).
 */
import type { EntryFilter } from './db/catalogueReads.js';
import type { AuditRow, ChangeRow, DraftRow, MicroCredentialRow } from './db/schema.js';
import type { PublishingProblemCode } from './problemCodes.js';

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

/** A problem or warning as the payloads report it (PublishingProblem). */
export interface PublishingProblem {
  code: PublishingProblemCode;
  path: Array<string | number>;
  message: string;
  /** CSV line or JSON position (from 1) of the entry, for imports. */
  line?: number | null;
}

/** The same, as codegen's mapper for PublishingProblem (the generated type of that name is the SDL's, with `code: String`). */
export type PublishingProblemParent = PublishingProblem;

export interface MicroCredentialPayloadParent {
  microCredential: MicroCredentialRow | null;
  draft: DraftRow | null;
  problems: PublishingProblem[];
  warnings: PublishingProblem[];
}

export interface ImportPayloadParent {
  /** Slugs; the resolvers form global ids. */
  created: string[];
  updated: string[];
  unchanged: string[];
  problems: PublishingProblem[];
  warnings: PublishingProblem[];
}

export interface AuditLogPageParent {
  rows: AuditRow[];
  cursor: string | null;
  hasMore: boolean;
}

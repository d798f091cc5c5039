/**
 * Per-request batching: an `_entities` batch of institutions, however long,
 * costs one SQL round-trip.
 */
import DataLoader from 'dataloader';
import { isInstitutionCode } from '../../runtime/config.js';
import type { FrameworkDatabase } from './db/connection.js';
import { findInstitutionsByCodes } from './db/institutionStore.js';
import type { InstitutionRow } from './db/schema.js';
import { createRecognitionLoaders, type RecognitionLoaders } from './recognition/recognitionData.js';
import { createTrustMarkLoaders, type TrustMarkLoaders } from './trustMarks/reads.js';

export interface FrameworkLoaders {
  /** Null for codes no institution is registered under (including malformed ones). */
  institution: DataLoader<string, InstitutionRow | null>;
  /** Recognition data, read once per request (see recognition/recognitionData.ts). */
  recognition: RecognitionLoaders;
  /** Provincial trust marks by micro-credential (see trustMarks/reads.ts). */
  trustMarks: TrustMarkLoaders;
}

export function createLoaders(db: FrameworkDatabase): FrameworkLoaders {
  const institution = new DataLoader<string, InstitutionRow | null>(async (codes) => {
    const wellFormed = codes.filter(isInstitutionCode);
    const byCode = new Map((await findInstitutionsByCodes(db, wellFormed)).map((row) => [row.code, row]));
    return codes.map((code) => byCode.get(code) ?? null);
  });
  return { institution, recognition: createRecognitionLoaders(db), trustMarks: createTrustMarkLoaders(db) };
}

/**
 * Credential Transparency Identifiers. The Registry's CTID is `ce-` plus a
 * lower-case UUID; ours are name-based UUIDs (version 5, RFC 9562 §5.5) of
 * the directory's own stable keys, so an entry keeps its CTID across
 * restarts, re-imports and rebuilt databases, and anyone can recompute it.
 */
import { v5 as uuidv5 } from 'uuid';

/** This directory's namespace: the version 5 UUID of its name in the URL namespace. */
const directoryNamespace = uuidv5('https://directory.ontario.ca/micro-credentials', uuidv5.URL);

export type CtidSubject = 'micro-credential' | 'institution' | 'equivalency' | 'agreement';

export function ctid(subject: CtidSubject, key: string): string {
  return `ce-${uuidv5(`${subject}:${key}`, directoryNamespace)}`;
}

export const ctidPattern = /^ce-[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

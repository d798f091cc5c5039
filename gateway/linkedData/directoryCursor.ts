/**
 * The opaque cursor of `directoryChanges`: which institutions the client has
 * been told about (INSTITUTION_ADDED) and, for each, the position in its own
 * `changes` feed. base64url of a small JSON document; what comes back from a
 * client is untrusted and checked field by field.
 */
import { GraphQLError } from 'graphql';
import { isInstitutionCode } from '../../runtime/config.js';

/** Institution code → cursor in its feed (null: from its beginning). */
export type DirectoryPosition = Map<string, string | null>;

const version = 1;
const maxCursorLength = 64 * 1024;
const maxInstitutionCursorLength = 256;

export function encodeDirectoryCursor(position: DirectoryPosition): string {
  const institutions = [...position.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Buffer.from(JSON.stringify({ v: version, i: institutions })).toString('base64url');
}

export function decodeDirectoryCursor(cursor: string | null | undefined): DirectoryPosition {
  if (cursor == null) return new Map();
  const invalid = (why: string) =>
    new GraphQLError(`"since" is not a cursor returned by directoryChanges: ${why}. Start again without "since".`, {
      extensions: { code: 'INVALID_CURSOR', argumentName: 'since' },
    });
  if (cursor.length > maxCursorLength || !/^[A-Za-z0-9_-]*$/.test(cursor))
    throw invalid('it is not base64url text of a sane size');
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('it does not decode');
  }
  const document = decoded as { v?: unknown; i?: unknown };
  if (typeof document !== 'object' || document === null || document.v !== version || !Array.isArray(document.i)) {
    throw invalid('unknown format');
  }
  const position: DirectoryPosition = new Map();
  for (const pair of document.i) {
    if (!Array.isArray(pair) || pair.length !== 2) throw invalid('malformed institution position');
    const [code, feedCursor] = pair as [unknown, unknown];
    if (typeof code !== 'string' || !isInstitutionCode(code) || position.has(code))
      throw invalid('malformed institution code');
    if (feedCursor !== null && (typeof feedCursor !== 'string' || feedCursor.length > maxInstitutionCursorLength)) {
      throw invalid(`malformed position for "${code}"`);
    }
    position.set(code, feedCursor as string | null);
  }
  return position;
}

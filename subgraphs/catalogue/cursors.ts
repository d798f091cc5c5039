/**
 * Cursors are opaque to clients. Connection cursors wrap the entry's slug;
 * change cursors are the change's sequence number as a string, so an indexer
 * can store one as text and resume from it.
 */
import { isSlug } from './formats.js';
import { badUserInput } from '../../runtime/graphqlErrors.js';

const entryCursorPrefix = 'mc:';

export function entryCursor(slug: string): string {
  return Buffer.from(`${entryCursorPrefix}${slug}`, 'utf8').toString('base64url');
}

export function slugFromEntryCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const slug = decoded.slice(entryCursorPrefix.length);
  if (!decoded.startsWith(entryCursorPrefix) || !isSlug(slug)) {
    throw badUserInput(`"after" is not a cursor from this connection: ${JSON.stringify(cursor)}`, 'after');
  }
  return slug;
}

export function changeCursor(seq: number): string {
  return String(seq);
}

export function seqFromChangeCursor(cursor: string): number {
  if (!/^\d{1,15}$/.test(cursor)) {
    throw badUserInput(`"since" must be a cursor returned by changes, got ${JSON.stringify(cursor)}`, 'since');
  }
  return Number(cursor);
}

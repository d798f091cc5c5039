/**
 * HTTP validators of a bulk resource, from the light listing. The ETag changes
 * whenever any entry's id, version, status or update time changes or an
 * institution joins or leaves; it is weak because the body is regenerated on
 * each request rather than stored. Last-Modified is the newest update, or the
 * moment this gateway first saw the current listing when that is later: an
 * entry that disappears changes no update time, and a client that only sends
 * If-Modified-Since must still learn about it.
 */
import { createHash } from 'node:crypto';
import type { CatalogueListing } from './exportQueries.js';

export interface Validators {
  etag: string;
  lastModified: Date;
}

export class ListingValidators {
  private readonly firstSeen = new Map<string, { etag: string; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  of(variant: string, codes: string[], entries: CatalogueListing[]): Validators {
    const hash = createHash('sha256');
    hash.update(`${variant}\n${codes.join(',')}\n`);
    let newest = 0;
    for (const entry of entries) {
      hash.update(`${entry.id} ${entry.version} ${entry.status} ${entry.updatedAt}\n`);
      newest = Math.max(newest, Date.parse(entry.updatedAt) || 0);
    }
    const etag = `W/"${hash.digest('base64url').slice(0, 32)}"`;
    const seen = this.firstSeen.get(variant);
    const since = seen?.etag === etag ? seen.at : this.now();
    this.firstSeen.set(variant, { etag, at: since });
    // HTTP dates have whole seconds; round up so If-Modified-Since of this very answer stays fresh.
    return { etag, lastModified: new Date(Math.ceil(Math.max(newest, since) / 1000) * 1000) };
  }
}

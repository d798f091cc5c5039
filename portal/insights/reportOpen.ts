/**
 * Tells search that a result was opened: when a detail page is requested
 * from one of the portal's own search result pages (the Referer is only read
 * for that yes or no, never passed on or kept). Fire and forget: the page
 * never waits for it, and a failure costs only one count.
 */
import type { Request } from 'express';
import type { PortalApi } from '../api.js';

const searchPaths = new Set(['/', '/fr', '/fr/']);

export function reportOpenFromSearch(api: PortalApi, req: Request, id: string): void {
  let from: URL;
  try {
    from = new URL(req.get('referer') ?? '');
  } catch {
    return;
  }
  if (from.host !== req.get('host') || !searchPaths.has(from.pathname)) return;
  void api.query('mutation ResultOpened($id: ID!) { recordResultOpened(id: $id) }', { id }).catch(() => {});
}

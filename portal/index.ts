/**
 * The provincial portal: server-rendered pages in English (origin root) and
 * French (/fr), built only on the directory's public GraphQL API, which it
 * calls server-side like any other client. Mounted by the gateway on its own
 * origin; `graphqlUrl` is the gateway's own /graphql.
 */
import { fileURLToPath } from 'node:url';
import express, { type Express, type Request, type Response } from 'express';
import { ApiUnavailable, PortalApi } from './api.js';
import { locales } from './i18n/locale.js';
import { comparePage } from './pages/compare.js';
import { detailPage } from './pages/detail.js';
import { institutionPage } from './pages/institution.js';
import { messagePage, type RenderedPage } from './pages/messagePage.js';
import { plannerPage } from './pages/planner.js';
import { searchPage } from './pages/search.js';
import { mountInsights } from './insights/routes.js';
import { reportOpenFromSearch } from './insights/reportOpen.js';

export interface PortalOptions {
  /** The public API the portal reads, resolved per request (the gateway knows its port only once listening). */
  graphqlUrl: () => string;
  /** Origin used in permanent URLs (JSON-LD), e.g. `https://microcredentials.ontario.ca`; else the request's host. */
  publicOrigin?: string;
  apiTimeoutMs?: number;
  log?: (message: string) => void;
}

const assetsDir = fileURLToPath(new URL('./assets/', import.meta.url));

export function mountPortal(app: Express, options: PortalOptions): void {
  const api = new PortalApi(options.graphqlUrl, options.apiTimeoutMs, options.log);
  app.use('/assets', express.static(assetsDir, { maxAge: '1h', index: false, fallthrough: false }));
  // Province only: sign-in with the province key, charts, CSV (insights/routes.ts).
  mountInsights(app, options.graphqlUrl, options.apiTimeoutMs);
  for (const locale of Object.values(locales)) {
    const at = (path: string) => `${locale.prefix}${path}`;
    const serve = (render: (req: Request) => Promise<RenderedPage | string>) => async (req: Request, res: Response) => {
      let rendered: RenderedPage;
      try {
        const result = await render(req);
        rendered = typeof result === 'string' ? { status: 200, html: result } : result;
      } catch (error) {
        options.log?.(`portal: ${req.method} ${req.path} failed: ${(error as Error).message}`);
        const { t } = locale;
        rendered = messagePage(locale, '/', 503, t.apiUnavailableTitle, t.apiUnavailableBody);
        if (!(error instanceof ApiUnavailable)) rendered.status = 500;
      }
      res
        .status(rendered.status)
        .set({
          'content-type': 'text/html; charset=utf-8',
          'content-language': locale.t.htmlLang,
          'cache-control': 'no-cache',
        })
        .send(rendered.html);
    };
    const searchRoutes = locale.prefix ? [locale.prefix, `${locale.prefix}/`] : ['/'];
    app.get(
      searchRoutes,
      serve((req) => searchPage(api, locale, queryOf(req))),
    );
    app.get(
      at('/credentials/:id'),
      serve((req) => {
        reportOpenFromSearch(api, req, String(req.params.id));
        return detailPage(api, locale, String(req.params.id), originOf(req, options));
      }),
    );
    app.get(
      at('/institutions/:code'),
      serve((req) => institutionPage(api, locale, String(req.params.code), cursorOf(queryOf(req)))),
    );
    app.get(
      at('/compare'),
      serve((req) => comparePage(api, locale, queryOf(req))),
    );
    app.get(
      at('/planner'),
      serve((req) => plannerPage(api, locale, queryOf(req))),
    );
  }
}

/** A paging cursor is opaque to the portal: passed on only when it is short and printable. */
function cursorOf(params: URLSearchParams): string | null {
  const cursor = params.get('after');
  return cursor && /^[\x21-\x7e]{1,200}$/.test(cursor) ? cursor : null;
}

function queryOf(req: Request): URLSearchParams {
  return new URL(req.originalUrl, 'http://portal.invalid').searchParams;
}

/** The Host header is the client's to choose: only a plain host[:port] is used, never echoed otherwise. */
function originOf(req: Request, options: PortalOptions): string {
  if (options.publicOrigin) return options.publicOrigin.replace(/\/$/, '');
  const host = req.get('host') ?? '';
  return /^[A-Za-z0-9.-]{1,253}(:\d{1,5})?$/.test(host) ? `${req.protocol}://${host}` : 'http://localhost';
}

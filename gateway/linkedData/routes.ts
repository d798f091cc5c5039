/**
 * The linked-data routes: permanent URLs with content negotiation and
 * explicit per-format forms, the JSON Lines feed of every public entry and
 * the sitemap. Everything is read through the public GraphQL API.
 *
 *   GET /credentials/{id}                 negotiated: CTDL / OB3 / schema.org JSON-LD or HTML
 *   GET /credentials/{id}.ctdl.jsonld     .ob3.json   .schema.jsonld
 *   GET /institutions/{code}              (same forms)
 *   GET /feeds/credentials.jsonl[?format=ctdl|ob3|schema]
 *   GET /sitemap.xml
 */
import accepts from 'accepts';
import type { Express, NextFunction, Request, Response } from 'express';
import fresh from 'fresh';
import { listDirectory, walkCatalogues } from './catalogueWalk.js';
import { ctdlDocument, ctdlInstitutionDocument } from './ctdl.js';
import { entryQuery, institutionQuery, type ExportedEntry, type ExportedInstitution } from './exportQueries.js';
import {
  GatewayUnavailableError,
  type GatewayQuery,
  type GraphQLError,
  type GraphQLResponse,
} from './gatewayClient.js';
import { escapeHtml } from '../../portal/html.js';
import { openBadgesAchievement, openBadgesProfileDocument } from './openBadges.js';
import { parseMicroCredentialId } from './permanentUrls.js';
import { schemaOrgCourse, schemaOrgInstitutionDocument } from './schemaOrg.js';
import { sitemapXml } from './sitemap.js';
import { ListingValidators } from './validators.js';
import { isInstitutionCode } from '../../runtime/config.js';
import { openBadgesContextUrl, schemaOrgContextUrl } from './vocabularies/index.js';
import { institutionUnavailableCodes } from '../../runtime/institutionUnavailableCodes.js';

export interface LinkedDataRouteOptions {
  query: GatewayQuery;
  log?: (message: string) => void;
}

/** `html` is negotiated here and answered by the portal's page, mounted after these routes. */
type Format = 'ctdl' | 'ob3' | 'schema' | 'html';
type DataFormat = Exclude<Format, 'html'>;

interface InstitutionListing {
  institution: ExportedInstitution;
  entries: Array<{ id: string; url: string; title: string; status: string }>;
  totalCount: number;
}
const suffixes: Array<[string, DataFormat]> = [
  ['.ctdl.jsonld', 'ctdl'],
  ['.ob3.json', 'ob3'],
  ['.schema.jsonld', 'schema'],
];
const mediaTypes: Record<DataFormat, string> = {
  ctdl: 'application/ld+json; charset=utf-8',
  ob3: 'application/ld+json; charset=utf-8',
  schema: 'application/ld+json; charset=utf-8',
};

/** A request the client can fix or a state it must wait out: a status, a stable code and words. */
class RouteError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const maxConcurrentBulk = 4;

export function mountLinkedDataRoutes(app: Express, options: LinkedDataRouteOptions): void {
  const validators = new ListingValidators();
  const handle =
    (handler: (req: Request, res: Response, next: NextFunction) => Promise<void>) =>
    (req: Request, res: Response, next: NextFunction): void => {
      handler(req, res, next).catch((error: unknown) => fail(req, res, error, options.log));
    };

  // A bulk answer reads every catalogue: a few at a time, so requests for them cannot pile up on the institutions.
  let bulkInProgress = 0;
  const bulk =
    (handler: (req: Request, res: Response) => Promise<void>) =>
    async (req: Request, res: Response): Promise<void> => {
      if (bulkInProgress >= maxConcurrentBulk) {
        throw new RouteError(503, 'BUSY', 'The directory is assembling other bulk answers; try again shortly.');
      }
      bulkInProgress++;
      try {
        await handler(req, res);
      } finally {
        bulkInProgress--;
      }
    };
  app.get('/credentials/:ref', handle(dataForm((res, form) => credential(res, form, options))));
  app.get('/institutions/:ref', handle(dataForm((res, form) => institution(res, form, options))));
  app.get('/feeds/credentials.jsonl', handle(bulk((req, res) => feed(req, res, options, validators))));
  app.get('/sitemap.xml', handle(bulk((req, res) => sitemap(req, res, options, validators))));
}

/** `humber:x.ob3.json` → the id and the format it names; a bare id is negotiated from Accept. */
function requestedForm(req: Request): { key: string; format: Format } {
  const ref = String(req.params.ref);
  for (const [suffix, format] of suffixes) {
    if (ref.endsWith(suffix)) return { key: ref.slice(0, -suffix.length), format };
  }
  return { key: ref, format: negotiate(req) };
}

/**
 * `application/ld+json` is CTDL unless its `profile` names the Open Badges or
 * schema.org context; `application/json` (what OB3 wallets ask for) is the
 * Open Badges Achievement; browsers get the page.
 */
function negotiate(req: Request): Format {
  const accept = req.get('accept') ?? '*/*';
  // A media range with parameters only matches an offer with the same parameters; the profile is ours to read.
  const withoutProfiles = accept.replace(/;\s*profile\s*=\s*("[^"]*"|[^,;]*)/gi, '');
  const accepted = accepts({ headers: { accept: withoutProfiles } } as never).type([
    'application/ld+json',
    'text/html',
    'application/json',
  ]);
  if (accepted === 'text/html') return 'html';
  if (accepted === 'application/json') return 'ob3';
  if (accepted === 'application/ld+json') {
    const profile = /application\/ld\+json[^,]*profile\s*=\s*"?([^",;]+)/i.exec(accept)?.[1] ?? '';
    if (profile.includes('imsglobal.org/spec/ob') || profile === openBadgesContextUrl) return 'ob3';
    if (profile.startsWith(schemaOrgContextUrl) || profile.startsWith('http://schema.org')) return 'schema';
    return 'ctdl';
  }
  throw new RouteError(
    406,
    'NOT_ACCEPTABLE',
    'Available as application/ld+json (CTDL, or Open Badges 3.0 / schema.org by profile), application/json (Open Badges 3.0) and text/html.',
  );
}

function setAlternates(res: Response, url: string): void {
  res.vary('Accept');
  res.set(
    'Link',
    [
      `<${url}.ctdl.jsonld>; rel="alternate"; type="application/ld+json"; title="CTDL"`,
      `<${url}.ob3.json>; rel="alternate"; type="application/ld+json"; title="Open Badges 3.0"`,
      `<${url}.schema.jsonld>; rel="alternate"; type="application/ld+json"; title="schema.org"`,
    ].join(', '),
  );
  res.set('Cache-Control', 'public, max-age=60');
}

type DataForm = { key: string; format: DataFormat };

/** Answers the JSON-LD forms; a browser asking for HTML goes on to the portal's page, mounted after these routes. */
function dataForm(handler: (res: Response, form: DataForm) => Promise<void>) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const { key, format } = requestedForm(req);
    if (format === 'html') return next();
    await handler(res, { key, format });
  };
}

async function credential(res: Response, { key, format }: DataForm, options: LinkedDataRouteOptions): Promise<void> {
  const parsed = parseMicroCredentialId(key);
  if (!parsed.ok)
    throw new RouteError(400, 'INVALID_ID', `"${key.slice(0, 120)}" is not a micro-credential id: ${parsed.problem}.`);
  const response = await options.query<{ microCredential: ExportedEntry | null }>(entryQuery, { id: key });
  const entry = response.data?.microCredential;
  if (!entry) {
    throwIfUnavailable(response.errors, parsed.institution);
    throw new RouteError(404, 'NOT_FOUND', `The directory has no public micro-credential "${key}".`);
  }
  if (entry.status === 'SUNSET')
    res.set('Sunset', new Date(`${entry.expiryDate ?? entry.updatedAt.slice(0, 10)}T00:00:00Z`).toUTCString());
  setAlternates(res, entry.url);
  send(res, format, {
    ctdl: () => ctdlDocument(entry),
    ob3: () => openBadgesAchievement(entry),
    schema: () => schemaOrgCourse(entry),
  });
}

const institutionListLimit = 1_000;

async function institution(res: Response, { key, format }: DataForm, options: LinkedDataRouteOptions): Promise<void> {
  if (!isInstitutionCode(key)) {
    throw new RouteError(
      400,
      'INVALID_INSTITUTION_CODE',
      `"${key.slice(0, 60)}" is not an institution code (lower case, e.g. "humber").`,
    );
  }
  const listing = await readInstitution(options.query, key);
  const { institution } = listing;
  setAlternates(res, institution.url);
  const urls = listing.entries.map((entry) => entry.url);
  send(res, format, {
    ctdl: () => ({ ...ctdlInstitutionDocument(institution), 'ceterms:owns': urls, 'ceterms:offers': urls }),
    ob3: () => openBadgesProfileDocument(institution),
    schema: () => schemaOrgInstitutionDocument(institution),
  });
}

type InstitutionAnswer = {
  institution:
    | (ExportedInstitution & {
        microCredentials: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          edges: Array<{ node: InstitutionListing['entries'][number] }>;
        } | null;
      })
    | null;
};

async function readInstitution(query: GatewayQuery, code: string): Promise<InstitutionListing> {
  const entries: InstitutionListing['entries'] = [];
  let after: string | null = null;
  let found: ExportedInstitution | undefined;
  let totalCount = 0;
  do {
    const response: GraphQLResponse<InstitutionAnswer> = await query<InstitutionAnswer>(institutionQuery, {
      code,
      first: 100,
      after,
    });
    const answer = response.data?.institution;
    if (!answer) {
      throwIfUnavailable(response.errors, code);
      throw new RouteError(404, 'UNKNOWN_INSTITUTION', `No institution "${code}" is registered in the directory.`);
    }
    const { microCredentials, ...institution } = answer;
    found = institution;
    if (!microCredentials) throwIfUnavailable(response.errors, code, true);
    totalCount = microCredentials!.totalCount;
    entries.push(...microCredentials!.edges.map((edge) => edge.node));
    after = microCredentials!.pageInfo.hasNextPage ? microCredentials!.pageInfo.endCursor : null;
  } while (after !== null && entries.length < institutionListLimit);
  return { institution: found!, entries, totalCount };
}

/** Null data with errors: the institution's own server (or the directory) could not answer now. */
function throwIfUnavailable(errors: GraphQLError[] | undefined, institution: string, always = false): void {
  if (!errors?.length && !always) return;
  const codes = (errors ?? []).map((error) => String(error.extensions?.code ?? ''));
  if (codes.includes('UNKNOWN_INSTITUTION')) {
    throw new RouteError(404, 'UNKNOWN_INSTITUTION', `No institution "${institution}" is registered in the directory.`);
  }
  const ownOutage = codes.some((code) => institutionUnavailableCodes.has(code));
  throw new RouteError(
    503,
    ownOutage ? 'INSTITUTION_UNAVAILABLE' : 'DIRECTORY_UNAVAILABLE',
    ownOutage
      ? `${institution}'s catalogue cannot be reached right now; try again shortly.`
      : 'The directory could not assemble this record right now; try again shortly.',
  );
}

function send(res: Response, format: DataFormat, forms: Record<DataFormat, () => unknown>): void {
  const body = forms[format]();
  res.type(mediaTypes[format]);
  // res.send sets an ETag and answers If-None-Match with 304 itself.
  res.send(typeof body === 'string' ? body : JSON.stringify(body, null, 2));
}

const feedFormats = {
  ctdl: (entry: ExportedEntry) => ctdlDocument(entry),
  ob3: (entry: ExportedEntry) => openBadgesAchievement(entry),
  schema: (entry: ExportedEntry) => schemaOrgCourse(entry),
} as const;

async function feed(
  req: Request,
  res: Response,
  options: LinkedDataRouteOptions,
  validators: ListingValidators,
): Promise<void> {
  const format = String(req.query.format ?? 'ctdl');
  if (!(format in feedFormats)) {
    throw new RouteError(
      400,
      'INVALID_FORMAT',
      `format must be one of ${Object.keys(feedFormats).join(', ')}; got "${format.slice(0, 40)}".`,
    );
  }
  const toDocument = feedFormats[format as keyof typeof feedFormats];
  const listing = await listDirectory(options.query);
  if (!conditional(req, res, validators, `feed:${format}`, listing)) return;
  res.type('application/x-ndjson; charset=utf-8');
  res.vary('Accept');
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  let closed = false;
  res.on('close', () => (closed = true));
  const unavailable: string[] = [];
  try {
    for await (const page of walkCatalogues<ExportedEntry>(options.query, true, listing.codes, unavailable)) {
      for (const entry of page.entries) {
        if (closed) return;
        if (!res.write(`${JSON.stringify(toDocument(entry))}\n`))
          await new Promise((resolve) => res.once('drain', resolve));
      }
    }
    // An institution lost midway (or an entry that failed, which fails its page) would read as deletions.
    const lost = unavailable.filter((code) => !listing.unavailable.includes(code));
    if (lost.length) throw new GatewayUnavailableError(`catalogues lost during the feed: ${lost.join(', ')}`);
    res.end();
  } catch (error) {
    // Headers are gone: cut the connection so the client sees a truncated transfer, not a short feed.
    options.log?.(`linked data: feed interrupted: ${(error as Error).message}`);
    res.destroy();
  }
}

async function sitemap(
  req: Request,
  res: Response,
  options: LinkedDataRouteOptions,
  validators: ListingValidators,
): Promise<void> {
  const listing = await listDirectory(options.query);
  if (!conditional(req, res, validators, 'sitemap', listing)) return;
  res.type('application/xml; charset=utf-8');
  res.send(sitemapXml(listing.entries, await institutionUrls(options.query, listing.codes)));
}

async function institutionUrls(query: GatewayQuery, codes: string[]): Promise<string[]> {
  const response = await query<{ institutions: Array<{ code: string; url: string }> }>('{ institutions { code url } }');
  return (response.data?.institutions ?? []).filter((i) => codes.includes(i.code)).map((i) => i.url);
}

/**
 * Sets the validators and answers 304 when the client's copy is current.
 * A listing with institutions missing gets no validators (it must not be
 * cached as the directory) and says who is missing. True when a body follows.
 */
function conditional(
  req: Request,
  res: Response,
  validators: ListingValidators,
  variant: string,
  listing: Awaited<ReturnType<typeof listDirectory>>,
): boolean {
  res.set('Cache-Control', 'public, max-age=60');
  if (listing.unavailable.length) {
    res.set('Cache-Control', 'no-store');
    res.set('Directory-Unavailable-Institutions', listing.unavailable.join(','));
    return true;
  }
  const { etag, lastModified } = validators.of(variant, listing.codes, listing.entries);
  res.set('ETag', etag);
  res.set('Last-Modified', lastModified.toUTCString());
  if (notModified(req, etag, lastModified)) {
    res.status(304).end();
    return false;
  }
  return true;
}

/**
 * RFC 9110 §13.2.2: If-None-Match decides when present, else If-Modified-Since.
 * Unlike `req.fresh`, a request's `Cache-Control: no-cache` (which fetch adds to
 * every conditional request) does not disable the check: it speaks to caches, not
 * to the origin.
 */
function notModified(req: Request, etag: string, lastModified: Date): boolean {
  const preconditions = {
    'if-none-match': req.get('if-none-match'),
    'if-modified-since': req.get('if-modified-since'),
  };
  return fresh(preconditions, { etag, 'last-modified': lastModified.toUTCString() });
}

function fail(req: Request, res: Response, error: unknown, log?: (message: string) => void): void {
  const known =
    error instanceof RouteError
      ? error
      : error instanceof GatewayUnavailableError
        ? new RouteError(
            503,
            'DIRECTORY_UNAVAILABLE',
            'The directory API is not answering right now; try again shortly.',
          )
        : undefined;
  if (!known) log?.(`linked data: ${req.method} ${req.path}: ${(error as Error)?.stack ?? String(error)}`);
  const { status, code, message } = known ?? {
    status: 500,
    code: 'INTERNAL_ERROR',
    message: 'Something went wrong on our side.',
  };
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.removeHeader('ETag');
  res.removeHeader('Last-Modified');
  res.set('Cache-Control', 'no-store');
  if (status === 503) res.set('Retry-After', '30');
  res.status(status);
  if (req.accepts(['application/json', 'application/ld+json', 'text/html']) === 'text/html') {
    res
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${status} ${escapeHtml(code)}</title></head><body><main><h1>${escapeHtml(message)}</h1><p>Error code: <code>${escapeHtml(code)}</code></p></main></body></html>`,
      );
    return;
  }
  res.json({ error: { code, message } });
}

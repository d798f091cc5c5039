/**
 * Creating what each service's DATABASE_URL names on a shared PostgreSQL
 * server: a login role owning one database, and nobody else allowed in.
 * An institution's catalogue subgraph can then reach its own database only,
 * even when the province hosts several institutions on one server.
 */
import postgres from 'postgres';
import { ConfigError } from '../runtime/config.js';

/** A service's database as its connection URL describes it. */
export interface DatabaseAccount {
  role: string;
  password: string;
  database: string;
}

const identifierPattern = /^[a-z_][a-z0-9_]{0,62}$/;

/** Reads one service's DATABASE_URL; `variable` names the setting in errors. */
export function databaseAccountFromUrl(variable: string, raw: string): DatabaseAccount {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(variable, `must hold postgres:// URLs, got "${redactPassword(raw)}"`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(variable, `must hold postgres:// URLs, got "${redactPassword(raw)}"`);
  }
  const role = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  const where = `in "${redactPassword(raw)}"`;
  if (!identifierPattern.test(role)) {
    throw new ConfigError(variable, `needs a lower-case user name (letters, digits, _) ${where}`);
  }
  if (!identifierPattern.test(database)) {
    throw new ConfigError(variable, `needs a lower-case database name (letters, digits, _) ${where}`);
  }
  if (password.length < 12) throw new ConfigError(variable, `needs a password of at least 12 characters ${where}`);
  return { role, password, database };
}

/**
 * Makes the account exist as described: creates the role or resets its
 * password (so changing it in .env and re-running rotates it), creates the
 * database owned by the role, and takes away the default right of every
 * other role to connect to it. Safe to run on every start.
 */
export async function provisionDatabase(adminUrl: string, account: DatabaseAccount): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  // DDL takes no bind parameters, so PostgreSQL's own format() quotes the names and the password.
  const run = async (template: string, ...values: string[]) => {
    const [row] = await sql<
      { statement: string }[]
    >`select format(${template}, variadic ${sql.array(values)}::text[]) as statement`;
    await sql.unsafe(row!.statement);
  };
  try {
    const [existingRole] = await sql`select 1 from pg_roles where rolname = ${account.role}`;
    await run(`${existingRole ? 'alter' : 'create'} role %I with login password %L`, account.role, account.password);
    const [existingDatabase] = await sql`select 1 from pg_database where datname = ${account.database}`;
    if (existingDatabase) await run('alter database %I owner to %I', account.database, account.role);
    else await run('create database %I owner %I', account.database, account.role);
    await run('revoke all on database %I from public', account.database);
  } finally {
    await sql.end();
  }
}

/** URLs end up in error messages and logs; their passwords must not. */
export function redactPassword(raw: string): string {
  return raw.replace(/^([a-z]+:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}
